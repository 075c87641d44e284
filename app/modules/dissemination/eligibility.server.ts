import type { Prisma, PrismaClient } from "~/generated/prisma/client";
import type { Classification, DataCategory } from "~/generated/prisma/enums";
import { agreementsInForceForOrganisationWhere } from "~/modules/agreements/access.server";
import { agreementCeilingCarriesWhere } from "~/modules/authorization/classification";

type Client = Prisma.TransactionClient | PrismaClient;

/** What a dissemination contains: what an agreement must permit for a recipient to get it. */
export interface DisseminationTerms {
  classification: Classification;
  dataCategories: DataCategory[];
}

/** One organisation that may receive the dissemination, and the agreement that permits it. */
export interface EligibleRecipient {
  organisationId: string;
  organisationName: string;
  agreement: { id: string; reference: string; title: string };
}

/**
 * The agreements that permit sending to a party: in force now between the sending force and that
 * party, with a classification ceiling that carries the dissemination's classification and data
 * categories that include every one it contains. Asked in the database, so the form and the
 * re-check inside the write's transaction apply the same rule.
 */
export function permittingAgreementsWhere(senderOrganisationId: string, terms: DisseminationTerms, now: Date): Prisma.AgreementWhereInput {
  return {
    ...agreementsInForceForOrganisationWhere(senderOrganisationId, now),
    ...agreementCeilingCarriesWhere(terms.classification),
    dataCategories: { hasEvery: terms.dataCategories },
  };
}

/** Every (organisation, agreement) pair that permits the dissemination, by organisation then agreement reference. */
export async function eligiblePairs(client: Client, senderOrganisationId: string, terms: DisseminationTerms, now: Date): Promise<EligibleRecipient[]> {
  const agreements = await client.agreement.findMany({
    where: permittingAgreementsWhere(senderOrganisationId, terms, now),
    orderBy: { reference: "asc" },
    select: {
      id: true,
      reference: true,
      title: true,
      parties: {
        where: { organisationId: { not: senderOrganisationId } },
        select: { organisation: { select: { id: true, name: true } } },
      },
    },
  });
  return agreements
    .flatMap((agreement) =>
      agreement.parties.map((party) => ({
        organisationId: party.organisation.id,
        organisationName: party.organisation.name,
        agreement: { id: agreement.id, reference: agreement.reference, title: agreement.title },
      })),
    )
    .sort((a, b) => a.organisationName.localeCompare(b.organisationName, "en-GB") || a.agreement.reference.localeCompare(b.agreement.reference));
}

/** One choice per organisation: the first agreement (by reference) that permits it. */
export async function eligibleRecipients(client: Client, senderOrganisationId: string, terms: DisseminationTerms, now: Date): Promise<EligibleRecipient[]> {
  const seen = new Set<string>();
  return (await eligiblePairs(client, senderOrganisationId, terms, now)).filter((pair) => {
    if (seen.has(pair.organisationId)) return false;
    seen.add(pair.organisationId);
    return true;
  });
}

import type { Prisma } from "~/generated/prisma/client";
import type { Classification, DataCategory } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { agreementInForceWhere } from "./in-force";
import { CLASSIFICATION_LABELS, DATA_CATEGORY_LABELS } from "./labels";
import { clock } from "~/utils/clock";
import { classificationWithinCeiling, submissionWithinCeilingWhere } from "~/modules/authorization/classification";

/**
 * Access follows agreements. These helpers are what other modules (intelligence, audit) use to ask
 * "may this flow happen now?", always as a database filter so lists, counts, search and exports
 * apply the same rule as a single record. `now` comes from the request, so a suspension, revocation
 * or expiry cuts access on the very next request with nothing cached.
 */

/** Agreements in force now to which the organisation is a party. */
export function agreementsInForceForOrganisationWhere(organisationId: string, now: Date): Prisma.AgreementWhereInput {
  return { ...agreementInForceWhere(now), parties: { some: { organisationId } } };
}

const usableSelect = {
  id: true,
  reference: true,
  title: true,
  classificationCeiling: true,
  dataCategories: true,
  startDate: true,
  endDate: true,
  currentVersionNumber: true,
} satisfies Prisma.AgreementSelect;

export type UsableAgreement = Prisma.AgreementGetPayload<{ select: typeof usableSelect }>;

/** The agreements a user's organisation may share under now, with the terms that limit sharing. */
export function agreementsUsableForSharing(user: { organisationId: string }, now = clock.now()): Promise<UsableAgreement[]> {
  return prisma.agreement.findMany({
    where: agreementsInForceForOrganisationWhere(user.organisationId, now),
    select: usableSelect,
    orderBy: { reference: "asc" },
    // An organisation is party to a handful of agreements; the bound keeps a mistake from being costly.
    take: 200,
  });
}

/** One agreement if the user's organisation may share under it now (the server-side re-check). */
export function agreementUsableForSharing(
  user: { organisationId: string },
  agreementId: string,
  now = clock.now(),
): Promise<UsableAgreement | null> {
  return prisma.agreement.findFirst({
    where: { id: agreementId, ...agreementsInForceForOrganisationWhere(user.organisationId, now) },
    select: usableSelect,
  });
}

/**
 * Why a share under this agreement is not allowed (empty when it is): the classification must not
 * exceed the ceiling and every data category must be permitted.
 */
export function sharingProblems(
  agreement: Pick<UsableAgreement, "reference" | "classificationCeiling" | "dataCategories">,
  share: { classification: Classification; dataCategories: DataCategory[] },
): string[] {
  const problems: string[] = [];
  if (!classificationWithinCeiling(share.classification, agreement.classificationCeiling)) {
    problems.push(
      `Agreement ${agreement.reference} allows information up to ${CLASSIFICATION_LABELS[agreement.classificationCeiling]} only`,
    );
  }
  const notPermitted = share.dataCategories.filter((category) => !agreement.dataCategories.includes(category));
  if (notPermitted.length > 0) {
    problems.push(
      `Agreement ${agreement.reference} does not permit: ${notPermitted.map((c) => DATA_CATEGORY_LABELS[c].toLowerCase()).join(", ")}`,
    );
  }
  return problems;
}

/**
 * The condition a shared record (a Submission) must meet for a user of `organisationId` to see it
 * on agreement grounds: it was shared under an agreement that is in force now, to which the
 * user's organisation is a party, and its classification is within that agreement's ceiling.
 * Usable both as a Prisma `where` and as a CASL rule condition (the runtime interpreter supports
 * `is`, `some`, `OR` and date comparisons): authorization/rules/intelligence.ts spreads it into the
 * police analysts' Submission and SanitisedReport rules, so this is the one statement of the rule.
 * Role and status conditions (police roles, submitted statuses) stay with the intelligence rules.
 */
export function submissionSharedUnderAgreementInForce(organisationId: string, now: Date) {
  return {
    agreement: { is: agreementsInForceForOrganisationWhere(organisationId, now) },
    ...submissionWithinCeilingWhere(),
  } satisfies Prisma.SubmissionWhereInput;
}

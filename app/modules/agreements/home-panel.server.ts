import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import type { HomePanel } from "~/modules/home/home-panels.server";
import { prisma } from "~/utils/db.server";
import { formatDate } from "~/utils/dates";
import { needsAttentionWhere, SIGNING_PARTY_ROLES, ATTENTION_WINDOW_DAYS } from "./status";

const SHOWN = 10;

/**
 * What needs attention on agreements, for the home page:
 * - those the rules let record a review (partner managers, DPOs and intelligence supervisors):
 *   reviews due (or overdue) and agreements expiring within 30 days;
 * - those the rules let sign (signatories): agreements (or amendments) waiting for their
 *   organisation's signature.
 */
export async function agreementHomePanels(auth: AuthenticatedRequest, now: Date): Promise<HomePanel[]> {
  const panels: HomePanel[] = [];
  const readable = accessibleWhere(auth.ability, "read", "Agreement");

  // Those who may record a review (rules/agreements.ts) see what is due.
  if (auth.ability.can("review", "Agreement")) {
    const where = { AND: [readable, needsAttentionWhere(now)] };
    const [due, total] = await Promise.all([
      prisma.agreement.findMany({
        where,
        orderBy: [{ reviewDate: "asc" }, { reference: "asc" }],
        take: SHOWN,
        select: { id: true, reference: true, title: true, reviewDate: true, endDate: true },
      }),
      prisma.agreement.count({ where }),
    ]);
    if (due.length > 0) {
      const horizon = now.getTime() + ATTENTION_WINDOW_DAYS * 24 * 60 * 60 * 1000;
      panels.push({
        id: "agreements-attention",
        title: "Agreements needing attention",
        description: `Reviews due and agreements ending within ${ATTENTION_WINDOW_DAYS} days.`,
        items: due.map((agreement) => {
          const notes: string[] = [];
          if (agreement.reviewDate <= now) notes.push(`review overdue since ${formatDate(agreement.reviewDate)}`);
          else if (agreement.reviewDate.getTime() <= horizon) notes.push(`review due by ${formatDate(agreement.reviewDate)}`);
          if (agreement.endDate.getTime() <= horizon) notes.push(`ends on ${formatDate(agreement.endDate)}`);
          const detail = notes.join("; ");
          return {
            label: `${agreement.title} (${agreement.reference})`,
            href: `/agreements/${agreement.id}`,
            detail: detail.charAt(0).toUpperCase() + detail.slice(1),
          };
        }),
        more: total > due.length ? { label: `See all ${total} agreements with a review due`, href: "/agreements?reviewDue=yes" } : undefined,
      });
    }
  }

  if (auth.ability.can("sign", "Agreement")) {
    const waiting = await agreementsAwaitingSignatureOf(auth, now);
    if (waiting.length > 0) {
      panels.push({
        id: "agreements-to-sign",
        title: "Agreements waiting for your signature",
        description: `You are an authorised signatory for ${auth.user.organisation.name}.`,
        items: waiting.slice(0, SHOWN).map((agreement) => ({
          label: `${agreement.title} (${agreement.reference})`,
          href: `/agreements/${agreement.id}/sign`,
          detail: `Version ${agreement.versions[0]!.versionNumber} ${agreement.versions[0]!.versionNumber > 1 ? "(an amendment) " : ""}is waiting to be signed`,
        })),
        more: waiting.length > SHOWN ? { label: "See all agreements awaiting signatures", href: "/agreements?status=AWAITING_SIGNATURES" } : undefined,
      });
    }
  }
  return panels;
}

/** How many candidates the signature check looks at: an organisation signs few agreements at once. */
const SIGNATURE_CANDIDATES = 50;

/**
 * Agreements (or amendments) waiting for the signature of the user's organisation: its latest
 * version is unsigned by the organisation and awaiting signatures. The database narrows to
 * agreements with some version this organisation has not signed; the exact test needs the version
 * numbers, so it runs on that short list (at most SIGNATURE_CANDIDATES).
 */
export async function agreementsAwaitingSignatureOf(auth: AuthenticatedRequest, now: Date) {
  const organisationId = auth.user.organisationId;
  const candidates = await prisma.agreement.findMany({
    where: {
      AND: [
        accessibleWhere(auth.ability, "read", "Agreement"),
        { status: { in: ["AWAITING_SIGNATURES", "ACTIVE", "SUSPENDED"] }, endDate: { gt: now } },
        { parties: { some: { organisationId, role: { in: [...SIGNING_PARTY_ROLES] } } } },
        { versions: { some: { signatures: { none: { organisationId } } } } },
      ],
    },
    orderBy: { reference: "asc" },
    take: SIGNATURE_CANDIDATES,
    select: {
      id: true,
      reference: true,
      title: true,
      status: true,
      currentVersionNumber: true,
      versions: { orderBy: { versionNumber: "desc" }, take: 1, select: { versionNumber: true, signatures: { select: { organisationId: true } } } },
    },
  });
  return candidates.filter((agreement) => {
    const latest = agreement.versions[0];
    if (!latest || latest.signatures.some((s) => s.organisationId === organisationId)) return false;
    return agreement.status === "AWAITING_SIGNATURES" || latest.versionNumber > agreement.currentVersionNumber;
  });
}

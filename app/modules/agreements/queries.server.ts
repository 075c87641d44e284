import { subject } from "@casl/ability";
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { SubmissionStatus } from "~/generated/prisma/enums";
import { accessibleWhere, type AppAbility } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { optionalQuery, uuid } from "~/utils/input";
import { versionAwaitingSignature } from "./lifecycle.server";
import { ATTENTION_WINDOW_DAYS, DAY_MS, displayStatus, displayStatusWhere, partyMustSign, reviewDueWhere, DISPLAY_STATUS_LABELS, type DisplayStatus, type VersionState } from "./status";
import { agreementTermsSchema, type AgreementTerms } from "./terms";

/**
 * Reading agreements. Every query starts from accessibleWhere(ability, "read", "Agreement"), so
 * the database never returns an agreement the user may not see; a missing one is a 404.
 */

export const REGISTER_PAGE_SIZE = 25;

const displayStatuses = Object.keys(DISPLAY_STATUS_LABELS) as [DisplayStatus, ...DisplayStatus[]];

/** An agreement reference as a paging cursor (the register pages by reference). */
const referenceCursor = z.string().max(64).regex(/^[A-Za-z0-9-]+$/);

/** Register filters from the query string (parsed by the route with parseQuery: anything else is 400). */
export const registerFiltersSchema = z.object({
  status: optionalQuery(z.enum(displayStatuses)),
  party: optionalQuery(uuid),
  reviewDue: optionalQuery(z.literal("yes")),
  after: optionalQuery(referenceCursor),
  before: optionalQuery(referenceCursor),
});

export type RegisterFilters = z.infer<typeof registerFiltersSchema>;

export async function listRegister(ability: AppAbility, filters: RegisterFilters, now: Date) {
  const where: Prisma.AgreementWhereInput = {
    AND: [
      accessibleWhere(ability, "read", "Agreement"),
      filters.status ? displayStatusWhere(filters.status, now) : {},
      filters.party ? { parties: { some: { organisationId: filters.party } } } : {},
      filters.reviewDue ? reviewDueWhere(now) : {},
    ],
  };
  // Keyset paging on the unique reference: steady cost however deep the page.
  const backwards = Boolean(filters.before) && !filters.after;
  const cursor: Prisma.AgreementWhereInput = filters.after
    ? { reference: { gt: filters.after } }
    : backwards
      ? { reference: { lt: filters.before } }
      : {};
  const [rows, total] = await Promise.all([
    prisma.agreement.findMany({
      where: { AND: [where, cursor] },
      orderBy: { reference: backwards ? "desc" : "asc" },
      take: REGISTER_PAGE_SIZE + 1,
      select: {
        id: true,
        reference: true,
        title: true,
        status: true,
        startDate: true,
        endDate: true,
        reviewDate: true,
        parties: { select: { role: true, organisation: { select: { name: true } } }, orderBy: { organisation: { name: "asc" } } },
      },
    }),
    prisma.agreement.count({ where }),
  ]);
  const more = rows.length > REGISTER_PAGE_SIZE;
  const page = rows.slice(0, REGISTER_PAGE_SIZE);
  if (backwards) page.reverse();
  return {
    total,
    agreements: page.map((row) => {
      const shown = displayStatus(row, now);
      const running = shown === "ACTIVE" || shown === "SIGNED_NOT_STARTED" || shown === "SUSPENDED";
      const horizon = now.getTime() + ATTENTION_WINDOW_DAYS * DAY_MS;
      return {
        ...row,
        displayStatus: shown,
        reviewOverdue: running && row.reviewDate <= now,
        reviewDueSoon: running && row.reviewDate > now && row.reviewDate.getTime() <= horizon,
        endingSoon: running && row.endDate.getTime() <= horizon,
      };
    }),
    nextAfter: (backwards ? true : more) && page.length > 0 ? page[page.length - 1]!.reference : null,
    previousBefore: (backwards ? more : Boolean(filters.after)) && page.length > 0 ? page[0]!.reference : null,
  };
}

/** Organisations that appear as parties on agreements the user can see (for the party filter). */
export function partyOptions(ability: AppAbility) {
  return prisma.organisation.findMany({
    where: { agreementParties: { some: { agreement: accessibleWhere(ability, "read", "Agreement") } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

const agreementPageInclude = {
  parties: {
    include: { organisation: { select: { id: true, name: true, type: true } } },
    orderBy: { organisation: { name: "asc" } },
  },
  versions: {
    orderBy: { versionNumber: "asc" },
    include: {
      signatures: {
        include: { user: { select: { name: true } }, organisation: { select: { name: true } } },
        orderBy: { signedAt: "asc" },
      },
    },
  },
  history: { orderBy: { at: "asc" } },
  reviews: { orderBy: { reviewedAt: "desc" } },
  // Every party's suspensions, open and lifted: the rules read the open ones (who may reinstate).
  suspensions: { orderBy: { suspendedAt: "asc" }, include: { organisation: { select: { name: true } } } },
} satisfies Prisma.AgreementInclude;

export type AgreementRecord = Prisma.AgreementGetPayload<{ include: typeof agreementPageInclude }>;

/** One agreement the user may read, with everything its page shows; null when not visible. */
export async function findReadableAgreement(ability: AppAbility, id: string) {
  if (!z.uuid().safeParse(id).success) return null;
  return prisma.agreement.findFirst({
    where: { AND: [accessibleWhere(ability, "read", "Agreement"), { id }] },
    include: agreementPageInclude,
  });
}

/** Names of the people who appear in an agreement's history, versions and reviews, in one query. */
export async function peopleNamed(ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  const users = unique.length
    ? await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, organisation: { select: { name: true } } } })
    : [];
  return Object.fromEntries(users.map((user) => [user.id, `${user.name} (${user.organisation.name})`])) as Record<string, string>;
}

/** How much was shared under an agreement, by status (drafts were never shared, so not counted). */
export async function sharedCounts(agreementId: string) {
  const groups = await prisma.submission.groupBy({
    by: ["status"],
    where: { agreementId, status: { not: "DRAFT" } },
    _count: { _all: true },
  });
  const byStatus = Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Partial<Record<SubmissionStatus, number>>;
  return { total: groups.reduce((sum, g) => sum + g._count._all, 0), byStatus };
}

export function versionTerms(version: { terms: Prisma.JsonValue }): AgreementTerms {
  return agreementTermsSchema.parse(version.terms);
}

export type Step = "edit" | "submit" | "sign" | "amend" | "suspend" | "reinstate" | "revoke" | "review";

/**
 * The steps to offer this user on this agreement now: allowed by the rules AND sensible in the
 * current state. (The lifecycle service checks both again when a step is taken.)
 */
export function availableSteps(
  ability: AppAbility,
  user: { organisationId: string },
  agreement: AgreementRecord,
  now: Date,
): Step[] {
  const shown = displayStatus(agreement, now);
  const can = (action: "update" | "sign" | "amend" | "suspend" | "reinstate" | "revoke" | "review") =>
    ability.can(action, subject("Agreement", agreement));
  const steps: Step[] = [];
  const latest = agreement.versions[agreement.versions.length - 1];
  const pending = latest ? versionAwaitingSignature({ ...agreement, latestVersionNumber: latest.versionNumber }, now) : null;
  const ownParty = agreement.parties.find((party) => party.organisationId === user.organisationId);
  if (shown === "DRAFT" && can("update")) steps.push("edit", "submit");
  if (
    pending !== null &&
    latest &&
    ownParty &&
    partyMustSign(ownParty.role) &&
    can("sign") &&
    !latest.signatures.some((signature) => signature.organisationId === ownParty.organisationId)
  ) {
    steps.push("sign");
  }
  const running = shown === "ACTIVE" || shown === "SIGNED_NOT_STARTED" || shown === "SUSPENDED";
  if (running && can("amend")) steps.push("amend");
  if (running && can("review")) steps.push("review");
  // A party may suspend a running agreement, or add its own suspension to one another party suspended.
  const ownSuspensionOpen = agreement.suspensions.some((s) => s.organisationId === user.organisationId && s.liftedAt === null);
  if (running && !ownSuspensionOpen && can("suspend")) steps.push("suspend");
  if (shown === "SUSPENDED" && can("reinstate")) steps.push("reinstate");
  if (shown !== "REVOKED" && shown !== "EXPIRED" && can("revoke")) steps.push("revoke");
  return steps;
}

/** Every organisation, to choose parties from (names are directory information, not intelligence). */
export function organisationChoices() {
  return prisma.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 });
}

/**
 * Everything the agreement page and its sub-pages show, shaped for reading: terms parsed, each
 * version's state, who signed what, and people's names.
 */
export async function describeAgreement(agreement: AgreementRecord, now: Date) {
  const shown = displayStatus(agreement, now);
  const latest = agreement.versions[agreement.versions.length - 1]!;
  const signingParties = agreement.parties.filter((party) => partyMustSign(party.role));
  const names = await peopleNamed([
    ...agreement.history.map((h) => h.actorId),
    ...agreement.reviews.map((r) => r.reviewedById),
    ...agreement.versions.map((v) => v.createdById),
    ...agreement.suspensions.flatMap((s) => [s.suspendedById, s.liftedById]),
  ]);
  // The version in force is the current one once the agreement has ever become active.
  const everActive = agreement.history.some((change) => change.toStatus === "ACTIVE");
  const versions = agreement.versions.map((version) => {
    let state: VersionState;
    if (version.versionNumber === agreement.currentVersionNumber && everActive) state = "IN_FORCE";
    else if (version.versionNumber < agreement.currentVersionNumber) state = "SUPERSEDED";
    else if (shown === "DRAFT") state = "DRAFT";
    else if (version.versionNumber === latest.versionNumber && versionAwaitingSignature({ ...agreement, latestVersionNumber: latest.versionNumber }, now) !== null) state = "AWAITING_SIGNATURES";
    else state = "NEVER_IN_FORCE";
    return {
      versionNumber: version.versionNumber,
      terms: versionTerms(version),
      changeSummary: version.changeSummary,
      createdAt: version.createdAt,
      createdBy: version.createdById ? (names[version.createdById] ?? "Unknown") : "Not recorded",
      state,
      signatures: signingParties.map((party) => {
        const signature = version.signatures.find((s) => s.organisationId === party.organisationId);
        return {
          organisation: party.organisation.name,
          signedBy: signature?.user.name ?? null,
          signedAt: signature?.signedAt ?? null,
        };
      }),
    };
  });
  const inForce = versions.find((v) => v.versionNumber === agreement.currentVersionNumber)!;
  return {
    id: agreement.id,
    reference: agreement.reference,
    title: agreement.title,
    status: agreement.status,
    displayStatus: shown,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    reviewDate: agreement.reviewDate,
    currentVersionNumber: agreement.currentVersionNumber,
    latestVersionNumber: latest.versionNumber,
    parties: agreement.parties.map((party) => ({
      organisationId: party.organisationId,
      organisation: party.organisation.name,
      role: party.role,
      signs: partyMustSign(party.role),
      leadName: party.leadName,
      leadEmail: party.leadEmail,
    })),
    termsInForce: inForce.terms,
    versions,
    history: agreement.history.map((change) => ({
      id: change.id,
      at: change.at,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      reason: change.reason,
      by: change.actorId ? (names[change.actorId] ?? "Unknown") : "The portal (automatic)",
    })),
    suspensions: agreement.suspensions.map((suspension) => ({
      id: suspension.id,
      organisation: suspension.organisation.name,
      organisationId: suspension.organisationId,
      suspendedBy: suspension.suspendedById ? (names[suspension.suspendedById] ?? "Unknown") : "Not recorded",
      suspendedAt: suspension.suspendedAt,
      reason: suspension.reason,
      liftedBy: suspension.liftedById ? (names[suspension.liftedById] ?? "Unknown") : null,
      liftedAt: suspension.liftedAt,
      liftReason: suspension.liftReason,
    })),
    reviews: agreement.reviews.map((review) => ({
      id: review.id,
      reviewedAt: review.reviewedAt,
      by: names[review.reviewedById] ?? "Unknown",
      outcome: review.outcome,
      notes: review.notes,
      nextReviewDate: review.nextReviewDate,
    })),
  };
}

export type AgreementDescription = Awaited<ReturnType<typeof describeAgreement>>;

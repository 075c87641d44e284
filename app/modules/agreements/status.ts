import type { Prisma } from "~/generated/prisma/client";
import type { AgreementStatus, PartyRole } from "~/generated/prisma/enums";
import { agreementInForceWhere } from "./in-force";

/**
 * What an agreement's status means to a reader right now. The stored status says what people did
 * (signed, suspended, revoked); the dates say whether it has started or lapsed. Expiry and start
 * need no one to act, so the status shown is computed from both on every request:
 * - ACTIVE with a future start date reads "Signed – starts on …" (access begins at the start date,
 *   because agreementInForceWhere checks the dates);
 * - ACTIVE or SUSPENDED past the end date reads "Expired", even before the stored status catches up.
 */
export type DisplayStatus =
  | "DRAFT"
  | "AWAITING_SIGNATURES"
  | "SIGNED_NOT_STARTED"
  | "ACTIVE"
  | "SUSPENDED"
  | "EXPIRED"
  | "REVOKED";

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  DRAFT: "Draft",
  AWAITING_SIGNATURES: "Awaiting signatures",
  SIGNED_NOT_STARTED: "Signed – not started",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  EXPIRED: "Expired",
  REVOKED: "Revoked",
};

/** GOV.UK tag colour per status. */
export const DISPLAY_STATUS_TAG_CLASS: Record<DisplayStatus, string> = {
  DRAFT: "govuk-tag--grey",
  AWAITING_SIGNATURES: "govuk-tag--yellow",
  SIGNED_NOT_STARTED: "govuk-tag--blue",
  ACTIVE: "govuk-tag--green",
  SUSPENDED: "govuk-tag--orange",
  EXPIRED: "govuk-tag--grey",
  REVOKED: "govuk-tag--red",
};

export function displayStatus(
  agreement: { status: AgreementStatus; startDate: Date; endDate: Date },
  now: Date,
): DisplayStatus {
  const { status, startDate, endDate } = agreement;
  if ((status === "ACTIVE" || status === "SUSPENDED") && endDate <= now) return "EXPIRED";
  if (status === "ACTIVE" && startDate > now) return "SIGNED_NOT_STARTED";
  return status;
}

/** The database filter for one display status, so the register can filter and page in SQL. */
export function displayStatusWhere(status: DisplayStatus, now: Date): Prisma.AgreementWhereInput {
  switch (status) {
    case "ACTIVE":
      return agreementInForceWhere(now);
    case "SIGNED_NOT_STARTED":
      return { status: "ACTIVE", startDate: { gt: now }, endDate: { gt: now } };
    case "SUSPENDED":
      return { status: "SUSPENDED", endDate: { gt: now } };
    case "EXPIRED":
      return { OR: [{ status: "EXPIRED" }, { status: { in: ["ACTIVE", "SUSPENDED"] }, endDate: { lte: now } }] };
    default:
      return { status };
  }
}

/** Statuses from which nothing more can happen (the record stays, for ever, as history). */
export function isFinal(status: DisplayStatus): boolean {
  return status === "REVOKED" || status === "EXPIRED";
}

/**
 * Controllers and joint controllers sign; processors act under their controller's contract and
 * recipients (for example a partnership board, which is not a legal person) are bound through the
 * controller that shares with them. So an agreement needs at least two signing parties.
 */
export const SIGNING_PARTY_ROLES: readonly PartyRole[] = ["CONTROLLER", "JOINT_CONTROLLER"];

export function partyMustSign(role: PartyRole): boolean {
  return SIGNING_PARTY_ROLES.includes(role);
}

export const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead a review or an end date counts as "coming up" on the home page and register. */
export const ATTENTION_WINDOW_DAYS = 30;

/** Agreements still running (or suspended) whose review or end falls within the window. */
export function needsAttentionWhere(now: Date, days = ATTENTION_WINDOW_DAYS): Prisma.AgreementWhereInput {
  const horizon = new Date(now.getTime() + days * DAY_MS);
  return {
    status: { in: ["ACTIVE", "SUSPENDED"] },
    endDate: { gt: now },
    OR: [{ reviewDate: { lte: horizon } }, { endDate: { lte: horizon } }],
  };
}

export function reviewDueWhere(now: Date, days = ATTENTION_WINDOW_DAYS): Prisma.AgreementWhereInput {
  return {
    status: { in: ["ACTIVE", "SUSPENDED"] },
    endDate: { gt: now },
    reviewDate: { lte: new Date(now.getTime() + days * DAY_MS) },
  };
}

/** Where a version stands: signed and applying, replaced, waiting, or never agreed. */
export type VersionState = "IN_FORCE" | "SUPERSEDED" | "AWAITING_SIGNATURES" | "NEVER_IN_FORCE" | "DRAFT";

export const VERSION_STATE_LABELS: Record<VersionState, string> = {
  IN_FORCE: "Signed by every party (the terms that apply)",
  SUPERSEDED: "Replaced by a later version",
  AWAITING_SIGNATURES: "Awaiting signatures",
  NEVER_IN_FORCE: "Never signed by every party",
  DRAFT: "Draft",
};

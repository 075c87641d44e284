import type { Prisma } from "~/generated/prisma/client";
import { audit, type AuditContext } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";

/**
 * Every refusal goes through here: `deny()` records one `access.denied` event (outcome DENIED)
 * with one shape of details, then throws the answer: 404 "Page not found" for a record or area
 * whose existence is not to be disclosed (the default), 403 where the design says the area is
 * known (audit and oversight areas, agreement actions, intelligence pages for the wrong role).
 * `recordDenial()` is the same record for the few refusals that answer with a form error instead.
 *
 * A denial on a record that exists carries the record's owning organisation and the agreement it
 * was shared under (resolved here, without the user's ability), so the data protection officers
 * of the owner and of every party to that agreement find the attempt in their audit scope.
 */

/** Why the request was refused. */
export type DenialReason =
  /** The record does not exist or is outside the user's access: the two are answered alike. */
  | "RECORD_NOT_VISIBLE"
  /** The user's roles or organisation do not allow this action (or area) at all. */
  | "ACTION_NOT_PERMITTED"
  /** The record is visible but this action on it is not the user's to take (e.g. four eyes). */
  | "ACTION_NOT_PERMITTED_ON_RECORD"
  /** An audit event or record history outside the reader's audit scope. */
  | "OUTSIDE_AUDIT_SCOPE";

export interface Denial {
  /** What was attempted: an audit action ("submission.viewed") or an ability action ("suspend"). */
  action: string;
  recordType?: string | null;
  recordId?: string | null;
  reason: DenialReason;
  /** The answer: 404 (default) or 403. */
  status?: 403 | 404;
  /** The request, for its path and method. */
  request?: Request;
}

/** The shape of every `access.denied` event's details. */
export interface DenialDetails {
  attempted: string;
  recordType: string | null;
  recordId: string | null;
  recordOrganisationId: string | null;
  agreementId: string | null;
  reason: DenialReason;
  status: 403 | 404;
  method: string | null;
  path: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface RecordOwner {
  organisationId: string | null;
  agreementId: string | null;
}

/** The owning organisation and agreement of a record, if it exists (ids come from URLs: check them). */
export async function recordOwner(recordType: string | null | undefined, recordId: string | null | undefined): Promise<RecordOwner> {
  const none = { organisationId: null, agreementId: null };
  if (!recordType || !recordId) return none;
  if (recordType === "AuditEvent") {
    if (!/^\d{1,18}$/.test(recordId)) return none;
    const event = await prisma.auditEvent.findUnique({
      where: { id: BigInt(recordId) },
      select: { recordOrganisationId: true, actorOrganisationId: true, agreementId: true },
    });
    return event ? { organisationId: event.recordOrganisationId ?? event.actorOrganisationId, agreementId: event.agreementId } : none;
  }
  if (recordType === "Session") {
    const session = await prisma.session.findUnique({ where: { id: recordId }, select: { user: { select: { organisationId: true } } } });
    return session ? { organisationId: session.user.organisationId, agreementId: null } : none;
  }
  if (!UUID.test(recordId)) return none;
  const id = recordId;
  const viaSubmission = { submission: { select: { organisationId: true, agreementId: true } } } satisfies Prisma.SanitisedReportSelect;
  switch (recordType) {
    case "Submission": {
      const row = await prisma.submission.findUnique({ where: { id }, select: { organisationId: true, agreementId: true } });
      return row ?? none;
    }
    case "SanitisedReport":
      return (await prisma.sanitisedReport.findUnique({ where: { id }, select: viaSubmission }))?.submission ?? none;
    case "Feedback":
      return (await prisma.feedback.findUnique({ where: { id }, select: viaSubmission }))?.submission ?? none;
    case "RetentionDecision":
      return (await prisma.retentionDecision.findUnique({ where: { id }, select: viaSubmission }))?.submission ?? none;
    case "Agreement": {
      const row = await prisma.agreement.findUnique({ where: { id }, select: { id: true } });
      return row ? { organisationId: null, agreementId: row.id } : none;
    }
    case "Threat": {
      const row = await prisma.threat.findUnique({ where: { id }, select: { organisationId: true } });
      return row ? { organisationId: row.organisationId, agreementId: null } : none;
    }
    case "Dissemination": {
      const row = await prisma.dissemination.findUnique({ where: { id }, select: { senderOrganisationId: true } });
      return row ? { organisationId: row.senderOrganisationId, agreementId: null } : none;
    }
    case "User": {
      const row = await prisma.user.findUnique({ where: { id }, select: { organisationId: true } });
      return row ? { organisationId: row.organisationId, agreementId: null } : none;
    }
    case "Organisation": {
      const row = await prisma.organisation.findUnique({ where: { id }, select: { id: true } });
      return row ? { organisationId: row.id, agreementId: null } : none;
    }
    default:
      return none;
  }
}

/** Records the denial (one `access.denied` event) and returns the response that answers it. */
export async function recordDenial(auth: { audit: AuditContext }, denial: Denial): Promise<Response> {
  const status = denial.status ?? 404;
  const recordType = denial.recordType ?? null;
  const recordId = denial.recordId ? denial.recordId.slice(0, 100) : null;
  const owner = await recordOwner(recordType, recordId);
  const url = denial.request ? new URL(denial.request.url) : null;
  const details: DenialDetails = {
    attempted: denial.action.slice(0, 100),
    recordType,
    recordId,
    recordOrganisationId: owner.organisationId,
    agreementId: owner.agreementId,
    reason: denial.reason,
    status,
    method: denial.request?.method ?? null,
    path: url ? url.pathname.slice(0, 500) : null,
  };
  await audit(auth.audit, {
    action: "access.denied",
    outcome: "DENIED",
    recordType: recordType ?? undefined,
    recordId: recordId ?? undefined,
    recordOrganisationId: owner.organisationId,
    agreementId: owner.agreementId,
    details: { ...details },
  });
  return status === 404 ? new Response("Page not found", { status: 404 }) : new Response("Forbidden", { status: 403 });
}

/** Records the denial and throws its answer (404 unless the denial says 403). */
export async function deny(auth: { audit: AuditContext }, denial: Denial): Promise<never> {
  throw await recordDenial(auth, denial);
}

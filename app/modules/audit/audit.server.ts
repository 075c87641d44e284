import { Prisma, type AuditOutcome, type PrismaClient, type Role } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { AuditAction } from "./actions";
import { withoutNul } from "./chain";
import { clock } from "~/utils/clock";

/**
 * The audit trail (DPA 2018 s62): every collection, alteration, consultation, disclosure,
 * combination and erasure, sign-in event, admin action and denied attempt.
 *
 * Call `recordAuditEvent(tx, …)` inside the same transaction as the change it describes, so there
 * is never a change without its event nor an event for a change that rolled back.
 *
 * Appending takes no lock and costs one statement: a single INSERT that also resolves the record's
 * organisation in a subquery. The hash chain is not computed here: a sequencer seals committed
 * events in batches into the chain and signs checkpoints (sealing.server.ts; decision record
 * docs/decisions/0007-audit-sealing.md). The table is append-only (triggers; see the
 * audit_append_only migration and README.md, "Audit trail roles").
 *
 * `recordType` is the Prisma model name ("Submission", "Agreement", "User", "Organisation",
 * "Threat", "SanitisedReport", "Feedback", "Session", "RetentionDecision"); for those the owning
 * organisation is resolved here, so data protection officers see events about their records.
 */

export { canonicalJson, GENESIS_HASH, hashAuditFields, type ChainedFields } from "./chain";

/** Who did it and from where; built once per request by requireUser (see auth.server.ts). */
export interface AuditContext {
  actor: { userId: string; email: string; organisationId: string; roles: Role[] } | null;
  ipAddress: string | null;
  userAgent: string | null;
  /** The HTTP request's id (X-Request-Id, also on its log line); absent for background work. */
  requestId?: string | null;
}

export interface AuditEventInput {
  action: AuditAction;
  outcome?: AuditOutcome;
  recordType?: string;
  recordId?: string;
  /** Normally resolved from recordType and recordId; pass it when the record no longer exists. */
  recordOrganisationId?: string | null;
  agreementId?: string | null;
  justification?: string | null;
  justificationNote?: string | null;
  /** Ids, counts and changed-field values: never the sensitive content itself. */
  details?: Prisma.InputJsonObject;
}

type Client = Prisma.TransactionClient | PrismaClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record's owning organisation, for each record type that has one. */
const OWNER_OF: Record<string, (id: string) => Prisma.Sql> = {
  Organisation: (id) => Prisma.sql`(SELECT o."id" FROM "Organisation" o WHERE o."id" = ${id}::uuid)`,
  User: (id) => Prisma.sql`(SELECT u."organisationId" FROM "User" u WHERE u."id" = ${id}::uuid)`,
  Submission: (id) => Prisma.sql`(SELECT s."organisationId" FROM "Submission" s WHERE s."id" = ${id}::uuid)`,
  Threat: (id) => Prisma.sql`(SELECT t."organisationId" FROM "Threat" t WHERE t."id" = ${id}::uuid)`,
  Dissemination: (id) => Prisma.sql`(SELECT d."senderOrganisationId" FROM "Dissemination" d WHERE d."id" = ${id}::uuid)`,
  SanitisedReport: (id) =>
    Prisma.sql`(SELECT s."organisationId" FROM "SanitisedReport" r JOIN "Submission" s ON s."id" = r."submissionId" WHERE r."id" = ${id}::uuid)`,
  Feedback: (id) =>
    Prisma.sql`(SELECT s."organisationId" FROM "Feedback" f JOIN "Submission" s ON s."id" = f."submissionId" WHERE f."id" = ${id}::uuid)`,
  RetentionDecision: (id) =>
    Prisma.sql`(SELECT s."organisationId" FROM "RetentionDecision" d JOIN "Submission" s ON s."id" = d."submissionId" WHERE d."id" = ${id}::uuid)`,
};

/**
 * SQL for the organisation that owns the record an event is about: the caller's value, or a
 * subquery run inside the INSERT itself (no extra round trip), or NULL if unknown.
 */
function recordOrganisationSql(input: AuditEventInput): Prisma.Sql {
  if (input.recordOrganisationId !== undefined) {
    return input.recordOrganisationId === null ? Prisma.sql`NULL` : Prisma.sql`${input.recordOrganisationId}::uuid`;
  }
  const { recordType, recordId } = input;
  if (!recordType || !recordId) return Prisma.sql`NULL`;
  if (recordType === "Session") {
    return Prisma.sql`(SELECT u."organisationId" FROM "Session" se JOIN "User" u ON u."id" = se."userId" WHERE se."id" = ${recordId})`;
  }
  // Ids arrive from URLs; a malformed one must not abort the transaction with a cast error.
  const owner = OWNER_OF[recordType];
  return owner && UUID.test(recordId) ? owner(recordId) : Prisma.sql`NULL`;
}

/** A PostgreSQL array literal of enum labels (they never need quoting). */
function rolesLiteral(roles: readonly Role[]): string {
  return `{${roles.join(",")}}`;
}

/**
 * Appends one event, in the caller's transaction when given one (`tx`), else on its own: either
 * way one INSERT statement, no lock. Returns the event's id (its place in the chain is assigned
 * when it is sealed).
 */
export async function recordAuditEvent(client: Client, context: AuditContext, input: AuditEventInput): Promise<{ id: bigint }> {
  const [event] = await recordAuditEvents(client, context, [input]);
  return event!;
}

/**
 * Appends several events of one request in one INSERT statement (one round trip), in the given
 * order; the ids come back in the same order.
 */
export async function recordAuditEvents(client: Client, context: AuditContext, inputs: readonly AuditEventInput[]): Promise<{ id: bigint }[]> {
  if (inputs.length === 0) return [];
  const uuidOrNull = (value: string | null | undefined) => (value ? Prisma.sql`${value}::uuid` : Prisma.sql`NULL`);
  const occurredAt = clock.now().toISOString();
  const rows = inputs.map((input) => {
    const fields = withoutNul({
      action: input.action,
      actorEmail: context.actor?.email ?? null,
      recordType: input.recordType ?? null,
      recordId: input.recordId ?? null,
      justification: input.justification ?? null,
      justificationNote: input.justificationNote ?? null,
      ipAddress: context.ipAddress,
      userAgent: context.userAgent?.slice(0, 512) ?? null,
      requestId: context.requestId?.slice(0, 200) ?? null,
      details: input.details ?? null,
    });
    return Prisma.sql`(
      ${occurredAt}::timestamptz, ${fields.action}, ${input.outcome ?? "ALLOWED"}::"AuditOutcome",
      ${uuidOrNull(context.actor?.userId)}, ${fields.actorEmail}, ${uuidOrNull(context.actor?.organisationId)},
      ${rolesLiteral(context.actor?.roles ?? [])}::"Role"[],
      ${fields.recordType}, ${fields.recordId}, ${recordOrganisationSql(input)}, ${uuidOrNull(input.agreementId)},
      ${fields.justification}, ${fields.justificationNote}, ${fields.ipAddress}, ${fields.userAgent},
      ${fields.details === null ? null : JSON.stringify(fields.details)}::jsonb, ${fields.requestId}
    )`;
  });
  const inserted = await client.$queryRaw<{ id: bigint | number | string }[]>(Prisma.sql`
    INSERT INTO "AuditEvent" (
      "occurredAt", "action", "outcome", "actorUserId", "actorEmail", "actorOrganisationId", "actorRoles",
      "recordType", "recordId", "recordOrganisationId", "agreementId", "justification", "justificationNote",
      "ipAddress", "userAgent", "details", "requestId"
    ) VALUES ${Prisma.join(rows)} RETURNING "id"`);
  // RETURNING follows the VALUES order; sorting the sequence's ids keeps that explicit.
  return inserted.map((row) => BigInt(row.id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((id) => ({ id }));
}

/** Shorthand for events outside any other change (views, lists, denials, sign-in failures). */
export function audit(context: AuditContext, input: AuditEventInput) {
  return recordAuditEvent(prisma, context, input);
}

/** Several events outside any other change, from one request, in one statement (e.g. a page's view and its matches). */
export function auditAll(context: AuditContext, inputs: readonly AuditEventInput[]) {
  return recordAuditEvents(prisma, context, inputs);
}

/** An audit context for the system itself (seed, scheduled work). */
export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actor: null, ipAddress: null, userAgent: "system" };

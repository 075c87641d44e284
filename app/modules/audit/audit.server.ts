import type { AuditOutcome, Prisma, PrismaClient, Role } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { AuditAction } from "./actions";
import { GENESIS_HASH, hashAuditFields, withoutNul, type ChainedFields } from "./chain";
import { checkpointIfDue, lockAuditChain } from "./checkpoints.server";
import { clock } from "~/utils/clock";

/**
 * The audit trail (DPA 2018 s62): every collection, alteration, consultation, disclosure,
 * combination and erasure, sign-in event, admin action and denied attempt.
 *
 * Call `recordAuditEvent(tx, …)` inside the same transaction as the change it describes, so there
 * is never a change without its event nor an event for a change that rolled back.
 *
 * Events form a hash chain: each stores the previous event's hash and its own SHA-256 over a
 * canonical serialisation (chain.ts). Appends take a transaction-scoped advisory lock, so concurrent
 * requests and several app instances extend one chain and never fork it. Every
 * AUDIT_CHECKPOINT_EVERY events the head is signed (checkpoints.server.ts). The table itself is
 * append-only (triggers; see the audit_append_only migration and README.md, "Audit trail roles").
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

/** The organisation that owns the record an event is about, or null if unknown. */
async function recordOrganisationOf(
  tx: Prisma.TransactionClient,
  recordType: string | undefined,
  recordId: string | undefined,
): Promise<string | null> {
  if (!recordType || !recordId) return null;
  if (recordType === "Session") {
    const session = await tx.session.findUnique({ where: { id: recordId }, select: { user: { select: { organisationId: true } } } });
    return session?.user.organisationId ?? null;
  }
  // Ids arrive from URLs; a malformed one must not abort the transaction with a cast error.
  if (!UUID.test(recordId)) return null;
  const id = recordId;
  switch (recordType) {
    case "Organisation":
      return (await tx.organisation.findUnique({ where: { id }, select: { id: true } }))?.id ?? null;
    case "User":
      return (await tx.user.findUnique({ where: { id }, select: { organisationId: true } }))?.organisationId ?? null;
    case "Submission":
      return (await tx.submission.findUnique({ where: { id }, select: { organisationId: true } }))?.organisationId ?? null;
    case "Threat":
      return (await tx.threat.findUnique({ where: { id }, select: { organisationId: true } }))?.organisationId ?? null;
    case "SanitisedReport":
      return (
        await tx.sanitisedReport.findUnique({ where: { id }, select: { submission: { select: { organisationId: true } } } })
      )?.submission.organisationId ?? null;
    case "Feedback":
      return (await tx.feedback.findUnique({ where: { id }, select: { submission: { select: { organisationId: true } } } }))
        ?.submission.organisationId ?? null;
    case "RetentionDecision":
      return (
        await tx.retentionDecision.findUnique({ where: { id }, select: { submission: { select: { organisationId: true } } } })
      )?.submission.organisationId ?? null;
    default:
      return null;
  }
}

function isFullClient(client: Client): client is PrismaClient {
  // Interactive-transaction clients have no $transaction. (An `in` check would not do: the
  // application's `prisma` is a Proxy whose target is empty, so `"$transaction" in prisma` is
  // false and the append would run outside any transaction, its lock released at once.)
  return typeof (client as PrismaClient).$transaction === "function";
}

export async function recordAuditEvent(
  client: Client,
  context: AuditContext,
  input: AuditEventInput,
): Promise<{ id: bigint; hash: string }> {
  if (isFullClient(client)) {
    // Appends queue on the chain lock; under a burst the wait for a connection can pass Prisma's
    // default two seconds, and a read's audit event must not fail for that.
    return client.$transaction((tx) => recordAuditEvent(tx, context, input), { maxWait: 15_000, timeout: 15_000 });
  }
  const tx: Prisma.TransactionClient = client;
  // Resolved before taking the lock, to keep the serialised part of every append short.
  const recordOrganisationId =
    input.recordOrganisationId !== undefined
      ? input.recordOrganisationId
      : await recordOrganisationOf(tx, input.recordType, input.recordId);
  await lockAuditChain(tx);
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: ChainedFields = withoutNul({
    occurredAt: clock.now().toISOString(),
    action: input.action,
    outcome: input.outcome ?? "ALLOWED",
    actorUserId: context.actor?.userId ?? null,
    actorEmail: context.actor?.email ?? null,
    actorOrganisationId: context.actor?.organisationId ?? null,
    actorRoles: context.actor?.roles ?? [],
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    recordOrganisationId,
    agreementId: input.agreementId ?? null,
    justification: input.justification ?? null,
    justificationNote: input.justificationNote ?? null,
    ipAddress: context.ipAddress,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    details: input.details ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  });
  const hash = hashAuditFields(fields);
  const created = await tx.auditEvent.create({
    data: {
      ...fields,
      occurredAt: new Date(fields.occurredAt),
      details: (fields.details as Prisma.InputJsonObject | null) ?? undefined,
      hash,
    },
    select: { id: true },
  });
  await checkpointIfDue(tx, { id: created.id, hash });
  return { id: created.id, hash };
}

/** Shorthand for events outside any other change (views, lists, denials, sign-in failures). */
export function audit(context: AuditContext, input: AuditEventInput) {
  return recordAuditEvent(prisma, context, input);
}

/** An audit context for the system itself (seed, scheduled work). */
export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actor: null, ipAddress: null, userAgent: "system" };

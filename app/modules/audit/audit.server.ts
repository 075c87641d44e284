import { createHash } from "node:crypto";
import type { AuditOutcome, Prisma, PrismaClient, Role } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { AuditAction } from "./actions";

/**
 * The audit trail (DPA 2018 s62): every collection, alteration, consultation, disclosure,
 * combination and erasure, sign-in event, admin action and denied attempt.
 *
 * Call `recordAuditEvent(tx, …)` inside the same transaction as the change it describes, so there
 * is never a change without its event nor an event for a change that rolled back.
 *
 * Events form a hash chain: each stores the previous event's hash and its own SHA-256 over a
 * canonical serialisation. Appends take a transaction-scoped advisory lock, so concurrent requests
 * and several app instances extend one chain and never fork it.
 */

export const GENESIS_HASH = "0".repeat(64);
const AUDIT_CHAIN_LOCK_KEY = 7_262_062;

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
  agreementId?: string | null;
  justification?: string | null;
  justificationNote?: string | null;
  /** Ids, counts and changed-field values: never the sensitive content itself. */
  details?: Prisma.InputJsonObject;
}

type Client = Prisma.TransactionClient | PrismaClient;

/** The fields that the hash covers, in a fixed order. */
export interface ChainedFields {
  occurredAt: string;
  action: string;
  outcome: AuditOutcome;
  actorUserId: string | null;
  actorEmail: string | null;
  actorOrganisationId: string | null;
  actorRoles: Role[];
  recordType: string | null;
  recordId: string | null;
  agreementId: string | null;
  justification: string | null;
  justificationNote: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  details: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth: the same bytes whichever way the row was read back. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashAuditFields(fields: ChainedFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

export async function recordAuditEvent(
  client: Client,
  context: AuditContext,
  input: AuditEventInput,
): Promise<{ id: bigint; hash: string }> {
  if ("$transaction" in client) {
    return client.$transaction((tx) => recordAuditEvent(tx, context, input));
  }
  const tx = client;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const fields: ChainedFields = {
    occurredAt: new Date().toISOString(),
    action: input.action,
    outcome: input.outcome ?? "ALLOWED",
    actorUserId: context.actor?.userId ?? null,
    actorEmail: context.actor?.email ?? null,
    actorOrganisationId: context.actor?.organisationId ?? null,
    actorRoles: context.actor?.roles ?? [],
    recordType: input.recordType ?? null,
    recordId: input.recordId ?? null,
    agreementId: input.agreementId ?? null,
    justification: input.justification ?? null,
    justificationNote: input.justificationNote ?? null,
    ipAddress: context.ipAddress,
    userAgent: context.userAgent?.slice(0, 512) ?? null,
    details: input.details ?? null,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditFields(fields);
  const created = await tx.auditEvent.create({
    data: {
      ...fields,
      occurredAt: new Date(fields.occurredAt),
      details: input.details ?? undefined,
      hash,
    },
    select: { id: true },
  });
  return { id: created.id, hash };
}

/** Shorthand for events outside any other change (views, lists, denials, sign-in failures). */
export function audit(context: AuditContext, input: AuditEventInput) {
  return recordAuditEvent(prisma, context, input);
}

/** An audit context for the system itself (seed, scheduled work). */
export const SYSTEM_AUDIT_CONTEXT: AuditContext = { actor: null, ipAddress: null, userAgent: "system" };

import { createHash } from "node:crypto";
import type { AuditOutcome, Role } from "~/generated/prisma/enums";

/**
 * The hash chain's arithmetic, shared by the writer (audit.server.ts) and the verifier: both must
 * serialise an event to exactly the same bytes, whichever way it was read back from the database.
 */

export const GENESIS_HASH = "0".repeat(64);

/** The fields that the hash covers. */
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
  recordOrganisationId: string | null;
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
  if (typeof value === "bigint") return JSON.stringify(value.toString());
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

/** A stored event row, as Prisma reads it back. */
export interface StoredAuditEvent extends Omit<ChainedFields, "occurredAt"> {
  id: bigint;
  occurredAt: Date;
  hash: string;
}

/** The chained fields of a stored row, for recomputing its hash. */
export function chainedFieldsOf(row: StoredAuditEvent): ChainedFields {
  return {
    occurredAt: row.occurredAt.toISOString(),
    action: row.action,
    outcome: row.outcome,
    actorUserId: row.actorUserId,
    actorEmail: row.actorEmail,
    actorOrganisationId: row.actorOrganisationId,
    actorRoles: row.actorRoles,
    recordType: row.recordType,
    recordId: row.recordId,
    recordOrganisationId: row.recordOrganisationId,
    agreementId: row.agreementId,
    justification: row.justification,
    justificationNote: row.justificationNote,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
    details: row.details,
    prevHash: row.prevHash,
  };
}

/** What a checkpoint signs: the chain head at a moment, under a named key. */
export function checkpointMessage(checkpoint: { eventId: bigint; hash: string; keyId: string; createdAt: Date }): string {
  return canonicalJson({
    purpose: "audit-checkpoint",
    eventId: checkpoint.eventId.toString(),
    hash: checkpoint.hash,
    keyId: checkpoint.keyId,
    createdAt: checkpoint.createdAt.toISOString(),
  });
}

/**
 * PostgreSQL text and JSONB cannot hold NUL characters; an event carrying one (say, a hostile
 * justification note) would abort the change it records. Replace them before hashing, so the
 * stored and hashed values agree.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll(String.fromCharCode(0), "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [withoutNul(k), withoutNul(v)]),
    ) as T;
  }
  return value;
}

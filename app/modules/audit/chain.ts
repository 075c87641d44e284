import { createHash } from "node:crypto";
import type { AuditOutcome, Role } from "~/generated/prisma/enums";

/**
 * The hash chain's arithmetic, shared by the sequencer (sealing.server.ts) and the verifier: both
 * serialise an event read back from the database to exactly the same bytes.
 *
 * The formula is the one events were hashed with when the chain was written inline (before
 * sealing), so chains migrated from then verify unchanged: `requestId`, added later, takes part
 * only when it is set (canonicalJson leaves out undefined keys).
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
  /** Present only when the event has one (see above). */
  requestId?: string;
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
export interface StoredAuditEvent extends Omit<ChainedFields, "occurredAt" | "prevHash" | "requestId"> {
  id: bigint;
  occurredAt: Date;
  requestId: string | null;
}

/**
 * A stored event read as `row_to_json("AuditEvent")::text` (the sequencer and the verifier read
 * events this way: far cheaper than decoding thousands of rows through the ORM), with the same
 * values Prisma would give: timestamps as instants, enum arrays as strings, JSON as parsed.
 */
export function eventFromRowJson(text: string): StoredAuditEvent {
  const row = JSON.parse(text) as Record<string, unknown>;
  return {
    id: BigInt(row.id as number | string),
    occurredAt: new Date(row.occurredAt as string),
    action: row.action as string,
    outcome: row.outcome as AuditOutcome,
    actorUserId: (row.actorUserId as string | null) ?? null,
    actorEmail: (row.actorEmail as string | null) ?? null,
    actorOrganisationId: (row.actorOrganisationId as string | null) ?? null,
    actorRoles: (row.actorRoles as Role[] | null) ?? [],
    recordType: (row.recordType as string | null) ?? null,
    recordId: (row.recordId as string | null) ?? null,
    recordOrganisationId: (row.recordOrganisationId as string | null) ?? null,
    agreementId: (row.agreementId as string | null) ?? null,
    justification: (row.justification as string | null) ?? null,
    justificationNote: (row.justificationNote as string | null) ?? null,
    ipAddress: (row.ipAddress as string | null) ?? null,
    userAgent: (row.userAgent as string | null) ?? null,
    details: row.details ?? null,
    requestId: (row.requestId as string | null) ?? null,
  };
}

/** The chained fields of a stored row and the hash it follows, for computing its seal's hash. */
export function chainedFieldsOf(row: StoredAuditEvent, prevHash: string): ChainedFields {
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
    ...(row.requestId !== null ? { requestId: row.requestId } : {}),
    prevHash,
  };
}

/** The hash sealing `row` after the event whose hash is `prevHash`. */
export function sealHashOf(row: StoredAuditEvent, prevHash: string): string {
  return hashAuditFields(chainedFieldsOf(row, prevHash));
}

/**
 * What a checkpoint signs: the chain head at a moment, under a named key. Since sealing, the head's
 * chain position too (like a Certificate Transparency tree size); checkpoints signed before it
 * have no position, and their message is the one they were signed with.
 */
export function checkpointMessage(checkpoint: {
  eventId: bigint;
  position?: bigint | null;
  hash: string;
  keyId: string;
  createdAt: Date;
}): string {
  return canonicalJson({
    purpose: "audit-checkpoint",
    eventId: checkpoint.eventId.toString(),
    position: checkpoint.position == null ? undefined : checkpoint.position.toString(),
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

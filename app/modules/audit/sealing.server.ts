import type { AuditCheckpoint, PrismaClient } from "~/generated/prisma/client";
import type { ScheduledJob } from "~/modules/jobs/scheduler.server";
import { clock } from "~/utils/clock";
import { prisma as defaultPrisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { eventFromRowJson, GENESIS_HASH, sealHashOf } from "./chain";
import { writeCheckpoint } from "./checkpoints.server";
import { auditSigningKey, type SigningKey } from "./signing.server";

/**
 * The sequencer: seals committed audit events into the hash chain, in batches, and signs
 * checkpoints of the chain head (docs/decisions/0007-audit-sealing.md).
 *
 * Requests append events with a plain INSERT and no lock (audit.server.ts). Here, one sealer at a
 * time (the scheduler's per-job advisory lock across instances, plus a transaction-scoped lock for
 * on-demand sealing) takes every committed event that has no seal yet, in id order, and gives each
 * the next chain position, the previous seal's hash and its own hash, in "AuditSeal".
 *
 * Ids are not commit order: an event with a lower id can commit after a higher one was sealed.
 * Chain order is therefore the position the sealer assigns, never the id, and such a late event is
 * simply sealed by a later run at a later position. To find late events without rescanning the
 * whole table, each event records the PostgreSQL transaction that wrote it (`writerXid`); a run
 * notes the oldest transaction still running when it starts (the snapshot's xmin). Every event it
 * could not see belongs to a transaction at or after that point, so the next run need only look at
 * events with `writerXid` from there on. That resume point is an optimisation: the verifier finds
 * unsealed events by itself, and a missing resume point means a full scan.
 */

const SEAL_LOCK_KEY = 7_262_063;
/** How often the sequencer runs. */
export const SEAL_EVERY_MS = 1_000;
/** A new head is signed at least this often, even when fewer than AUDIT_CHECKPOINT_EVERY events were sealed. */
export const CHECKPOINT_MAX_AGE_MS = 60_000;
const DEFAULT_BATCH = 5_000;

export interface SealOptions {
  prisma?: PrismaClient;
  batchSize?: number;
  /** Sign a checkpoint of the head after sealing even if none is due (on demand). */
  forceCheckpoint?: boolean;
  key?: SigningKey;
}

export interface SealResult {
  sealed: number;
  head: { position: bigint; eventId: bigint; hash: string } | null;
  checkpoint: AuditCheckpoint | null;
}

/** Seals every committed unsealed event, then signs a checkpoint if one is due. Idempotent. */
export async function sealAuditEvents(options: SealOptions = {}): Promise<SealResult> {
  const db = options.prisma ?? defaultPrisma;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  // Taken before any read: every transaction older than this has finished, so its events are visible below.
  const [snapshot] = await db.$queryRaw<{ xmin: string }[]>`SELECT (pg_snapshot_xmin(pg_current_snapshot()))::text AS "xmin"`;
  const xmin = BigInt(snapshot!.xmin);
  const state = await db.auditSequencer.findUnique({ where: { id: 1 } });
  const scanFrom = state?.scanFromXid ?? null;

  let sealed = 0;
  for (;;) {
    const count = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`;
        const head = await tx.auditSeal.findFirst({ orderBy: { position: "desc" }, select: { position: true, hash: true } });
        // Read as JSON text and written as one JSON parameter: decoding and encoding thousands of
        // rows through the ORM cost more than everything else in a run.
        const pending = await tx.$queryRaw<{ event: string }[]>`
          SELECT row_to_json(e)::text AS "event" FROM "AuditEvent" e
          WHERE (${scanFrom === null}::boolean OR e."writerXid" >= ${scanFrom ?? 0n}::bigint)
            AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")
          ORDER BY e."id"
          LIMIT ${batchSize}`;
        if (pending.length === 0) return 0;
        const sealedAt = clock.now().toISOString();
        let prevHash = head?.hash ?? GENESIS_HASH;
        let position = head?.position ?? 0n;
        const seals = pending.map(({ event: text }) => {
          const event = eventFromRowJson(text);
          position += 1n;
          const hash = sealHashOf(event, prevHash);
          const seal = { eventId: event.id.toString(), position: position.toString(), prevHash, hash };
          prevHash = hash;
          return seal;
        });
        await tx.$executeRaw`
          INSERT INTO "AuditSeal" ("eventId", "position", "prevHash", "hash", "sealedAt")
          SELECT r."eventId"::bigint, r."position"::bigint, r."prevHash", r."hash", ${sealedAt}::timestamptz
          FROM jsonb_to_recordset(${JSON.stringify(seals)}::jsonb) AS r("eventId" text, "position" text, "prevHash" text, "hash" text)`;
        return seals.length;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    sealed += count;
    if (count < batchSize) break;
  }

  // Everything written by transactions before `xmin` is sealed now: resume from there next time.
  await db.$executeRaw`
    INSERT INTO "AuditSequencer" ("id", "scanFromXid", "updatedAt") VALUES (1, ${xmin}::bigint, ${clock.now().toISOString()}::timestamptz)
    ON CONFLICT ("id") DO UPDATE SET "scanFromXid" = GREATEST("AuditSequencer"."scanFromXid", EXCLUDED."scanFromXid"), "updatedAt" = EXCLUDED."updatedAt"`;

  const head = await db.auditSeal.findFirst({
    orderBy: { position: "desc" },
    select: { position: true, eventId: true, hash: true },
  });
  const checkpoint = head ? await checkpointIfDue(db, head, options) : null;
  return { sealed, head, checkpoint };
}

/**
 * Signs the head when AUDIT_CHECKPOINT_EVERY events were sealed since the latest checkpoint, or it
 * is older than CHECKPOINT_MAX_AGE_MS, or on demand. Returns the checkpoint of the head (new or
 * existing), or null when none was due.
 */
async function checkpointIfDue(
  db: PrismaClient,
  head: { position: bigint; eventId: bigint; hash: string },
  options: SealOptions,
): Promise<AuditCheckpoint | null> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`;
    const latest = await tx.auditCheckpoint.findFirst({
      orderBy: [{ position: { sort: "desc", nulls: "last" } }, { eventId: "desc" }, { createdAt: "desc" }],
    });
    if (latest && latest.eventId === head.eventId && latest.hash === head.hash) return options.forceCheckpoint ? latest : null;
    const latestPosition = latest
      ? (latest.position ??
        (await tx.auditSeal.findUnique({ where: { eventId: latest.eventId }, select: { position: true } }))?.position ??
        0n)
      : 0n;
    const due =
      options.forceCheckpoint ||
      head.position - latestPosition >= BigInt(env().AUDIT_CHECKPOINT_EVERY) ||
      !latest ||
      clock.now().getTime() - latest.createdAt.getTime() >= CHECKPOINT_MAX_AGE_MS;
    if (!due) return null;
    let key: SigningKey;
    try {
      key = options.key ?? auditSigningKey();
    } catch (error) {
      if (options.forceCheckpoint) throw error;
      // Sealing carries on without a signature; the next run retries, and the verifier shows how
      // far the newest checkpoint lags.
      console.error("Could not load the audit signing key; checkpoint postponed.", error);
      return null;
    }
    return writeCheckpoint(tx, head, key);
  });
}

/** Unsealed events: how many, and the oldest (for the verifier, the integrity page and monitoring). */
export async function unsealedEvents(db: PrismaClient = defaultPrisma) {
  const [row] = await db.$queryRaw<{ count: bigint | number | string; oldestId: bigint | number | string | null; oldestAt: Date | null }[]>`
    SELECT count(*) AS "count", min(e."id") AS "oldestId", min(e."occurredAt") AS "oldestAt"
    FROM "AuditEvent" e WHERE NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")`;
  const count = Number(row?.count ?? 0);
  return {
    count,
    oldestEventId: row?.oldestId != null ? BigInt(row.oldestId) : null,
    oldestOccurredAt: row?.oldestAt ? new Date(row.oldestAt) : null,
  };
}

/** The sequencer as a scheduled job: every second, on one instance at a time. */
export const auditSealingJob: ScheduledJob = {
  name: "audit-sealing",
  everyMs: SEAL_EVERY_MS,
  async run() {
    await sealAuditEvents();
  },
};

/**
 * Events waiting for the sequencer, counted cheaply (within its resume window, by index): for the
 * integrity page. The full check (verifyAuditTrail) counts every unsealed event, wherever it is.
 */
export async function pendingEvents(db: PrismaClient = defaultPrisma) {
  const [row] = await db.$queryRaw<{ count: bigint | number | string; oldestId: bigint | number | string | null; oldestAt: Date | null }[]>`
    SELECT count(*) AS "count", min(e."id") AS "oldestId", min(e."occurredAt") AS "oldestAt"
    FROM "AuditEvent" e
    WHERE e."writerXid" >= COALESCE((SELECT q."scanFromXid" FROM "AuditSequencer" q WHERE q."id" = 1), 0)
      AND NOT EXISTS (SELECT 1 FROM "AuditSeal" s WHERE s."eventId" = e."id")`;
  return {
    count: Number(row?.count ?? 0),
    oldestEventId: row?.oldestId != null ? BigInt(row.oldestId) : null,
    oldestOccurredAt: row?.oldestAt ? new Date(row.oldestAt) : null,
  };
}

import type { KeyObject } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { prisma as defaultPrisma } from "~/utils/db.server";
import { chainedFieldsOf, checkpointMessage, GENESIS_HASH, hashAuditFields, type StoredAuditEvent } from "./chain";
import { existingAuditSigningKey, keyIdOf, verifyMessage } from "./signing.server";

/**
 * Verifies the audit trail: recomputes every event's hash in id order, checks each event links to
 * the one before it, checks every checkpoint's signature and that the event it signed still has
 * the signed hash, and that the trail has not lost its tail since the newest checkpoint.
 *
 * Streams in keyset batches (WHERE id > last ORDER BY id LIMIT n), so memory stays flat on
 * millions of events, and reads no lock: appends carry on while it runs. The newest checkpoint is
 * read first, so checkpoints signed while the verifier runs are not mistaken for a lost tail.
 *
 * What it cannot see: events appended after the newest checkpoint and then removed from the end
 * leave no trace; checkpoints every AUDIT_CHECKPOINT_EVERY events and an exported copy of the
 * checkpoints bound that window.
 */

export type ProblemKind =
  | "hash_mismatch"
  | "deleted_before"
  | "inserted"
  | "start_missing"
  | "checkpoint_signature"
  | "checkpoint_unknown_key"
  | "checkpoint_event_missing"
  | "checkpoint_hash_mismatch"
  | "truncated";

export interface VerificationProblem {
  kind: ProblemKind;
  /** The first event affected (for a lost tail, the newest signed event that is missing). */
  eventId: bigint;
  checkpointId?: string;
  message: string;
}

export interface VerificationResult {
  intact: boolean;
  eventsChecked: number;
  checkpointsChecked: number;
  firstEventId: bigint | null;
  lastEventId: bigint | null;
  latestCheckpoint: { id: string; eventId: bigint; createdAt: Date } | null;
  eventsSinceLatestCheckpoint: number;
  /** The first problem in chain order: where the trail stops being trustworthy. */
  firstProblem: VerificationProblem | null;
  /** Up to MAX_PROBLEMS problems, in chain order. */
  problems: VerificationProblem[];
  problemCount: number;
  keyId: string | null;
}

const MAX_PROBLEMS = 50;

export interface VerifyOptions {
  prisma?: PrismaClient;
  batchSize?: number;
  /** Public keys whose checkpoints are trusted; defaults to the configured signing key. */
  publicKeys?: KeyObject[];
}

export async function verifyAuditTrail(options: VerifyOptions = {}): Promise<VerificationResult> {
  const db = options.prisma ?? defaultPrisma;
  const batchSize = options.batchSize ?? 2000;
  const ownKey = options.publicKeys ? null : existingAuditSigningKey();
  const publicKeys = options.publicKeys ?? (ownKey ? [ownKey.publicKey] : []);
  const keysById = new Map(publicKeys.map((key) => [keyIdOf(key), key]));

  const problems: VerificationProblem[] = [];
  let problemCount = 0;
  const report = (problem: VerificationProblem) => {
    problemCount += 1;
    problems.push(problem);
    // Keep the earliest ones: sort now and then, trim to the cap.
    if (problems.length > MAX_PROBLEMS * 2) {
      problems.sort(byEvent);
      problems.length = MAX_PROBLEMS;
    }
  };

  const latestAtStart = await db.auditCheckpoint.findFirst({
    orderBy: [{ eventId: "desc" }, { createdAt: "desc" }],
    select: { id: true, eventId: true, createdAt: true },
  });

  // 1. The chain, in id order.
  let eventsChecked = 0;
  let firstEventId: bigint | null = null;
  let previous: { id: bigint; hash: string } | null = null;
  let eventsSinceLatestCheckpoint = 0;
  for (;;) {
    const batch: StoredAuditEvent[] = await db.auditEvent.findMany({
      where: previous ? { id: { gt: previous.id } } : {},
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) break;
    for (const row of batch) {
      firstEventId ??= row.id;
      eventsChecked += 1;
      if (latestAtStart && row.id > latestAtStart.eventId) eventsSinceLatestCheckpoint += 1;
      if (hashAuditFields(chainedFieldsOf(row)) !== row.hash) {
        report({
          kind: "hash_mismatch",
          eventId: row.id,
          message: `Event ${row.id} was changed after it was written: its contents no longer match its hash.`,
        });
      }
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (row.prevHash !== expectedPrev) {
        report(await diagnoseBrokenLink(db, row, previous));
      }
      previous = { id: row.id, hash: row.hash };
    }
    if (batch.length < batchSize) break;
  }
  const lastEventId = previous?.id ?? null;

  // 2. The checkpoints, in chain order, up to the newest one that existed when we started.
  let checkpointsChecked = 0;
  const upTo = maxBigInt(lastEventId ?? 0n, latestAtStart?.eventId ?? 0n);
  let cursor: string | null = null;
  for (;;) {
    const checkpoints: { id: string; eventId: bigint; hash: string; signature: string; keyId: string; createdAt: Date }[] =
      await db.auditCheckpoint.findMany({
        where: { eventId: { lte: upTo } },
        orderBy: [{ eventId: "asc" }, { id: "asc" }],
        take: batchSize,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
    if (checkpoints.length === 0) break;
    const events = await db.auditEvent.findMany({
      where: { id: { in: checkpoints.map((c) => c.eventId) } },
      select: { id: true, hash: true },
    });
    const hashById = new Map(events.map((e) => [e.id, e.hash]));
    for (const checkpoint of checkpoints) {
      checkpointsChecked += 1;
      const key = keysById.get(checkpoint.keyId);
      if (!key) {
        report({
          kind: "checkpoint_unknown_key",
          eventId: checkpoint.eventId,
          checkpointId: checkpoint.id,
          message: `Checkpoint of event ${checkpoint.eventId} was signed with key ${checkpoint.keyId}, which is not a trusted key here.`,
        });
      } else if (!verifyMessage(key, checkpointMessage(checkpoint), checkpoint.signature)) {
        report({
          kind: "checkpoint_signature",
          eventId: checkpoint.eventId,
          checkpointId: checkpoint.id,
          message: `Checkpoint of event ${checkpoint.eventId} has an invalid signature: it was forged or altered.`,
        });
      }
      const stored = hashById.get(checkpoint.eventId);
      if (stored === undefined) {
        const truncated = lastEventId === null || checkpoint.eventId > lastEventId;
        report(
          truncated
            ? {
                kind: "truncated",
                eventId: checkpoint.eventId,
                checkpointId: checkpoint.id,
                message: `The trail ends at event ${lastEventId ?? "(none)"}, but a checkpoint signed event ${checkpoint.eventId}: events after ${lastEventId ?? "the start"} were removed.`,
              }
            : {
                kind: "checkpoint_event_missing",
                eventId: checkpoint.eventId,
                checkpointId: checkpoint.id,
                message: `Event ${checkpoint.eventId}, signed in a checkpoint, is missing: it was deleted.`,
              },
        );
      } else if (stored !== checkpoint.hash) {
        report({
          kind: "checkpoint_hash_mismatch",
          eventId: checkpoint.eventId,
          checkpointId: checkpoint.id,
          message: `Event ${checkpoint.eventId} no longer has the hash signed in its checkpoint: the chain was rewritten up to here.`,
        });
      }
    }
    cursor = checkpoints[checkpoints.length - 1]!.id;
    if (checkpoints.length < batchSize) break;
  }

  problems.sort(byEvent);
  problems.length = Math.min(problems.length, MAX_PROBLEMS);
  return {
    intact: problemCount === 0,
    eventsChecked,
    checkpointsChecked,
    firstEventId,
    lastEventId,
    latestCheckpoint: latestAtStart,
    eventsSinceLatestCheckpoint,
    firstProblem: problems[0] ?? null,
    problems,
    problemCount,
    keyId: ownKey?.keyId ?? (publicKeys[0] ? keyIdOf(publicKeys[0]) : null),
  };
}

function byEvent(a: VerificationProblem, b: VerificationProblem): number {
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

function maxBigInt(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

/**
 * An event whose link does not point at the event before it. If it points at an older event, the
 * events in between are not part of the chain (inserted); if at nothing, the event it followed was
 * deleted or rewritten.
 */
async function diagnoseBrokenLink(
  db: PrismaClient,
  row: { id: bigint; prevHash: string },
  previous: { id: bigint; hash: string } | null,
): Promise<VerificationProblem> {
  if (!previous) {
    return {
      kind: "start_missing",
      eventId: row.id,
      message: `Event ${row.id} is the first event but links to an earlier one: the start of the trail was deleted.`,
    };
  }
  if (row.prevHash === GENESIS_HASH) {
    return {
      kind: "inserted",
      eventId: row.id,
      message: `Event ${row.id} claims to start the trail but follows event ${previous.id}: it was inserted.`,
    };
  }
  const linked = await db.auditEvent.findUnique({ where: { hash: row.prevHash }, select: { id: true } });
  if (linked && linked.id < previous.id) {
    const inserted = await db.auditEvent.findFirst({
      where: { id: { gt: linked.id, lt: row.id } },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const first = inserted?.id ?? previous.id;
    return {
      kind: "inserted",
      eventId: first,
      message: `Event ${first} is not part of the chain: event ${row.id} follows event ${linked.id}, so the events between them were inserted.`,
    };
  }
  return {
    kind: "deleted_before",
    eventId: row.id,
    message: `Event ${row.id} does not follow event ${previous.id}: the event it followed was deleted or rewritten.`,
  };
}

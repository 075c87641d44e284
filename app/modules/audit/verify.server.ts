import type { KeyObject } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { prisma as defaultPrisma } from "~/utils/db.server";
import { checkpointMessage, eventFromRowJson, GENESIS_HASH, sealHashOf, type StoredAuditEvent } from "./chain";
import { unsealedEvents } from "./sealing.server";
import { existingAuditSigningKey, keyIdOf, verifyMessage } from "./signing.server";

/**
 * Verifies the audit trail: walks the sealed chain in position order, recomputes every sealed
 * event's hash from its content and checks each seal links to the one before it, checks every
 * checkpoint's signature and that the seal it signed still has the signed hash, and that the chain
 * has not lost its tail since the newest checkpoint. Then reports the events not sealed yet
 * (written, committed, waiting for the sequencer): how many and how old the oldest is.
 *
 * Streams in keyset batches (WHERE position > last ORDER BY position LIMIT n, events read as
 * row_to_json text like the sequencer reads them), so memory stays flat on millions of events, and takes no lock: appends and sealing carry on while it runs.
 *
 * What it cannot see: sealed events appended after the newest checkpoint and then removed from the
 * end leave no trace; checkpoints (at least every minute while events arrive) and an exported copy
 * of them bound that window. Unsealed events are protected only by the database's privileges and
 * triggers until the sequencer seals them (docs/decisions/0007-audit-sealing.md).
 */

export type ProblemKind =
  | "hash_mismatch"
  | "deleted_before"
  | "inserted"
  | "start_missing"
  | "event_missing"
  | "checkpoint_signature"
  | "checkpoint_unknown_key"
  | "checkpoint_event_missing"
  | "checkpoint_hash_mismatch"
  | "truncated";

export interface VerificationProblem {
  kind: ProblemKind;
  /** The first event affected (for a lost tail, the newest signed event that is missing). */
  eventId: bigint;
  /** Its chain position, when known. */
  position: bigint | null;
  checkpointId?: string;
  message: string;
}

export interface UnsealedSummary {
  count: number;
  oldestEventId: bigint | null;
  oldestOccurredAt: Date | null;
}

export interface VerificationResult {
  /** No problem in the sealed chain or its checkpoints (unsealed events are reported apart). */
  intact: boolean;
  /** Sealed events checked. */
  eventsChecked: number;
  checkpointsChecked: number;
  firstEventId: bigint | null;
  lastEventId: bigint | null;
  lastPosition: bigint | null;
  latestCheckpoint: { id: string; eventId: bigint; position: bigint | null; createdAt: Date } | null;
  eventsSinceLatestCheckpoint: number;
  /** The first problem in chain order: where the trail stops being trustworthy. */
  firstProblem: VerificationProblem | null;
  /** Up to MAX_PROBLEMS problems, in chain order. */
  problems: VerificationProblem[];
  problemCount: number;
  keyId: string | null;
  /** Events written but not sealed yet. */
  unsealed: UnsealedSummary;
}

const MAX_PROBLEMS = 50;

export interface VerifyOptions {
  prisma?: PrismaClient;
  batchSize?: number;
  /** Public keys whose checkpoints are trusted; defaults to the configured signing key. */
  publicKeys?: KeyObject[];
  /** Called after each batch with the number of sealed events checked so far. */
  onProgress?: (eventsChecked: number) => Promise<void> | void;
}

type Seal = { eventId: bigint; position: bigint; prevHash: string; hash: string };

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
      problems.sort(inChainOrder);
      problems.length = MAX_PROBLEMS;
    }
  };

  const latestAtStart = await db.auditCheckpoint.findFirst({
    orderBy: [{ position: { sort: "desc", nulls: "last" } }, { eventId: "desc" }, { createdAt: "desc" }],
    select: { id: true, eventId: true, position: true, createdAt: true },
  });
  const latestPosition = latestAtStart
    ? (latestAtStart.position ??
      (await db.auditSeal.findUnique({ where: { eventId: latestAtStart.eventId }, select: { position: true } }))?.position ??
      null)
    : null;

  // 1. The sealed chain, in position order.
  let eventsChecked = 0;
  let firstEventId: bigint | null = null;
  let previous: Seal | null = null;
  let eventsSinceLatestCheckpoint = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ eventId: string; position: string; prevHash: string; hash: string; event: string | null }[]>`
      SELECT s."eventId"::text AS "eventId", s."position"::text AS "position", s."prevHash", s."hash", row_to_json(e)::text AS "event"
      FROM "AuditSeal" s LEFT JOIN "AuditEvent" e ON e."id" = s."eventId"
      WHERE s."position" > ${previous?.position ?? 0n}::bigint
      ORDER BY s."position"
      LIMIT ${batchSize}`;
    const batch: (Seal & { event: StoredAuditEvent | null })[] = rows.map((row) => ({
      eventId: BigInt(row.eventId),
      position: BigInt(row.position),
      prevHash: row.prevHash,
      hash: row.hash,
      event: row.event === null ? null : eventFromRowJson(row.event),
    }));
    if (batch.length === 0) break;
    for (const { event, ...seal } of batch) {
      firstEventId ??= seal.eventId;
      eventsChecked += 1;
      if (latestPosition !== null && seal.position > latestPosition) eventsSinceLatestCheckpoint += 1;
      const expectedPosition = (previous?.position ?? 0n) + 1n;
      const expectedPrev = previous?.hash ?? GENESIS_HASH;
      if (seal.position !== expectedPosition || seal.prevHash !== expectedPrev) {
        report(await diagnoseBrokenLink(db, seal, previous));
      }
      if (!event) {
        report({
          kind: "event_missing",
          eventId: seal.eventId,
          position: seal.position,
          message: `Event ${seal.eventId} was sealed at position ${seal.position} but is missing: it was deleted.`,
        });
      } else if (sealHashOf(event, seal.prevHash) !== seal.hash) {
        report({
          kind: "hash_mismatch",
          eventId: seal.eventId,
          position: seal.position,
          message: `Event ${seal.eventId} was changed after it was sealed: its contents no longer match its hash.`,
        });
      }
      previous = seal;
    }
    await options.onProgress?.(eventsChecked);
    if (batch.length < batchSize) break;
  }
  const lastPosition = previous?.position ?? null;

  // 2. The checkpoints.
  let checkpointsChecked = 0;
  let cursor: string | null = null;
  for (;;) {
    const checkpoints: { id: string; eventId: bigint; position: bigint | null; hash: string; signature: string; keyId: string; createdAt: Date }[] =
      await db.auditCheckpoint.findMany({
        orderBy: { id: "asc" },
        take: batchSize,
        ...(cursor ? { where: { id: { gt: cursor } } } : {}),
      });
    if (checkpoints.length === 0) break;
    const seals = await db.auditSeal.findMany({
      where: {
        OR: [
          { position: { in: checkpoints.flatMap((c) => (c.position === null ? [] : [c.position])) } },
          { eventId: { in: checkpoints.filter((c) => c.position === null).map((c) => c.eventId) } },
        ],
      },
      select: { eventId: true, position: true, hash: true },
    });
    const byPosition = new Map(seals.map((s) => [s.position, s]));
    const byEvent = new Map(seals.map((s) => [s.eventId, s]));
    for (const checkpoint of checkpoints) {
      checkpointsChecked += 1;
      const seal = checkpoint.position !== null ? byPosition.get(checkpoint.position) : byEvent.get(checkpoint.eventId);
      const where = { eventId: checkpoint.eventId, position: checkpoint.position ?? seal?.position ?? null, checkpointId: checkpoint.id };
      const key = keysById.get(checkpoint.keyId);
      if (!key) {
        report({
          kind: "checkpoint_unknown_key",
          ...where,
          message: `Checkpoint of event ${checkpoint.eventId} was signed with key ${checkpoint.keyId}, which is not a trusted key here.`,
        });
      } else if (!verifyMessage(key, checkpointMessage(checkpoint), checkpoint.signature)) {
        report({
          kind: "checkpoint_signature",
          ...where,
          message: `Checkpoint of event ${checkpoint.eventId} has an invalid signature: it was forged or altered.`,
        });
      }
      if (!seal) {
        const truncated =
          checkpoint.position !== null
            ? lastPosition === null || checkpoint.position > lastPosition
            : (await db.auditSeal.count({ where: { eventId: { gt: checkpoint.eventId } } })) === 0;
        report(
          truncated
            ? {
                kind: "truncated",
                ...where,
                message: `The trail ends at position ${lastPosition ?? "(none)"}, but a checkpoint signed event ${checkpoint.eventId}${checkpoint.position !== null ? ` at position ${checkpoint.position}` : ""}: events after it were removed.`,
              }
            : {
                kind: "checkpoint_event_missing",
                ...where,
                message: `Event ${checkpoint.eventId}, signed in a checkpoint, is missing: it was deleted.`,
              },
        );
      } else if (seal.hash !== checkpoint.hash || seal.eventId !== checkpoint.eventId) {
        report({
          kind: "checkpoint_hash_mismatch",
          ...where,
          message: `Event ${checkpoint.eventId} no longer has the hash signed in its checkpoint: the chain was rewritten up to here.`,
        });
      }
    }
    cursor = checkpoints[checkpoints.length - 1]!.id;
    if (checkpoints.length < batchSize) break;
  }

  // 3. What is waiting for the sequencer.
  const unsealed = await unsealedEvents(db);

  problems.sort(inChainOrder);
  problems.length = Math.min(problems.length, MAX_PROBLEMS);
  return {
    intact: problemCount === 0,
    eventsChecked,
    checkpointsChecked,
    firstEventId,
    lastEventId: previous?.eventId ?? null,
    lastPosition,
    latestCheckpoint: latestAtStart,
    eventsSinceLatestCheckpoint,
    firstProblem: problems[0] ?? null,
    problems,
    problemCount,
    keyId: ownKey?.keyId ?? (publicKeys[0] ? keyIdOf(publicKeys[0]) : null),
    unsealed,
  };
}

function inChainOrder(a: VerificationProblem, b: VerificationProblem): number {
  const pa = a.position ?? BigInt(Number.MAX_SAFE_INTEGER);
  const pb = b.position ?? BigInt(Number.MAX_SAFE_INTEGER);
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}

/**
 * A seal that does not follow the one before it. If it links to an older seal, the seals in
 * between are not part of the chain (inserted); if positions are missing or it links to nothing,
 * the seals it followed were deleted or rewritten.
 */
async function diagnoseBrokenLink(db: PrismaClient, seal: Seal, previous: Seal | null): Promise<VerificationProblem> {
  const at = { eventId: seal.eventId, position: seal.position };
  if (!previous) {
    return {
      kind: "start_missing",
      ...at,
      message: `Event ${seal.eventId} is the first sealed event but is at position ${seal.position} or links to an earlier one: the start of the trail was deleted.`,
    };
  }
  if (seal.position !== previous.position + 1n) {
    return {
      kind: "deleted_before",
      ...at,
      message: `Event ${seal.eventId} at position ${seal.position} follows position ${previous.position}: the events in between were deleted.`,
    };
  }
  if (seal.prevHash === GENESIS_HASH) {
    return {
      kind: "inserted",
      ...at,
      message: `Event ${seal.eventId} claims to start the trail but follows event ${previous.eventId}: it was inserted.`,
    };
  }
  const linked = await db.auditSeal.findUnique({ where: { hash: seal.prevHash }, select: { position: true } });
  if (linked && linked.position < previous.position) {
    const inserted = await db.auditSeal.findUnique({ where: { position: linked.position + 1n }, select: { eventId: true, position: true } });
    const first = inserted ?? previous;
    return {
      kind: "inserted",
      eventId: first.eventId,
      position: first.position,
      message: `Event ${first.eventId} is not part of the chain: event ${seal.eventId} follows the seal at position ${linked.position}, so the events between them were inserted.`,
    };
  }
  return {
    kind: "deleted_before",
    ...at,
    message: `Event ${seal.eventId} does not follow event ${previous.eventId}: the event it followed was deleted or rewritten.`,
  };
}

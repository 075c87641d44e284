import type { AuditCheckpoint, Prisma, PrismaClient } from "~/generated/prisma/client";
import type { ScheduledJob } from "~/modules/jobs/scheduler.server";
import { runJobOnce } from "~/modules/jobs/scheduler.server";
import { clock } from "~/utils/clock";
import { database, prisma } from "~/utils/db.server";
import { recordAuditEvent, SYSTEM_AUDIT_CONTEXT, type AuditContext } from "./audit.server";
import { sealAuditEvents } from "./sealing.server";
import { checkpointMessage } from "./chain";
import { auditSigningKey, publicKeyFromPem, verifyMessage } from "./signing.server";
import { verifyAuditTrail, type VerificationResult } from "./verify.server";

/**
 * Integrity operations a DPO, a system administrator or the `audit:verify` script runs on demand:
 * verify the trail (in the background for the web page), sign a checkpoint now, export the
 * checkpoints so a copy lives elsewhere. Each is itself recorded in the trail.
 */

/**
 * Seals now and signs the head. The audit event recording it is written first, so the sealing
 * pass includes it and the checkpoint covers its own event.
 */
export async function signCheckpointNow(context: AuditContext): Promise<AuditCheckpoint> {
  const key = auditSigningKey();
  await recordAuditEvent(prisma, context, {
    action: "audit.checkpoint_signed",
    details: { keyId: key.keyId, trigger: "on demand" },
  });
  const { checkpoint } = await sealAuditEvents({ forceCheckpoint: true, key });
  if (!checkpoint) throw new Error("No audit event to sign.");
  return checkpoint;
}

/** What a finished verification is stored and shown as (JSON-safe). */
export function serialiseVerification(result: VerificationResult) {
  return {
    intact: result.intact,
    eventsChecked: result.eventsChecked,
    checkpointsChecked: result.checkpointsChecked,
    lastEventId: result.lastEventId?.toString() ?? null,
    lastPosition: result.lastPosition?.toString() ?? null,
    eventsSinceLatestCheckpoint: result.eventsSinceLatestCheckpoint,
    problemCount: result.problemCount,
    problems: result.problems.slice(0, 20).map((p) => ({
      eventId: p.eventId.toString(),
      position: p.position?.toString() ?? null,
      kind: p.kind,
      message: p.message,
    })),
    unsealed: {
      count: result.unsealed.count,
      oldestEventId: result.unsealed.oldestEventId?.toString() ?? null,
      oldestOccurredAt: result.unsealed.oldestOccurredAt?.toISOString() ?? null,
    },
  };
}

export type SerialisedVerification = ReturnType<typeof serialiseVerification>;

function verificationDetails(result: VerificationResult): Prisma.InputJsonObject {
  return {
    intact: result.intact,
    eventsChecked: result.eventsChecked,
    checkpointsChecked: result.checkpointsChecked,
    lastEventId: result.lastEventId?.toString() ?? null,
    lastPosition: result.lastPosition?.toString() ?? null,
    problemCount: result.problemCount,
    firstProblemEventId: result.firstProblem?.eventId.toString() ?? null,
    firstProblemKind: result.firstProblem?.kind ?? null,
    unsealedCount: result.unsealed.count,
    oldestUnsealedEventId: result.unsealed.oldestEventId?.toString() ?? null,
  };
}

/** Verifies in the caller's process and records it (the `audit:verify` script). */
export async function verifyAndRecord(context: AuditContext): Promise<VerificationResult> {
  const result = await verifyAuditTrail();
  await recordAuditEvent(prisma, context, { action: "audit.verified", details: verificationDetails(result) });
  return result;
}

// ─── Background checks (the integrity page) ────────────────────────────────

/** A check whose runner has not reported for this long is taken over (its instance stopped). */
const STALE_AFTER_MS = 60_000;
/** Progress is written at most this often. */
const PROGRESS_EVERY_MS = 500;

/**
 * Asks for a check of the whole trail. It runs in the background (integrityCheckJob, started at
 * once on this instance if no other is running checks); the page shows its progress.
 */
export async function requestIntegrityCheck(context: AuditContext): Promise<{ id: string }> {
  const check = await prisma.$transaction(async (tx) => {
    const created = await tx.integrityCheck.create({
      data: { requestedBy: JSON.parse(JSON.stringify(context)) as Prisma.InputJsonObject, requestedAt: clock.now() },
      select: { id: true },
    });
    await recordAuditEvent(tx, context, { action: "audit.verification_requested", details: { checkId: created.id } });
    return created;
  });
  startIntegrityChecks();
  return check;
}

let inFlight: Promise<void> = Promise.resolve();

/** Runs queued checks now, in the background, unless a run is already going (here or elsewhere). */
export function startIntegrityChecks(): void {
  inFlight = inFlight
    .then(() => runJobOnce(database(), integrityCheckJob))
    .then(() => undefined)
    .catch((error: unknown) => console.error("Audit integrity check failed to run.", error));
}

/** Resolves when checks started by startIntegrityChecks have finished (tests, shutdown). */
export function integrityChecksSettled(): Promise<void> {
  return inFlight;
}

/** Runs every queued check (and any whose runner stopped), oldest first. */
export async function runQueuedIntegrityChecks(): Promise<number> {
  let ran = 0;
  for (;;) {
    const stale = new Date(clock.now().getTime() - STALE_AFTER_MS);
    const next = await prisma.integrityCheck.findFirst({
      where: { OR: [{ status: "QUEUED" }, { status: "RUNNING", heartbeatAt: { lt: stale } }] },
      orderBy: { requestedAt: "asc" },
    });
    if (!next) return ran;
    const claimed = await prisma.integrityCheck.updateMany({
      where: { id: next.id, status: next.status, heartbeatAt: next.heartbeatAt },
      data: { status: "RUNNING", startedAt: clock.now(), heartbeatAt: clock.now(), eventsChecked: 0 },
    });
    if (claimed.count === 0) continue;
    await runCheck(next.id, next.requestedBy as unknown as AuditContext);
    ran += 1;
  }
}

async function runCheck(id: string, requestedBy: AuditContext): Promise<void> {
  try {
    const head = await prisma.auditSeal.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
    await prisma.integrityCheck.update({ where: { id }, data: { eventsTotal: Number(head?.position ?? 0n) } });
    let lastWrite = 0;
    const result = await verifyAuditTrail({
      onProgress: async (eventsChecked) => {
        const now = clock.now();
        if (now.getTime() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now.getTime();
        await prisma.integrityCheck.update({ where: { id }, data: { eventsChecked, heartbeatAt: now } });
      },
    });
    await prisma.$transaction(async (tx) => {
      await tx.integrityCheck.update({
        where: { id },
        data: {
          status: "DONE",
          finishedAt: clock.now(),
          eventsChecked: result.eventsChecked,
          result: serialiseVerification(result) as unknown as Prisma.InputJsonObject,
        },
      });
      await recordAuditEvent(tx, requestedBy, { action: "audit.verified", details: { checkId: id, ...verificationDetails(result) } });
    });
  } catch (error) {
    await prisma.integrityCheck.update({
      where: { id },
      data: { status: "FAILED", finishedAt: clock.now(), error: error instanceof Error ? error.message : String(error) },
    });
    await recordAuditEvent(prisma, SYSTEM_AUDIT_CONTEXT, {
      action: "audit.verified",
      details: { checkId: id, failed: true, error: error instanceof Error ? error.message : String(error) },
    });
  }
}

/** Background checks of the trail asked for on the integrity page, on one instance at a time. */
export const integrityCheckJob: ScheduledJob = {
  name: "audit-integrity-check",
  everyMs: 5_000,
  async run() {
    await runQueuedIntegrityChecks();
  },
};

export const CHECKPOINT_EXPORT_FORMAT = "partnership-intelligence-portal/audit-checkpoints/v2";

/**
 * Every checkpoint with the public key that verifies it, as JSON to keep outside the portal.
 * Checkpoints are few (one per AUDIT_CHECKPOINT_EVERY events or per minute), so this reads them in one go.
 */
export async function exportCheckpoints(context: AuditContext) {
  const key = auditSigningKey();
  const checkpoints = await prisma.auditCheckpoint.findMany({
    orderBy: [{ position: { sort: "asc", nulls: "first" } }, { eventId: "asc" }, { createdAt: "asc" }],
  });
  await recordAuditEvent(prisma, context, {
    action: "audit.checkpoints_exported",
    details: { rowCount: checkpoints.length, lastEventId: checkpoints.at(-1)?.eventId.toString() ?? null },
  });
  return {
    format: CHECKPOINT_EXPORT_FORMAT,
    exportedAt: clock.now().toISOString(),
    algorithm: "Ed25519",
    signedMessage:
      'Canonical JSON (keys sorted, no spaces) of {"createdAt","eventId","hash","keyId","position","purpose":"audit-checkpoint"}; eventId and position as strings; position left out where null (checkpoints signed before sealing).',
    publicKey: { keyId: key.keyId, spkiPem: key.publicKeyPem },
    checkpoints: checkpoints.map((c) => ({
      id: c.id,
      eventId: c.eventId.toString(),
      position: c.position?.toString() ?? null,
      hash: c.hash,
      keyId: c.keyId,
      createdAt: c.createdAt.toISOString(),
      signature: c.signature,
    })),
  };
}

/** A copy of the checkpoints kept outside the database: the JSON that exportCheckpoints gives. */
export interface ExportedCheckpoints {
  publicKey: { keyId: string; spkiPem: string };
  /** `position` is absent (v1 files) or null for checkpoints signed before sealing. */
  checkpoints: { eventId: string; position?: string | null; hash: string; keyId: string; createdAt: string; signature: string }[];
}

/**
 * Checks a database (the live one, or a restored backup) against checkpoints exported earlier:
 * each exported checkpoint must verify with the exported public key, and the seal it signed (at its
 * position, or of its event for checkpoints from before sealing) must still be there with the
 * signed hash. Returns the problems found, none if they agree.
 */
export async function compareWithExportedCheckpoints(exported: ExportedCheckpoints, db: PrismaClient = prisma): Promise<string[]> {
  const key = publicKeyFromPem(exported.publicKey.spkiPem);
  const problems: string[] = [];
  for (const c of exported.checkpoints) {
    const eventId = BigInt(c.eventId);
    const position = c.position ? BigInt(c.position) : null;
    const message = checkpointMessage({ eventId, position, hash: c.hash, keyId: c.keyId, createdAt: new Date(c.createdAt) });
    if (!verifyMessage(key, message, c.signature)) {
      problems.push(`Exported checkpoint of event ${c.eventId} does not verify with the exported public key.`);
      continue;
    }
    const seal = await db.auditSeal.findUnique({
      where: position !== null ? { position } : { eventId },
      select: { eventId: true, hash: true },
    });
    if (!seal) problems.push(`Event ${c.eventId}, signed in the exported copy, is missing from the database.`);
    else if (seal.hash !== c.hash || seal.eventId !== eventId) problems.push(`Event ${c.eventId} no longer has the hash signed in the exported copy.`);
  }
  return problems;
}

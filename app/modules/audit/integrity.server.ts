import type { PrismaClient } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { recordAuditEvent, type AuditContext } from "./audit.server";
import { checkpointMessage } from "./chain";
import { writeCheckpoint } from "./checkpoints.server";
import { auditSigningKey, publicKeyFromPem, verifyMessage } from "./signing.server";
import { verifyAuditTrail, type VerificationResult } from "./verify.server";
import { clock } from "~/utils/clock";

/**
 * Integrity operations a DPO, a system administrator or the `audit:verify` script runs on demand:
 * verify the trail, sign a checkpoint now, export the checkpoints so a copy lives elsewhere.
 * Each is itself recorded in the trail.
 */

/**
 * Signs the chain head now. The audit event recording it is appended first, in the same
 * transaction and under the same lock, so the checkpoint covers its own event.
 */
export async function signCheckpointNow(context: AuditContext) {
  const key = auditSigningKey();
  return prisma.$transaction(async (tx) => {
    const head = await recordAuditEvent(tx, context, {
      action: "audit.checkpoint_signed",
      details: { keyId: key.keyId, trigger: "on demand" },
    });
    // The append may already have signed this head (threshold reached); do not sign it twice.
    const existing = await tx.auditCheckpoint.findFirst({ where: { eventId: head.id } });
    return existing ?? writeCheckpoint(tx, head, key);
  });
}

export async function verifyAndRecord(context: AuditContext): Promise<VerificationResult> {
  const result = await verifyAuditTrail();
  await recordAuditEvent(prisma, context, {
    action: "audit.verified",
    outcome: "ALLOWED",
    details: {
      intact: result.intact,
      eventsChecked: result.eventsChecked,
      checkpointsChecked: result.checkpointsChecked,
      lastEventId: result.lastEventId?.toString() ?? null,
      problemCount: result.problemCount,
      firstProblemEventId: result.firstProblem?.eventId.toString() ?? null,
      firstProblemKind: result.firstProblem?.kind ?? null,
    },
  });
  return result;
}

export const CHECKPOINT_EXPORT_FORMAT = "partnership-intelligence-portal/audit-checkpoints/v1";

/**
 * Every checkpoint with the public key that verifies it, as JSON to keep outside the portal.
 * Checkpoints are few (one per AUDIT_CHECKPOINT_EVERY events), so this reads them in one go.
 */
export async function exportCheckpoints(context: AuditContext) {
  const key = auditSigningKey();
  const checkpoints = await prisma.auditCheckpoint.findMany({ orderBy: [{ eventId: "asc" }, { createdAt: "asc" }] });
  await recordAuditEvent(prisma, context, {
    action: "audit.checkpoints_exported",
    details: { rowCount: checkpoints.length, lastEventId: checkpoints.at(-1)?.eventId.toString() ?? null },
  });
  return {
    format: CHECKPOINT_EXPORT_FORMAT,
    exportedAt: clock.now().toISOString(),
    algorithm: "Ed25519",
    signedMessage:
      'Canonical JSON (keys sorted, no spaces) of {"createdAt","eventId","hash","keyId","purpose":"audit-checkpoint"}; eventId as a string.',
    publicKey: { keyId: key.keyId, spkiPem: key.publicKeyPem },
    checkpoints: checkpoints.map((c) => ({
      id: c.id,
      eventId: c.eventId.toString(),
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
  checkpoints: { eventId: string; hash: string; keyId: string; createdAt: string; signature: string }[];
}

/**
 * Checks a database (the live one, or a restored backup) against checkpoints exported earlier:
 * each exported checkpoint must verify with the exported public key, and the event it signed must
 * still be there with the signed hash. Returns the problems found, none if they agree.
 */
export async function compareWithExportedCheckpoints(
  exported: ExportedCheckpoints,
  db: PrismaClient = prisma,
): Promise<string[]> {
  const key = publicKeyFromPem(exported.publicKey.spkiPem);
  const problems: string[] = [];
  for (const c of exported.checkpoints) {
    const eventId = BigInt(c.eventId);
    const signed = verifyMessage(key, checkpointMessage({ eventId, hash: c.hash, keyId: c.keyId, createdAt: new Date(c.createdAt) }), c.signature);
    if (!signed) {
      problems.push(`Exported checkpoint of event ${c.eventId} does not verify with the exported public key.`);
      continue;
    }
    const event = await db.auditEvent.findUnique({ where: { id: eventId }, select: { hash: true } });
    if (!event) problems.push(`Event ${c.eventId}, signed in the exported copy, is missing from the database.`);
    else if (event.hash !== c.hash) problems.push(`Event ${c.eventId} no longer has the hash signed in the exported copy.`);
  }
  return problems;
}

import type { Prisma } from "~/generated/prisma/client";
import { env } from "~/utils/env.server";
import { checkpointMessage } from "./chain";
import { auditSigningKey, signMessage, type SigningKey } from "./signing.server";
import { clock } from "~/utils/clock";

/**
 * Signed checkpoints of the audit chain. A checkpoint signs the head of the chain (the newest
 * event's id and hash) with the Ed25519 key kept outside the database. Later, the verifier checks
 * that each signed event still carries the signed hash, so rewriting history (even re-hashing the
 * whole chain) or cutting off its tail is detected against the newest checkpoint.
 */

/** One lock for every writer of the chain, on every app instance (transaction-scoped). */
const AUDIT_CHAIN_LOCK_KEY = 7_262_062;

export async function lockAuditChain(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`;
}

export interface ChainHead {
  id: bigint;
  hash: string;
}

/** Signs `head` and stores the checkpoint. Call with the chain lock held. */
export async function writeCheckpoint(tx: Prisma.TransactionClient, head: ChainHead, key: SigningKey = auditSigningKey()) {
  const createdAt = clock.now();
  const signature = signMessage(key, checkpointMessage({ eventId: head.id, hash: head.hash, keyId: key.keyId, createdAt }));
  return tx.auditCheckpoint.create({
    data: { eventId: head.id, hash: head.hash, signature, keyId: key.keyId, createdAt },
  });
}

/**
 * After an append (lock held): sign a checkpoint when AUDIT_CHECKPOINT_EVERY events have been
 * written since the last one. Ids are allocated under the lock, so the id difference counts the
 * events since (rolled-back appends leave gaps, which only make checkpoints a little more frequent).
 */
export async function checkpointIfDue(tx: Prisma.TransactionClient, head: ChainHead): Promise<void> {
  const last = await tx.auditCheckpoint.findFirst({ orderBy: { eventId: "desc" }, select: { eventId: true } });
  if (head.id - (last?.eventId ?? 0n) < BigInt(env().AUDIT_CHECKPOINT_EVERY)) return;
  let key: SigningKey;
  try {
    key = auditSigningKey();
  } catch (error) {
    // The change being recorded must not fail because the key file is unreadable; the next
    // append retries, and the verifier reports how far the newest checkpoint lags.
    console.error("Could not load the audit signing key; checkpoint postponed.", error);
    return;
  }
  await writeCheckpoint(tx, head, key);
}

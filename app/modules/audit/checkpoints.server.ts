import type { Prisma } from "~/generated/prisma/client";
import { checkpointMessage } from "./chain";
import { auditSigningKey, signMessage, type SigningKey } from "./signing.server";
import { clock } from "~/utils/clock";

/**
 * Signed checkpoints of the audit chain. A checkpoint signs the head of the sealed chain (its
 * position, event id and hash) with the Ed25519 key kept outside the database. Later, the verifier
 * checks that the seal at that position still carries the signed hash, so rewriting history (even
 * re-hashing the whole chain) or cutting off its tail is detected against the newest checkpoint.
 * The sequencer (sealing.server.ts) decides when to sign.
 */

export interface ChainHead {
  eventId: bigint;
  position: bigint;
  hash: string;
}

/** Signs `head` and stores the checkpoint. Call from the sequencer, under its lock. */
export async function writeCheckpoint(tx: Prisma.TransactionClient, head: ChainHead, key: SigningKey = auditSigningKey()) {
  const createdAt = clock.now();
  const signature = signMessage(key, checkpointMessage({ ...head, keyId: key.keyId, createdAt }));
  return tx.auditCheckpoint.create({
    data: { eventId: head.eventId, position: head.position, hash: head.hash, signature, keyId: key.keyId, createdAt },
  });
}

import { createHash, randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { clock } from "~/utils/clock";

/**
 * One-time recovery codes, for when the authenticator app is lost. Ten codes of 50 random bits
 * each, shown once and stored only as SHA-256 (high entropy and throttled, so a fast hash is
 * enough). Each code works once; generating a new set replaces the old one entirely.
 */
export const RECOVERY_CODE_COUNT = 10;

/** "abcde-fghij": ten base32 characters, split for reading aloud and typing. */
export function generateRecoveryCode(): string {
  const raw = encodeBase32LowerCaseNoPadding(new Uint8Array(randomBytes(7))).slice(0, 10);
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Case, spaces and hyphens do not matter when a code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, "");
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

/** Replaces the user's codes with a fresh set, inside the caller's transaction; returns them (once). */
export async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/**
 * Marks a matching unused code as used. The conditional update makes it single-use even when two
 * requests race on different app instances: only one of them changes the row.
 */
export async function consumeRecoveryCode(
  tx: Prisma.TransactionClient,
  userId: string,
  code: string,
  now = clock.now(),
): Promise<boolean> {
  if (!/^[a-z2-7]{10}$/.test(normaliseRecoveryCode(code))) return false;
  const result = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(code), usedAt: null },
    data: { usedAt: now },
  });
  return result.count === 1;
}

export async function unusedRecoveryCodeCount(userId: string): Promise<number> {
  return prisma.recoveryCode.count({ where: { userId, usedAt: null } });
}

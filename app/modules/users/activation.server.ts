import { randomBytes } from "node:crypto";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import type { Prisma } from "~/generated/prisma/client";
import { recordAuditEvent, type AuditContext } from "~/modules/audit/audit.server";
import { checkPasswordStrength, hashPassword } from "~/modules/auth/password.server";
import { prisma } from "~/utils/db.server";
import { clock } from "~/utils/clock";

/**
 * One-time activation links. An administrator never chooses or sees a user's password: they get a
 * link, shown once, to hand over by a secure route of their choosing (these networks send no email).
 * The link sets the password; the user then signs in and enrols MFA. The same link, issued again,
 * is the password reset. Only the token's SHA-256 is stored, so a copy of the table opens nothing.
 */
export const ACTIVATION_VALID_MS = 72 * 60 * 60 * 1000;

/**
 * The password hash of an account whose owner has not yet set one. It is not an argon2 string, so
 * `verifyPassword` rejects every password against it.
 */
export const UNUSABLE_PASSWORD_HASH = "!awaiting-activation";

export const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

export function activationTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function activationPath(token: string): string {
  return `/activate/${token}`;
}

/**
 * Creates a fresh link for `userId`, replacing any earlier unused one (only the newest link works).
 * Call inside the transaction that records the audit event for it.
 */
export async function issueActivation(
  tx: Prisma.TransactionClient,
  userId: string,
  createdById: string | null,
  now = clock.now(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = encodeBase32LowerCaseNoPadding(new Uint8Array(randomBytes(20)));
  const expiresAt = new Date(now.getTime() + ACTIVATION_VALID_MS);
  await tx.userActivation.deleteMany({ where: { userId } });
  await tx.userActivation.create({
    data: { userId, tokenHash: activationTokenHash(token), createdById, createdAt: now, expiresAt },
  });
  return { token, expiresAt };
}

/** The account a link belongs to, or null if the link is malformed, unknown, used, expired, or the account disabled. */
export async function findActivation(token: string, now = clock.now()) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const activation = await prisma.userActivation.findUnique({
    where: { tokenHash: activationTokenHash(token) },
    select: {
      id: true,
      expiresAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          organisationId: true,
          roles: true,
          disabledAt: true,
          totpEnrolledAt: true,
        },
      },
    },
  });
  if (!activation || activation.expiresAt <= now || activation.user.disabledAt) return null;
  return activation;
}

export type ActivationResult =
  | { ok: true; email: string }
  | { ok: false; reason: "invalid-link" }
  | { ok: false; reason: "password"; errors: Record<string, string> };

/**
 * Sets the password behind a valid link. The link is consumed, and every existing session of the
 * account ends (a reset must shut out whoever had the old password), in one transaction with its
 * audit event.
 */
export async function activateAccount(
  token: string,
  input: { password: string; confirmPassword: string },
  audit: AuditContext,
  now = clock.now(),
): Promise<ActivationResult> {
  const activation = await findActivation(token, now);
  if (!activation) return { ok: false, reason: "invalid-link" };
  const { user } = activation;
  const weakness = checkPasswordStrength(input.password, [user.email, user.name, ...user.email.split(/[@.]/)]);
  if (weakness) return { ok: false, reason: "password", errors: { password: weakness } };
  if (input.password !== input.confirmPassword) {
    return { ok: false, reason: "password", errors: { confirmPassword: "The passwords do not match" } };
  }
  const passwordHash = await hashPassword(input.password);
  const done = await prisma.$transaction(async (tx) => {
    // Consume the link first: of two simultaneous uses only one deletes the row and goes on.
    const consumed = await tx.userActivation.deleteMany({
      where: { id: activation.id, expiresAt: { gt: now } },
    });
    if (consumed.count !== 1) return false;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const sessionsEnded = await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAuditEvent(
      tx,
      // Whoever holds the link acts as its account: record them as the actor.
      {
        ...audit,
        actor: { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles },
      },
      {
        action: "account.activated",
        recordType: "User",
        recordId: user.id,
        details: { email: user.email, sessionsEnded: sessionsEnded.count, mfaEnrolled: user.totpEnrolledAt !== null },
      },
    );
    return true;
  });
  return done ? { ok: true, email: user.email } : { ok: false, reason: "invalid-link" };
}

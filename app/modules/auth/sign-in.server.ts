import type { Prisma, Role } from "~/generated/prisma/client";
import { audit, recordAuditEvent, type AuditContext } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { normaliseEmail } from "./email";
import { dummyPasswordHash, verifyPassword } from "./password.server";
import { consumeRecoveryCode, replaceRecoveryCodes } from "./recovery-codes.server";
import { createSession, pruneExpiredSessions, sessionIdFromToken } from "./session.server";
import {
  checkThrottle,
  clearAccountThrottle,
  pruneSignInThrottle,
  recordThrottleFailure,
  signInThrottleKeys,
  waitDescription,
  type ThrottleState,
} from "./throttle.server";
import { decodeTotpSecret, encodeTotpSecret, generateTotpSecret, verifyTotpCode } from "./totp.server";
import { clock } from "~/utils/clock";

/**
 * Signing in, in two steps. The password step creates a session that is NOT yet signed in
 * (mfaVerified = false) and only reaches the second-factor pages. The second step (a TOTP code, a
 * recovery code, or enrolment for a user without TOTP) deletes that session and issues a NEW token
 * (ASVS 7.2.4: new token at authentication), so a token seen before MFA is worthless after it.
 *
 * Every attempt is checked against the throttle before any hashing, every failure counts against
 * both the account and the client address, and every outcome is audited. Failures for unknown,
 * wrong-password and disabled accounts take the same path and return the same result.
 */

/** Where an attempt comes from, for the throttle, the session list and the audit trail. */
export interface SignInAttempt {
  ipAddress: string | null;
  userAgent: string | null;
  requestId?: string | null;
  now?: Date;
}

export type SignInFailure = { outcome: "failed" } | { outcome: "throttled"; wait: string };

export interface IssuedSession {
  token: string;
  /**
   * When the cookie should expire: the ABSOLUTE expiry. The idle expiry slides on the server
   * without re-sending the cookie, so a cookie tied to it would vanish while the user is active.
   */
  expiresAt: Date;
}

interface AuditableUser {
  id: string;
  email: string;
  organisationId: string;
  roles: Role[];
}

function auditContext(attempt: SignInAttempt, user: AuditableUser | null): AuditContext {
  return {
    actor: user ? { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles } : null,
    ipAddress: attempt.ipAddress,
    userAgent: attempt.userAgent,
    requestId: attempt.requestId ?? null,
  };
}

function throttled(state: Extract<ThrottleState, { blocked: true }>, now: Date): SignInFailure {
  return { outcome: "throttled", wait: waitDescription(state.until, now) };
}

async function refuseIfThrottled(
  email: string,
  attempt: SignInAttempt,
  now: Date,
  step: string,
  user: AuditableUser | null,
): Promise<SignInFailure | null> {
  const state = await checkThrottle(signInThrottleKeys(email, attempt.ipAddress), now);
  if (!state.blocked) return null;
  await audit(auditContext(attempt, user), {
    action: "auth.sign_in_throttled",
    outcome: "DENIED",
    recordType: user ? "User" : undefined,
    recordId: user?.id,
    details: { email, step, scope: state.scope, blockedUntil: state.until.toISOString() },
  });
  return throttled(state, now);
}

/** Counts a failure against the throttle; the reply is the throttled one if this failure started a block. */
async function countFailure(email: string, attempt: SignInAttempt, now: Date): Promise<SignInFailure> {
  const state = await recordThrottleFailure(signInThrottleKeys(email, attempt.ipAddress), now);
  return state.blocked ? throttled(state, now) : { outcome: "failed" };
}

/**
 * Expired sessions and stale throttle counters are refused anyway; deleting them keeps the tables
 * small. There is no scheduler, so about one sign-in in a hundred does it (on any instance).
 */
const HOUSEKEEPING_SAMPLE_RATE = 0.01;
async function sampledHousekeeping(now: Date): Promise<void> {
  if (Math.random() >= HOUSEKEEPING_SAMPLE_RATE) return;
  await pruneExpiredSessions(now);
  await pruneSignInThrottle(now);
}

// ─── Step 1: email and password ────────────────────────────────────────────

export type PasswordStepResult =
  | SignInFailure
  | { outcome: "password-accepted"; session: IssuedSession; next: "/sign-in/code" | "/sign-in/enrol" };

export async function signInWithPassword(
  input: { email: string; password: string },
  attempt: SignInAttempt,
  /** The token in the request's cookie, if any: replaced, never reused. */
  previousToken: string | null,
): Promise<PasswordStepResult> {
  const now = attempt.now ?? clock.now();
  const email = normaliseEmail(input.email);
  const refused = await refuseIfThrottled(email, attempt, now, "password", null);
  if (refused) return refused;

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, organisationId: true, roles: true, passwordHash: true, disabledAt: true, totpEnrolledAt: true },
  });
  // Unknown accounts are verified against a dummy hash so they cost the same time as a wrong password.
  const passwordCorrect = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!user || !passwordCorrect || user.disabledAt) {
    const reason = !user ? "unknown_account" : !passwordCorrect ? "wrong_password" : "account_disabled";
    const failure = await countFailure(email, attempt, now);
    await audit(auditContext(attempt, null), {
      action: "auth.sign_in_failed",
      outcome: "DENIED",
      recordType: user ? "User" : undefined,
      recordId: user?.id,
      details: { email, reason, step: "password" },
    });
    return failure;
  }

  const enrolled = user.totpEnrolledAt !== null;
  await sampledHousekeeping(now);
  const session = await prisma.$transaction(async (tx) => {
    if (previousToken) await tx.session.deleteMany({ where: { id: sessionIdFromToken(previousToken) } });
    if (!enrolled) {
      // A fresh pending secret at every sign-in, so a secret shown in one session (perhaps to
      // someone else who knew the password) is never the one confirmed in another.
      await tx.user.update({
        where: { id: user.id },
        data: { totpSecret: encodeTotpSecret(generateTotpSecret()), totpLastUsedStep: null },
      });
    }
    const created = await createSession(user.id, {
      mfaVerified: false,
      ipAddress: attempt.ipAddress,
      userAgent: attempt.userAgent,
      now,
      client: tx,
    });
    await recordAuditEvent(tx, auditContext(attempt, user), {
      action: "auth.password_verified",
      recordType: "User",
      recordId: user.id,
      details: { next: enrolled ? "security_code" : "mfa_enrolment" },
    });
    return created;
  });
  return {
    outcome: "password-accepted",
    session: { token: session.token, expiresAt: session.session.absoluteExpiresAt },
    next: enrolled ? "/sign-in/code" : "/sign-in/enrol",
  };
}

// ─── Step 2: the second factor ─────────────────────────────────────────────

/** What the second-factor steps know: the pending session and its user. */
export interface PendingSignIn {
  session: { id: string };
  user: AuditableUser;
}

export type SecondFactorResult = SignInFailure | { outcome: "signed-in"; session: IssuedSession };

class SecondFactorRefused extends Error {}

/**
 * Swaps the pending session for a fully signed-in one with a new token, records the sign-in and
 * resets the account's throttle. Runs inside the transaction that accepted the second factor.
 */
async function completeSignIn(
  tx: Prisma.TransactionClient,
  pending: PendingSignIn,
  attempt: SignInAttempt,
  now: Date,
  method: "totp" | "recovery_code" | "mfa_enrolment",
): Promise<IssuedSession> {
  const removed = await tx.session.deleteMany({ where: { id: pending.session.id, userId: pending.user.id } });
  // The pending session was ended meanwhile (signed out elsewhere, disabled): no sign-in.
  if (removed.count !== 1) throw new SecondFactorRefused();
  const { token, session } = await createSession(pending.user.id, {
    mfaVerified: true,
    ipAddress: attempt.ipAddress,
    userAgent: attempt.userAgent,
    now,
    client: tx,
  });
  await tx.user.update({ where: { id: pending.user.id }, data: { lastSignInAt: now } });
  await recordAuditEvent(tx, auditContext(attempt, pending.user), {
    action: "auth.sign_in",
    recordType: "User",
    recordId: pending.user.id,
    details: { method },
  });
  return { token, expiresAt: session.absoluteExpiresAt };
}

async function secondFactorFailed(
  pending: PendingSignIn,
  attempt: SignInAttempt,
  now: Date,
  details: Prisma.InputJsonObject,
): Promise<SignInFailure> {
  const failure = await countFailure(pending.user.email, attempt, now);
  await audit(auditContext(attempt, pending.user), {
    action: "auth.mfa_failed",
    outcome: "DENIED",
    recordType: "User",
    recordId: pending.user.id,
    details,
  });
  return failure;
}

/** Runs `work` in a transaction; a SecondFactorRefused inside it rolls back and yields null. */
async function inTransactionUnlessRefused<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | null> {
  try {
    return await prisma.$transaction(work);
  } catch (error) {
    if (error instanceof SecondFactorRefused) return null;
    throw error;
  }
}

/** The 6-digit code from the authenticator app; each code (time step) is accepted once only. */
export async function verifySecurityCode(
  pending: PendingSignIn,
  code: string,
  attempt: SignInAttempt,
): Promise<SecondFactorResult> {
  const now = attempt.now ?? clock.now();
  const refused = await refuseIfThrottled(pending.user.email, attempt, now, "security_code", pending.user);
  if (refused) return refused;

  const { totpSecret, totpLastUsedStep, totpEnrolledAt } = await prisma.user.findUniqueOrThrow({
    where: { id: pending.user.id },
    select: { totpSecret: true, totpLastUsedStep: true, totpEnrolledAt: true },
  });
  if (!totpSecret || !totpEnrolledAt) {
    return secondFactorFailed(pending, attempt, now, { method: "totp", reason: "not_enrolled" });
  }
  const secret = decodeTotpSecret(totpSecret);
  const step = verifyTotpCode(secret, code, totpLastUsedStep, now.getTime());
  if (step === null) {
    // A right code for an already-used step is a replay (perhaps a code seen over a shoulder).
    const reused = verifyTotpCode(secret, code, null, now.getTime()) !== null;
    return secondFactorFailed(pending, attempt, now, { method: "totp", reason: reused ? "reused_code" : "wrong_code" });
  }
  const session = await inTransactionUnlessRefused(async (tx) => {
    // Claim the step atomically: of two requests racing with one code, only one gets here.
    const claimed = await tx.user.updateMany({
      where: {
        id: pending.user.id,
        disabledAt: null,
        OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }],
      },
      data: { totpLastUsedStep: step },
    });
    if (claimed.count !== 1) throw new SecondFactorRefused();
    return completeSignIn(tx, pending, attempt, now, "totp");
  });
  if (!session) return secondFactorFailed(pending, attempt, now, { method: "totp", reason: "reused_code" });
  await clearAccountThrottle(pending.user.email);
  return { outcome: "signed-in", session };
}

/** A one-time recovery code instead of the app's code. */
export async function verifyRecoveryCode(
  pending: PendingSignIn,
  code: string,
  attempt: SignInAttempt,
): Promise<SecondFactorResult & { remaining?: number }> {
  const now = attempt.now ?? clock.now();
  const refused = await refuseIfThrottled(pending.user.email, attempt, now, "recovery_code", pending.user);
  if (refused) return refused;

  const result = await inTransactionUnlessRefused(async (tx) => {
    if (!(await consumeRecoveryCode(tx, pending.user.id, code, now))) throw new SecondFactorRefused();
    const remaining = await tx.recoveryCode.count({ where: { userId: pending.user.id, usedAt: null } });
    await recordAuditEvent(tx, auditContext(attempt, pending.user), {
      action: "auth.recovery_code_used",
      recordType: "User",
      recordId: pending.user.id,
      details: { remaining },
    });
    return { session: await completeSignIn(tx, pending, attempt, now, "recovery_code"), remaining };
  });
  if (!result) return secondFactorFailed(pending, attempt, now, { method: "recovery_code", reason: "wrong_or_used_code" });
  await clearAccountThrottle(pending.user.email);
  return { outcome: "signed-in", session: result.session, remaining: result.remaining };
}

// ─── Enrolment (first sign-in, or after an administrator reset MFA) ─────────

/**
 * The pending secret lives on the user (totpSecret set, totpEnrolledAt null) rather than on the
 * session: it survives a page reload and is the same on every app instance, and the password step
 * replaces it at every sign-in, so only the latest signed-in browser can confirm it.
 */
export async function pendingEnrolmentSecret(userId: string): Promise<string | null> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnrolledAt: true },
  });
  if (user.totpEnrolledAt) return null;
  if (user.totpSecret) return user.totpSecret;
  // Reset by an administrator after this session's password step: issue one now.
  const secret = encodeTotpSecret(generateTotpSecret());
  const claimed = await prisma.user.updateMany({
    where: { id: userId, totpEnrolledAt: null, totpSecret: null },
    data: { totpSecret: secret, totpLastUsedStep: null },
  });
  if (claimed.count === 1) return secret;
  return pendingEnrolmentSecret(userId);
}

export type EnrolmentResult =
  | SignInFailure
  | { outcome: "already-enrolled" }
  | { outcome: "enrolled"; session: IssuedSession; recoveryCodes: string[] };

export async function confirmEnrolment(
  pending: PendingSignIn,
  code: string,
  attempt: SignInAttempt,
): Promise<EnrolmentResult> {
  const now = attempt.now ?? clock.now();
  const refused = await refuseIfThrottled(pending.user.email, attempt, now, "mfa_enrolment", pending.user);
  if (refused) return refused;

  const { totpSecret, totpEnrolledAt } = await prisma.user.findUniqueOrThrow({
    where: { id: pending.user.id },
    select: { totpSecret: true, totpEnrolledAt: true },
  });
  if (totpEnrolledAt) return { outcome: "already-enrolled" };
  const step = totpSecret ? verifyTotpCode(decodeTotpSecret(totpSecret), code, null, now.getTime()) : null;
  if (step === null || !totpSecret) {
    return secondFactorFailed(pending, attempt, now, { method: "mfa_enrolment", reason: "wrong_code" });
  }
  const result = await inTransactionUnlessRefused(async (tx) => {
    // Only the secret this page showed, and only once: a newer sign-in may have replaced it.
    const claimed = await tx.user.updateMany({
      where: { id: pending.user.id, disabledAt: null, totpEnrolledAt: null, totpSecret },
      data: { totpEnrolledAt: now, totpLastUsedStep: step },
    });
    if (claimed.count !== 1) throw new SecondFactorRefused();
    const recoveryCodes = await replaceRecoveryCodes(tx, pending.user.id);
    await recordAuditEvent(tx, auditContext(attempt, pending.user), {
      action: "auth.mfa_enrolled",
      recordType: "User",
      recordId: pending.user.id,
      details: { method: "totp", recoveryCodesIssued: recoveryCodes.length },
    });
    return { session: await completeSignIn(tx, pending, attempt, now, "mfa_enrolment"), recoveryCodes };
  });
  if (!result) {
    return secondFactorFailed(pending, attempt, now, { method: "mfa_enrolment", reason: "secret_replaced" });
  }
  await clearAccountThrottle(pending.user.email);
  return { outcome: "enrolled", ...result };
}

// ─── Re-authentication (before signing an agreement or exporting) ──────────

export type ReauthenticationResult = SignInFailure | { outcome: "confirmed" };

/**
 * A signed-in user proves it is still them: their password AND a fresh code from the authenticator
 * app (a code already used cannot be replayed). Throttled and audited exactly like sign-in, counted
 * against the same account and address; on success the session records the time
 * (`reauthenticatedAt`), in the transaction that claims the code's step.
 */
export async function confirmIdentity(
  signedIn: { session: { id: string }; user: AuditableUser },
  input: { password: string; code: string },
  attempt: SignInAttempt,
): Promise<ReauthenticationResult> {
  const now = attempt.now ?? clock.now();
  const { user } = signedIn;
  const refused = await refuseIfThrottled(user.email, attempt, now, "reauthentication", user);
  if (refused) return refused;

  const credentials = await prisma.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { passwordHash: true, totpSecret: true, totpLastUsedStep: true, totpEnrolledAt: true },
  });
  const failed = async (reason: string): Promise<SignInFailure> => {
    const failure = await countFailure(user.email, attempt, now);
    await audit(auditContext(attempt, user), {
      action: "auth.reauthentication_failed",
      outcome: "DENIED",
      recordType: "User",
      recordId: user.id,
      details: { reason },
    });
    return failure;
  };
  // Both are checked whatever the first answer, so the reply does not say which one was wrong.
  const passwordCorrect = await verifyPassword(credentials.passwordHash, input.password);
  const secret = credentials.totpSecret && credentials.totpEnrolledAt ? decodeTotpSecret(credentials.totpSecret) : null;
  const step = secret ? verifyTotpCode(secret, input.code, credentials.totpLastUsedStep, now.getTime()) : null;
  if (!passwordCorrect) return failed("wrong_password");
  if (!secret) return failed("not_enrolled");
  if (step === null) return failed(verifyTotpCode(secret, input.code, null, now.getTime()) !== null ? "reused_code" : "wrong_code");

  const confirmed = await inTransactionUnlessRefused(async (tx) => {
    const claimed = await tx.user.updateMany({
      where: { id: user.id, disabledAt: null, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
      data: { totpLastUsedStep: step },
    });
    if (claimed.count !== 1) throw new SecondFactorRefused();
    const session = await tx.session.updateMany({ where: { id: signedIn.session.id, userId: user.id, mfaVerified: true }, data: { reauthenticatedAt: now } });
    if (session.count !== 1) throw new SecondFactorRefused();
    await recordAuditEvent(tx, auditContext(attempt, user), {
      action: "auth.reauthenticated",
      recordType: "User",
      recordId: user.id,
      details: { method: "password_and_totp" },
    });
    return true;
  });
  if (!confirmed) return failed("reused_code");
  await clearAccountThrottle(user.email);
  return { outcome: "confirmed" };
}

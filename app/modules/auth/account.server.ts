import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import type { AuthenticatedRequest } from "./auth.server";
import { SECURITY_CODE_WRONG, tooManyAttempts } from "./messages";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password.server";
import { replaceRecoveryCodes, unusedRecoveryCodeCount } from "./recovery-codes.server";
import { checkThrottle, recordThrottleFailure, signInThrottleKeys, waitDescription } from "./throttle.server";
import { decodeTotpSecret, verifyTotpCode } from "./totp.server";
import { clock } from "~/utils/clock";

/**
 * The signed-in user's own account: their details, their sessions (ASVS 7.5.2: see and end other
 * sessions), changing their password, and a new set of recovery codes. Re-authentication guards
 * the sensitive changes (current password; a current TOTP code) and counts against the same
 * throttle as sign-in, so a stolen session cannot be used to guess either.
 */

/** A user has few live sessions (each ends within 12 hours); the cap only guards against abuse. */
const SESSION_LIST_LIMIT = 50;

export async function accountOverview(auth: AuthenticatedRequest, now = clock.now()) {
  const [user, sessions, recoveryCodesLeft] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: auth.user.id },
      select: {
        name: true,
        email: true,
        roles: true,
        isAgreementSignatory: true,
        lastSignInAt: true,
        totpEnrolledAt: true,
        organisation: { select: { name: true, type: true } },
      },
    }),
    prisma.session.findMany({
      where: {
        AND: [
          accessibleWhere(auth.ability, "read", "Session"),
          { expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
        ],
      },
      orderBy: { lastSeenAt: "desc" },
      take: SESSION_LIST_LIMIT,
      select: { id: true, createdAt: true, lastSeenAt: true, ipAddress: true, userAgent: true, mfaVerified: true },
    }),
    unusedRecoveryCodeCount(auth.user.id),
  ]);
  return {
    user,
    recoveryCodesLeft,
    sessions: sessions.map((session) => ({ ...session, isCurrent: session.id === auth.session.id })),
  };
}

/** Ends one of the user's other sessions; false if it is not theirs, is this one, or has ended. */
export async function endOtherSession(auth: AuthenticatedRequest, sessionId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const result = await tx.session.deleteMany({
      where: { AND: [accessibleWhere(auth.ability, "end", "Session"), { id: sessionId }, { id: { not: auth.session.id } }] },
    });
    if (result.count === 0) return false;
    await recordAuditEvent(tx, auth.audit, {
      action: "auth.session_ended",
      recordType: "User",
      recordId: auth.user.id,
      details: { scope: "one_other_session", sessionsEnded: result.count },
    });
    return true;
  });
}

export async function endAllOtherSessions(auth: AuthenticatedRequest): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const result = await tx.session.deleteMany({
      where: { AND: [accessibleWhere(auth.ability, "end", "Session"), { id: { not: auth.session.id } }] },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "auth.session_ended",
      recordType: "User",
      recordId: auth.user.id,
      details: { scope: "all_other_sessions", sessionsEnded: result.count },
    });
    return result.count;
  });
}

export type ChangePasswordResult =
  | { ok: true; otherSessionsEnded: number }
  | { ok: false; errors: Partial<Record<"currentPassword" | "newPassword" | "confirmPassword" | "form", string>> };

export async function changePassword(
  auth: AuthenticatedRequest,
  input: { currentPassword: string; newPassword: string },
  now = clock.now(),
): Promise<ChangePasswordResult> {
  const keys = signInThrottleKeys(auth.user.email, auth.audit.ipAddress);
  const state = await checkThrottle(keys, now);
  if (state.blocked) {
    await audit(auth.audit, {
      action: "auth.sign_in_throttled",
      outcome: "DENIED",
      recordType: "User",
      recordId: auth.user.id,
      details: { step: "password_change", scope: state.scope },
    });
    return { ok: false, errors: { form: tooManyAttempts(waitDescription(state.until, now)) } };
  }
  const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: auth.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(passwordHash, input.currentPassword))) {
    const after = await recordThrottleFailure(keys, now);
    await audit(auth.audit, {
      action: "auth.password_change_failed",
      outcome: "DENIED",
      recordType: "User",
      recordId: auth.user.id,
      details: { reason: "wrong_current_password" },
    });
    return {
      ok: false,
      errors: after.blocked
        ? { form: tooManyAttempts(waitDescription(after.until, now)) }
        : { currentPassword: "Your current password is incorrect" },
    };
  }
  if (input.newPassword === input.currentPassword) {
    return { ok: false, errors: { newPassword: "Your new password must be different from your current password" } };
  }
  const weakness = checkPasswordStrength(input.newPassword, passwordContext(auth));
  if (weakness) return { ok: false, errors: { newPassword: weakness } };

  const newHash = await hashPassword(input.newPassword);
  const otherSessionsEnded = await prisma.$transaction(async (tx) => {
    // Only over the password that was just verified: a change made meanwhile (another tab, an
    // activation link used) is not silently overwritten.
    const changed = await tx.user.updateMany({ where: { id: auth.user.id, passwordHash }, data: { passwordHash: newHash } });
    if (changed.count !== 1) return null;
    // Whoever else held a session (perhaps the reason for the change) is signed out now.
    const ended = await tx.session.deleteMany({ where: { userId: auth.user.id, id: { not: auth.session.id } } });
    await recordAuditEvent(tx, auth.audit, {
      action: "auth.password_changed",
      recordType: "User",
      recordId: auth.user.id,
      details: { otherSessionsEnded: ended.count },
    });
    return ended.count;
  });
  if (otherSessionsEnded === null) {
    return { ok: false, errors: { currentPassword: "Your password was changed while this page was open. Enter your current password again" } };
  }
  return { ok: true, otherSessionsEnded };
}

/** Words a password must not be built from: the user's own name, email and organisation. */
function passwordContext(auth: AuthenticatedRequest): string[] {
  const localPart = auth.user.email.split("@")[0] ?? "";
  return [auth.user.email, localPart, auth.user.name, ...auth.user.name.split(/\s+/), auth.user.organisation.name];
}

export type RegenerateRecoveryCodesResult = { ok: true; codes: string[] } | { ok: false; error: string };

/** A new set of recovery codes (the old set stops working), on a current TOTP code. */
export async function regenerateRecoveryCodes(
  auth: AuthenticatedRequest,
  code: string,
  now = clock.now(),
): Promise<RegenerateRecoveryCodesResult> {
  const keys = signInThrottleKeys(auth.user.email, auth.audit.ipAddress);
  const state = await checkThrottle(keys, now);
  if (state.blocked) {
    await audit(auth.audit, {
      action: "auth.sign_in_throttled",
      outcome: "DENIED",
      recordType: "User",
      recordId: auth.user.id,
      details: { step: "recovery_codes", scope: state.scope },
    });
    return { ok: false, error: tooManyAttempts(waitDescription(state.until, now)) };
  }
  const { totpSecret, totpLastUsedStep } = await prisma.user.findUniqueOrThrow({
    where: { id: auth.user.id },
    select: { totpSecret: true, totpLastUsedStep: true },
  });
  const step = totpSecret ? verifyTotpCode(decodeTotpSecret(totpSecret), code, totpLastUsedStep, now.getTime()) : null;
  const codes =
    step === null
      ? null
      : await prisma.$transaction(async (tx) => {
          const claimed = await tx.user.updateMany({
            where: { id: auth.user.id, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
            data: { totpLastUsedStep: step },
          });
          if (claimed.count !== 1) return null;
          const fresh = await replaceRecoveryCodes(tx, auth.user.id);
          await recordAuditEvent(tx, auth.audit, {
            action: "auth.recovery_codes_generated",
            recordType: "User",
            recordId: auth.user.id,
            details: { count: fresh.length },
          });
          return fresh;
        });
  if (!codes) {
    const after = await recordThrottleFailure(keys, now);
    await audit(auth.audit, {
      action: "auth.mfa_failed",
      outcome: "DENIED",
      recordType: "User",
      recordId: auth.user.id,
      details: { method: "totp", purpose: "recovery_codes", reason: "wrong_or_reused_code" },
    });
    return {
      ok: false,
      error: after.blocked ? tooManyAttempts(waitDescription(after.until, now)) : SECURITY_CODE_WRONG,
    };
  }
  return { ok: true, codes };
}

import { describe, expect, it } from "vitest";
import { verifyPassword } from "~/modules/auth/password.server";
import { hashRecoveryCode, replaceRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { createSession, sessionIdFromToken } from "~/modules/auth/session.server";
import { prisma } from "~/utils/db.server";
import * as accountRoute from "~/routes/account._index";
import * as passwordRoute from "~/routes/account.password";
import * as recoveryCodesRoute from "~/routes/account.recovery-codes";
import { createUser, signedInCookie, TEST_PASSWORD } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { currentCodeFor, dataOf, locationOf, tokenOf } from "./flow";

const NEW_PASSWORD = "quarry lantern biscuit meadow";

async function otherSession(userId: string) {
  const { token } = await createSession(userId, { mfaVerified: true, ipAddress: "192.0.2.5", userAgent: "Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36" });
  return sessionIdFromToken(token);
}

describe("your account", () => {
  it("shows the user's details and live sessions, marking this one", async () => {
    const user = await createUser({ roles: ["PARTNER_MANAGER", "DATA_PROTECTION_OFFICER"], signatory: true });
    const cookie = await signedInCookie(user.id);
    await otherSession(user.id);
    const page = (await run(accountRoute.loader, makeRequest("/account", { cookie }))) as Awaited<ReturnType<typeof accountRoute.loader>>;
    expect(page.user).toMatchObject({
      name: "Test User",
      email: user.email,
      roles: ["Partner manager", "Data protection officer"],
      isAgreementSignatory: true,
    });
    expect(page.user.organisation).toContain(user.organisation.name);
    expect(page.sessions).toHaveLength(2);
    expect(page.sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    expect(page.sessions.find((s) => !s.isCurrent)).toMatchObject({ device: "Chrome on Windows", ipAddress: "192.0.2.5" });
  });

  it("never lists another user's sessions", async () => {
    const user = await createUser();
    const other = await createUser();
    await otherSession(other.id);
    const page = (await run(accountRoute.loader, makeRequest("/account", { cookie: await signedInCookie(user.id) }))) as Awaited<
      ReturnType<typeof accountRoute.loader>
    >;
    expect(page.sessions).toHaveLength(1);
  });

  it("ends one other session, but not another user's", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const mine = await otherSession(user.id);
    const someoneElse = await createUser();
    const theirs = await otherSession(someoneElse.id);

    const ended = await run(accountRoute.action, makeRequest("/account", { cookie, form: { intent: "end-session", sessionId: mine } }));
    expect(locationOf(ended)).toBe("/account?notice=session-ended");
    expect(await prisma.session.count({ where: { id: mine } })).toBe(0);

    const refused = await run(accountRoute.action, makeRequest("/account", { cookie, form: { intent: "end-session", sessionId: theirs } }));
    expect(locationOf(refused)).toBe("/account?notice=session-not-found");
    expect(await prisma.session.count({ where: { id: theirs } })).toBe(1);

    const [event] = await prisma.auditEvent.findMany({ where: { action: "auth.session_ended", actorUserId: user.id } });
    expect(event?.details).toEqual({ scope: "one_other_session", sessionsEnded: 1 });
  });

  it("signs out of all other sessions, keeping this one", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    await otherSession(user.id);
    await otherSession(user.id);
    const outcome = await run(accountRoute.action, makeRequest("/account", { cookie, form: { intent: "end-other-sessions" } }));
    expect(locationOf(outcome)).toBe("/account?notice=other-sessions-ended");
    const left = await prisma.session.findMany({ where: { userId: user.id } });
    expect(left.map((s) => s.id)).toEqual([sessionIdFromToken(tokenOf(cookie))]);
  });
});

describe("changing your password", () => {
  async function change(cookie: string, form: Record<string, string>) {
    return run(passwordRoute.action, makeRequest("/account/password", { cookie, form }));
  }

  it("needs the current password, and counts a wrong one", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const outcome = await change(cookie, { currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(statusOf(outcome)).toBe(400);
    expect(dataOf(outcome)).toEqual({ errors: { currentPassword: "Your current password is incorrect" } });
    expect(await prisma.signInThrottle.findUnique({ where: { key: `account:${user.email}` } })).toMatchObject({ failures: 1 });
    expect(await prisma.auditEvent.count({ where: { action: "auth.password_change_failed", recordId: user.id } })).toBe(1);
  });

  it("refuses a weak new password with the reason, and a mismatched confirmation", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const weak = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: "password1234", confirmPassword: "password1234" });
    expect(dataOf(weak)).toMatchObject({ errors: { newPassword: expect.stringMatching(/too easy to guess/) } });
    const mismatch = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: "something else" });
    expect(dataOf(mismatch)).toEqual({ errors: { confirmPassword: "The passwords do not match" } });
    const same = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD, confirmPassword: TEST_PASSWORD });
    expect(dataOf(same)).toEqual({ errors: { newPassword: "Your new password must be different from your current password" } });
  });

  it("changes it, ends every other session and records it", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const stolen = await otherSession(user.id);
    const outcome = await change(cookie, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(locationOf(outcome)).toBe("/account?notice=password-changed");
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await prisma.session.count({ where: { id: stolen } })).toBe(0);
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(tokenOf(cookie)) } })).toBe(1);
    const [event] = await prisma.auditEvent.findMany({ where: { action: "auth.password_changed", recordId: user.id } });
    expect(event?.details).toEqual({ otherSessionsEnded: 1 });
    expect(JSON.stringify(event?.details)).not.toContain(NEW_PASSWORD);
  });
});

describe("new recovery codes", () => {
  async function regenerate(cookie: string, code: string) {
    return run(recoveryCodesRoute.action, makeRequest("/account/recovery-codes", { cookie, form: { code } }));
  }

  it("needs a current security code, then replaces every old code", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const oldCodes = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id));

    const refused = await regenerate(cookie, "000000");
    expect(statusOf(refused)).toBe(400);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, codeHash: hashRecoveryCode(oldCodes[0]!) } })).toBe(1);

    const code = await currentCodeFor(user.id);
    const outcome = await regenerate(cookie, code);
    const { codes } = dataOf(outcome) as { codes: string[] };
    expect(codes).toHaveLength(10);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash).sort()).toEqual(codes.map(hashRecoveryCode).sort());
    expect(await prisma.auditEvent.count({ where: { action: "auth.recovery_codes_generated", recordId: user.id } })).toBe(1);

    // The same code cannot be used twice.
    expect(statusOf(await regenerate(cookie, code))).toBe(400);
  });
});

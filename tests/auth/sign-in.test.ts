import { describe, expect, it } from "vitest";
import { hashRecoveryCode, replaceRecoveryCodes } from "~/modules/auth/recovery-codes.server";
import { sessionIdFromToken } from "~/modules/auth/session.server";
import { prisma } from "~/utils/db.server";
import * as signInRoute from "~/routes/sign-in._index";
import * as recoveryRoute from "~/routes/sign-in.recovery";
import * as signOutRoute from "~/routes/sign-out";
import * as accountRoute from "~/routes/account._index";
import { createUser, signedInCookie, TEST_PASSWORD } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import {
  currentCodeFor,
  dataOf,
  freshAddress,
  locationOf,
  runFrom,
  sessionCookieFrom,
  signInFully,
  submitCode,
  submitPassword,
  tokenOf,
} from "./flow";

const SIGN_IN_FAILED = { email: "Enter a correct email address and password" };

async function auditEvents(action: string, recordId?: string) {
  return prisma.auditEvent.findMany({ where: { action, ...(recordId ? { recordId } : {}) }, orderBy: { id: "asc" } });
}

/** Events about attempts with these emails (failures before an account is known carry no record id). */
async function auditEventsForEmails(action: string, emails: string[]) {
  const events = await auditEvents(action);
  return events.filter((event) => {
    const email = (event.details as { email?: string } | null)?.email;
    return email !== undefined && emails.includes(email);
  });
}

describe("signing in with a password and a security code", () => {
  it("creates a pending session, then swaps it for a NEW token once the code is right", async () => {
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    const afterPassword = await submitPassword(user.email.toUpperCase());
    expect(locationOf(afterPassword)).toBe("/sign-in/code");
    const pendingCookie = sessionCookieFrom(afterPassword)!;
    const pending = await prisma.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(tokenOf(pendingCookie)) } });
    expect(pending.mfaVerified).toBe(false);

    // The pending session cannot reach signed-in pages.
    expect(locationOf(await run(accountRoute.loader, makeRequest("/account", { cookie: pendingCookie })))).toBe(
      "/sign-in/code?redirectTo=%2Faccount",
    );

    const afterCode = await submitCode(pendingCookie, await currentCodeFor(user.id));
    expect(locationOf(afterCode)).toBe("/");
    const cookie = sessionCookieFrom(afterCode)!;
    expect(tokenOf(cookie)).not.toBe(tokenOf(pendingCookie));
    expect(await prisma.session.count({ where: { id: pending.id } })).toBe(0);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(tokenOf(cookie)) } });
    expect(session.mfaVerified).toBe(true);
    expect(session.ipAddress).toMatch(/^198\.51\.100\./);
    expect(session.userAgent).toBe("vitest");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).not.toBeNull();
    expect(statusOf(await run(accountRoute.loader, makeRequest("/account", { cookie })))).toBe(200);

    expect(await auditEvents("auth.password_verified", user.id)).toHaveLength(1);
    const [signIn] = await auditEvents("auth.sign_in", user.id);
    expect(signIn).toMatchObject({ actorUserId: user.id, details: { method: "totp" } });
  });

  it("sets an HttpOnly SameSite cookie, and replaces any session the browser already had", async () => {
    const user = await createUser();
    const oldCookie = await signedInCookie(user.id);
    const afterPassword = await submitPassword(user.email, { cookie: oldCookie });
    const header = (afterPassword as Response).headers.get("Set-Cookie")!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(tokenOf(oldCookie)) } })).toBe(0);
  });

  it("shows the session-ended message when sent back with expired=1", async () => {
    const outcome = await run(signInRoute.loader, makeRequest("/sign-in?expired=1&redirectTo=%2Faccount"));
    expect(outcome).toMatchObject({ expired: true, redirectTo: "/account" });
  });

  it("asks for both fields, and never sends the password back", async () => {
    const outcome = await submitPassword("", { password: "" });
    expect(statusOf(outcome)).toBe(400);
    expect(dataOf(outcome)).toEqual({
      errors: { email: "Enter your email address", password: "Enter your password" },
      values: { email: "" },
    });
    const wrong = await submitPassword("someone@example.test", { password: "secret-typed-password" });
    expect(JSON.stringify(dataOf(wrong))).not.toContain("secret-typed-password");
  });
});

describe("no account enumeration", () => {
  it("answers an unknown email, a wrong password and a disabled account identically", async () => {
    const user = await createUser();
    const disabled = await createUser({ disabled: true });
    const unknown = await submitPassword("nobody-here@example.test");
    const wrongPassword = await submitPassword(user.email, { password: "not the right password at all" });
    const disabledAccount = await submitPassword(disabled.email);
    for (const outcome of [unknown, wrongPassword, disabledAccount]) {
      expect(statusOf(outcome)).toBe(401);
      expect(dataOf(outcome)).toMatchObject({ errors: SIGN_IN_FAILED });
      expect(sessionCookieFrom(outcome)).toBeNull();
    }
    const failures = await auditEventsForEmails("auth.sign_in_failed", ["nobody-here@example.test", user.email, disabled.email]);
    expect(failures.map((event) => event.details)).toEqual([
      { email: "nobody-here@example.test", reason: "unknown_account", step: "password" },
      { email: user.email, reason: "wrong_password", step: "password" },
      { email: disabled.email, reason: "account_disabled", step: "password" },
    ]);
    expect(failures.every((event) => event.outcome === "DENIED")).toBe(true);
    expect(JSON.stringify(failures.map((event) => event.details))).not.toContain("not the right password at all");
    expect(JSON.stringify(failures.map((event) => event.details))).not.toContain(TEST_PASSWORD);
  });

  it("throttles an unknown email exactly as it throttles a real account", async () => {
    const user = await createUser();
    const outcomes = [];
    for (const email of [user.email, "no-such-person@example.test"]) {
      for (let i = 0; i < 5; i++) await submitPassword(email, { password: "wrong password guess" });
      outcomes.push(await submitPassword(email));
    }
    expect(statusOf(outcomes[0])).toBe(429);
    expect(statusOf(outcomes[1])).toBe(429);
    expect(dataOf(outcomes[0])).toMatchObject({ errors: (dataOf(outcomes[1]) as { errors: object }).errors });
  });
});

describe("throttling", () => {
  it("blocks the account after 5 failures from anywhere, even with the right password, before hashing it", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) {
      expect(statusOf(await submitPassword(user.email, { password: `wrong guess number ${i}` }))).toBe(401);
    }
    const fifth = await submitPassword(user.email, { password: "wrong guess number 5" });
    expect(statusOf(fifth)).toBe(429);
    expect(dataOf(fifth)).toMatchObject({
      errors: { email: "There have been too many incorrect attempts to sign in. Wait 1 minute, then try again" },
    });
    const correct = await submitPassword(user.email);
    expect(statusOf(correct)).toBe(429);
    expect(sessionCookieFrom(correct)).toBeNull();
    expect(await auditEvents("auth.password_verified", user.id)).toHaveLength(0);
    const [throttled] = await auditEventsForEmails("auth.sign_in_throttled", [user.email]);
    expect(throttled).toMatchObject({ outcome: "DENIED", details: { email: user.email, scope: "account", step: "password" } });
  });

  it("counts wrong security codes against the account too", async () => {
    const user = await createUser();
    const pendingCookie = sessionCookieFrom(await submitPassword(user.email))!;
    for (let i = 0; i < 4; i++) expect(statusOf(await submitCode(pendingCookie, "000000"))).toBe(401);
    expect(statusOf(await submitCode(pendingCookie, "000001"))).toBe(429);
    expect(statusOf(await submitCode(pendingCookie, await currentCodeFor(user.id)))).toBe(429);
    expect(await auditEvents("auth.mfa_failed", user.id)).toHaveLength(5);
  });

  it("resets the account's count after a full sign-in", async () => {
    const user = await createUser();
    for (let i = 0; i < 4; i++) await submitPassword(user.email, { password: "wrong password guess" });
    await signInFully(user);
    for (let i = 0; i < 4; i++) {
      expect(statusOf(await submitPassword(user.email, { password: "wrong password guess" }))).toBe(401);
    }
  });

  it("blocks an address after 30 failures across accounts, but not the same accounts elsewhere", async () => {
    const user = await createUser();
    const address = "192.0.2.77";
    for (let i = 0; i < 30; i++) {
      await submitPassword(`sprayed-${i}@example.test`, { password: "Summer2026!!", address });
    }
    expect(statusOf(await submitPassword(user.email, { address }))).toBe(429);
    expect(locationOf(await submitPassword(user.email, { address: "192.0.2.78" }))).toBe("/sign-in/code");
  });
});

describe("security codes", () => {
  it("refuses a code that has already been used (replay)", async () => {
    const user = await createUser();
    const code = await currentCodeFor(user.id);
    const first = sessionCookieFrom(await submitPassword(user.email))!;
    expect(locationOf(await submitCode(first, code))).toBe("/");
    const second = sessionCookieFrom(await submitPassword(user.email))!;
    const replay = await submitCode(second, code);
    expect(statusOf(replay)).toBe(401);
    expect(dataOf(replay)).toEqual({ errors: { code: "Enter the security code shown in your authenticator app now" } });
    const [failure] = await auditEvents("auth.mfa_failed", user.id);
    expect(failure?.details).toEqual({ method: "totp", reason: "reused_code" });
  });

  it("asks for 6 digits", async () => {
    const user = await createUser();
    const pendingCookie = sessionCookieFrom(await submitPassword(user.email))!;
    const outcome = await submitCode(pendingCookie, "12a");
    expect(statusOf(outcome)).toBe(400);
    expect(dataOf(outcome)).toEqual({ errors: { code: "Enter the 6-digit security code" } });
  });
});

describe("recovery codes", () => {
  async function useRecoveryCode(cookie: string, recoveryCode: string) {
    return runFrom(freshAddress(), recoveryRoute.action as never, makeRequest("/sign-in/recovery", { form: { recoveryCode }, cookie }));
  }

  it("each code signs in once, in any case and with or without its hyphen", async () => {
    const user = await createUser();
    const codes = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id));
    expect(codes).toHaveLength(10);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);

    const first = sessionCookieFrom(await submitPassword(user.email))!;
    const used = await useRecoveryCode(first, codes[0]!.toUpperCase().replace("-", " "));
    expect(locationOf(used)).toBe("/");
    expect(sessionCookieFrom(used)).not.toBeNull();

    const second = sessionCookieFrom(await submitPassword(user.email))!;
    const again = await useRecoveryCode(second, codes[0]!);
    expect(statusOf(again)).toBe(401);
    expect(dataOf(again)).toEqual({ errors: { recoveryCode: "Enter one of your recovery codes that has not been used" } });
    expect(locationOf(await useRecoveryCode(second, codes[1]!))).toBe("/");

    const [usedEvent] = await auditEvents("auth.recovery_code_used", user.id);
    expect(usedEvent?.details).toEqual({ remaining: 9 });
  });

  it("sends the user to get new codes when few are left", async () => {
    const user = await createUser();
    const codes = await prisma.$transaction((tx) => replaceRecoveryCodes(tx, user.id));
    await prisma.recoveryCode.updateMany({
      where: { userId: user.id, codeHash: { in: codes.slice(3).map(hashRecoveryCode) } },
      data: { usedAt: new Date() },
    });
    const cookie = sessionCookieFrom(await submitPassword(user.email))!;
    expect(locationOf(await useRecoveryCode(cookie, codes[0]!))).toBe("/account?notice=recovery-codes-low");
  });
});

describe("signing out", () => {
  it("ends the session on the server, clears the cookie, and records it", async () => {
    const user = await createUser();
    const cookie = await signInFully(user);
    const outcome = await run(signOutRoute.action, makeRequest("/sign-out", { method: "POST", cookie }));
    expect(locationOf(outcome)).toBe("/sign-in?signedOut=1");
    expect((outcome as Response).headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(tokenOf(cookie)) } })).toBe(0);
    expect(await auditEvents("auth.sign_out", user.id)).toHaveLength(1);
    // The same cookie, replayed (another tab, a copied cookie): the session has ended.
    expect(locationOf(await run(accountRoute.loader, makeRequest("/account", { cookie })))).toBe(
      "/sign-in?redirectTo=%2Faccount&expired=1",
    );
  });

  it("does nothing on GET", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    expect(locationOf(await run(signOutRoute.loader, makeRequest("/sign-out", { cookie })))).toBe("/");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

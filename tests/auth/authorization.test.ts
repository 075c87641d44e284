/**
 * Who may reach each route this module adds: signed out, password given but not the second factor,
 * and signed in with each role.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { createSession, sessionCookieName } from "~/modules/auth/session.server";
import * as accountRoute from "~/routes/account._index";
import * as passwordRoute from "~/routes/account.password";
import * as recoveryCodesRoute from "~/routes/account.recovery-codes";
import * as signInRoute from "~/routes/sign-in._index";
import * as codeRoute from "~/routes/sign-in.code";
import * as enrolRoute from "~/routes/sign-in.enrol";
import * as recoveryRoute from "~/routes/sign-in.recovery";
import * as signOutRoute from "~/routes/sign-out";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { locationOf } from "./flow";

type Loader = (args: LoaderFunctionArgs) => unknown;
type Action = (args: ActionFunctionArgs) => unknown;

const ROLES: Role[] = [
  "PARTNER_SUBMITTER",
  "PARTNER_MANAGER",
  "POLICE_ANALYST",
  "INTELLIGENCE_SUPERVISOR",
  "DATA_PROTECTION_OFFICER",
  "SYSTEM_ADMINISTRATOR",
];

const SIGNED_IN_PAGES: { path: string; loader: Loader; action: Action; form: Record<string, string> }[] = [
  { path: "/account", loader: accountRoute.loader, action: accountRoute.action, form: { intent: "end-other-sessions" } },
  {
    path: "/account/password",
    loader: passwordRoute.loader,
    action: passwordRoute.action,
    form: { currentPassword: "x", newPassword: "y", confirmPassword: "y" },
  },
  { path: "/account/recovery-codes", loader: recoveryCodesRoute.loader, action: recoveryCodesRoute.action, form: { code: "123456" } },
];

const SECOND_FACTOR_PAGES: { path: string; loader: Loader; action: Action; form: Record<string, string> }[] = [
  { path: "/sign-in/code", loader: codeRoute.loader, action: codeRoute.action, form: { code: "123456" } },
  { path: "/sign-in/recovery", loader: recoveryRoute.loader, action: recoveryRoute.action, form: { recoveryCode: "abcde-fghij" } },
  { path: "/sign-in/enrol", loader: enrolRoute.loader, action: enrolRoute.action, form: { code: "123456" } },
];

async function pendingCookie(userId: string) {
  const { token } = await createSession(userId, { mfaVerified: false });
  return `${sessionCookieName()}=${token}`;
}

describe("signed out", () => {
  it.each(SIGNED_IN_PAGES)("$path sends the visitor to sign in, keeping where they were going", async ({ path, loader, action, form }) => {
    const expected = `/sign-in?${new URLSearchParams({ redirectTo: path })}`;
    expect(locationOf(await run(loader, makeRequest(path)))).toBe(expected);
    expect(locationOf(await run(action, makeRequest(path, { form })))).toBe(expected);
  });

  it.each(SECOND_FACTOR_PAGES)("$path sends the visitor to the password step", async ({ path, loader, action, form }) => {
    expect(locationOf(await run(loader, makeRequest(path)))).toBe("/sign-in");
    expect(locationOf(await run(action, makeRequest(path, { form })))).toBe("/sign-in");
  });

  it("can see the sign-in page, and signing out without a session just clears the cookie", async () => {
    expect(statusOf(await run(signInRoute.loader, makeRequest("/sign-in")))).toBe(200);
    expect(locationOf(await run(signOutRoute.action, makeRequest("/sign-out", { method: "POST" })))).toBe("/sign-in?signedOut=1");
  });
});

describe("password given, second factor not yet", () => {
  it.each(SIGNED_IN_PAGES)("$path is out of reach: it sends the user to the security code step", async ({ path, loader, action, form }) => {
    const user = await createUser();
    const cookie = await pendingCookie(user.id);
    const expected = `/sign-in/code?${new URLSearchParams({ redirectTo: path })}`;
    expect(locationOf(await run(loader, makeRequest(path, { cookie })))).toBe(expected);
    expect(locationOf(await run(action, makeRequest(path, { cookie, form })))).toBe(expected);
  });

  it("a user without TOTP is sent to enrolment instead", async () => {
    const user = await createUser({ mfaEnrolled: false });
    const cookie = await pendingCookie(user.id);
    expect(locationOf(await run(accountRoute.loader, makeRequest("/account", { cookie })))).toBe("/sign-in/enrol?redirectTo=%2Faccount");
  });

  it("can reach the second-factor pages", async () => {
    const user = await createUser();
    const cookie = await pendingCookie(user.id);
    expect(statusOf(await run(codeRoute.loader, makeRequest("/sign-in/code", { cookie })))).toBe(200);
    expect(statusOf(await run(recoveryRoute.loader, makeRequest("/sign-in/recovery", { cookie })))).toBe(200);
  });
});

describe("signed in", () => {
  it.each(ROLES)("a %s can reach every account page", async (role) => {
    const user = await createUser({ roles: [role] });
    const cookie = await signedInCookie(user.id);
    for (const page of SIGNED_IN_PAGES) {
      expect(statusOf(await run(page.loader, makeRequest(page.path, { cookie })))).toBe(200);
    }
  });

  it.each(SECOND_FACTOR_PAGES.filter((page) => page.path !== "/sign-in/enrol"))(
    "$path sends a signed-in user on (no second sign-in)",
    async ({ path, loader }) => {
      const user = await createUser();
      const cookie = await signedInCookie(user.id);
      expect(locationOf(await run(loader, makeRequest(`${path}?redirectTo=%2Faccount`, { cookie })))).toBe("/account");
    },
  );

  it("the sign-in page sends a signed-in user on", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    expect(locationOf(await run(signInRoute.loader, makeRequest("/sign-in?redirectTo=%2F%2Fevil.example", { cookie })))).toBe("/");
  });

  it("a disabled user's session no longer reaches any page", async () => {
    const user = await createUser({ disabled: true });
    const { token } = await createSession(user.id, { mfaVerified: true });
    const cookie = `${sessionCookieName()}=${token}`;
    expect(locationOf(await run(accountRoute.loader, makeRequest("/account", { cookie })))).toBe("/sign-in?redirectTo=%2Faccount&expired=1");
  });
});

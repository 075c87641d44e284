import { describe, expect, it } from "vitest";
import * as signInRoute from "~/routes/sign-in._index";
import * as codeRoute from "~/routes/sign-in.code";
import * as recoveryRoute from "~/routes/sign-in.recovery";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run } from "../helpers/remix";
import { currentCodeFor, locationOf, sessionCookieFrom, submitCode, submitPassword } from "./flow";

/** Each attack gets its own user, so every sign-in has an unused security code. */
async function signInWith(redirectTo: string) {
  const user = await createUser();
  const afterPassword = await submitPassword(user.email, { redirectTo });
  const afterCode = await submitCode(sessionCookieFrom(afterPassword)!, await currentCodeFor(user.id), {
    redirectTo: new URL(locationOf(afterPassword)!, "http://x").searchParams.get("redirectTo") ?? redirectTo,
  });
  return { afterPassword: locationOf(afterPassword), afterCode: locationOf(afterCode) };
}

describe("redirectTo through the real sign-in steps", () => {
  it("returns the user to the local page they asked for", async () => {
    expect(await signInWith("/account?tab=sessions")).toEqual({
      afterPassword: "/sign-in/code?redirectTo=%2Faccount%3Ftab%3Dsessions",
      afterCode: "/account?tab=sessions",
    });
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "%2F%2Fevil.example",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/\t/evil.example",
    "\t//evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
  ])("refuses %j at both steps and goes home instead", async (target) => {
    expect(await signInWith(target)).toEqual({ afterPassword: "/sign-in/code", afterCode: "/" });
  });

  it("never puts a foreign target into the form", async () => {
    const outcome = await run(signInRoute.loader, makeRequest("/sign-in?redirectTo=%2F%2Fevil.example"));
    expect(outcome).toMatchObject({ redirectTo: "/" });
  });
});

/**
 * Issue 8, defect 2: a signed-in user sent to a sign-in page is redirected to `redirectTo` straight
 * away. Targets whose dot segments normalise to `//host` passed the string checks and came back as
 * `Location: //evil.example`. What is returned is checked now, not only what came in.
 */
describe("redirectTo for a user who is already signed in", () => {
  const routes = [
    ["/sign-in", signInRoute.loader],
    ["/sign-in/code", codeRoute.loader],
    ["/sign-in/recovery", recoveryRoute.loader],
  ] as const;
  const payloads = [
    "%2F.%2F%2Fevil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/x/..//evil.example",
    "/x/%2e%2e//evil.example",
    "/./\\evil.example",
    "/.%2F%2Fevil.example",
    "/a/../..//evil.example",
    // The value itself percent-encoded, as the URL parser also reads %2e as a dot segment.
    "%2F%252e%2F%2Fevil.example",
    "%2Fx%2F%252e%252E%2F%2Fevil.example",
  ];

  for (const [path, loader] of routes) {
    it.each(payloads)(`${path}?redirectTo=%s goes home, never to another host`, async (payload) => {
      const user = await createUser();
      const cookie = await signedInCookie(user.id);
      const query = payload.includes("%") ? payload : encodeURIComponent(payload);
      const outcome = await run(loader, makeRequest(`${path}?redirectTo=${query}`, { cookie }));
      expect(locationOf(outcome)).toBe("/");
    });

    it(`${path} still returns a signed-in user to a local page, normalised`, async () => {
      const user = await createUser();
      const cookie = await signedInCookie(user.id);
      const outcome = await run(loader, makeRequest(`${path}?redirectTo=${encodeURIComponent("/x/../account?tab=sessions")}`, { cookie }));
      expect(locationOf(outcome)).toBe("/account?tab=sessions");
    });
  }
});

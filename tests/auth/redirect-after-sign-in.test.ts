import { describe, expect, it } from "vitest";
import * as signInRoute from "~/routes/sign-in._index";
import { createUser } from "../helpers/factories";
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

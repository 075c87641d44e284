/**
 * Drives the real sign-in routes (loaders and actions with real Requests) for the auth tests, with
 * a chosen client address so that each test's per-address throttle counter is its own.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { expect } from "vitest";
import { currentTotpStep, decodeTotpSecret, totpCodeAt } from "~/modules/auth/totp.server";
import { sessionCookieName } from "~/modules/auth/session.server";
import { prisma } from "~/utils/db.server";
import { makeRequest, testContext } from "../helpers/remix";
import { TEST_PASSWORD } from "../helpers/factories";
import * as signInRoute from "~/routes/sign-in._index";
import * as codeRoute from "~/routes/sign-in.code";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

/** Like tests/helpers/remix.ts `run`, but from a given client address. */
export async function runFrom(
  address: string,
  handler: Handler,
  request: Request,
): Promise<unknown> {
  try {
    return await handler({ request, params: {}, context: { ...testContext, clientAddress: address } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

let addressCounter = 0;
/** A fresh documentation-range address (RFC 5737), so tests do not share an address throttle. */
export function freshAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter % 250}`;
}

/** The `name=value` of the session cookie a response sets (empty value when it clears it). */
export function sessionCookieFrom(response: unknown): string | null {
  if (!(response instanceof Response)) return null;
  const header = response.headers.get("Set-Cookie");
  if (!header) return null;
  const match = new RegExp(`${sessionCookieName()}=([^;]*)`).exec(header);
  return match ? `${sessionCookieName()}=${match[1]}` : null;
}

export function tokenOf(cookie: string): string {
  return cookie.split("=")[1] ?? "";
}

export function locationOf(response: unknown): string | null {
  return response instanceof Response ? response.headers.get("Location") : null;
}

/** The body the page receives from a `data()` result. */
export function dataOf(outcome: unknown): unknown {
  if (outcome && typeof outcome === "object" && "data" in outcome) return (outcome as { data: unknown }).data;
  return outcome;
}

export async function currentCodeFor(userId: string, offsetSteps = 0n): Promise<string> {
  const { totpSecret } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  return totpCodeAt(decodeTotpSecret(totpSecret!), currentTotpStep() + offsetSteps);
}

export async function submitPassword(
  email: string,
  options: { password?: string; address?: string; redirectTo?: string; cookie?: string } = {},
) {
  const form: Record<string, string> = { email, password: options.password ?? TEST_PASSWORD };
  if (options.redirectTo !== undefined) form.redirectTo = options.redirectTo;
  return runFrom(
    options.address ?? freshAddress(),
    signInRoute.action as Handler,
    makeRequest("/sign-in", { form, cookie: options.cookie }),
  );
}

export async function submitCode(
  cookie: string,
  code: string,
  options: { address?: string; redirectTo?: string } = {},
) {
  const form: Record<string, string> = { code };
  if (options.redirectTo !== undefined) form.redirectTo = options.redirectTo;
  return runFrom(options.address ?? freshAddress(), codeRoute.action as Handler, makeRequest("/sign-in/code", { form, cookie }));
}

/**
 * Password then TOTP code; returns the fully signed-in cookie. A code works once, so a second
 * sign-in of the same user within one 30-second step uses the next step's code (allowed for drift).
 */
const lastStepUsed = new Map<string, bigint>();
export async function signInFully(user: { id: string; email: string }, address = freshAddress()): Promise<string> {
  const afterPassword = await submitPassword(user.email, { address });
  const pendingCookie = sessionCookieFrom(afterPassword);
  expect(locationOf(afterPassword)).toBe("/sign-in/code");
  const step = currentTotpStep();
  const offset = (lastStepUsed.get(user.id) ?? -1n) >= step ? 1n : 0n;
  lastStepUsed.set(user.id, step + offset);
  const afterCode = await submitCode(pendingCookie!, await currentCodeFor(user.id, offset), { address });
  const cookie = sessionCookieFrom(afterCode);
  expect(cookie).not.toBeNull();
  return cookie!;
}

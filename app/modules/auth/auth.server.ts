import { redirect, type AppLoadContext } from "@remix-run/node";
import type { AuditContext } from "~/modules/audit/audit.server";
import { defineAbilityFor, type AppAbility } from "~/modules/authorization/ability.server";
import { redirectQuery, safeRedirect, withRedirectTo } from "./redirect";
import type { IssuedSession, SignInAttempt } from "./sign-in.server";
import {
  clearSessionCookieHeader,
  sessionCookieHeader,
  readSessionToken,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "./session.server";
import { parseQuery } from "~/utils/request.server";

/** Everything a signed-in request carries: who, their session, what they may do, how to audit it. */
export interface AuthenticatedRequest {
  user: SessionUser;
  session: ValidSession;
  ability: AppAbility;
  audit: AuditContext;
}

export function requestAuditContext(
  request: Request,
  context: AppLoadContext,
  user: Pick<SessionUser, "id" | "email" | "organisationId" | "roles"> | null,
): AuditContext {
  return {
    actor: user ? { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles } : null,
    ipAddress: context.clientAddress ?? null,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId ?? null,
  };
}

type SessionLookup = Awaited<ReturnType<typeof validateSessionToken>>;

/**
 * The session lookups of the requests in flight, so that a page's root loader and route loader
 * (which Remix runs for the same request, in parallel) read the session once between them. Keyed by
 * the load context: server/index.ts makes one per HTTP request and Remix hands that same object to
 * every loader and action of the request, whereas each loader gets its own copy of the Request.
 */
const sessionLookups = new WeakMap<AppLoadContext, { token: string; lookup: Promise<SessionLookup> }>();

/** Only reads are shared: an action may sign out, disable a user or finish MFA, so what runs after it looks again. */
function isSafeMethod(request: Request): boolean {
  return request.method === "GET" || request.method === "HEAD";
}

/** The session behind the request's cookie (fully signed in or not), or null. Looked up once per request. */
export async function getSession(request: Request, context: AppLoadContext): Promise<SessionLookup> {
  const token = readSessionToken(request);
  if (!token) return null;
  if (!isSafeMethod(request)) return validateSessionToken(token);
  const shared = sessionLookups.get(context);
  if (shared?.token === token) return shared.lookup;
  const lookup = validateSessionToken(token);
  sessionLookups.set(context, { token, lookup });
  return lookup;
}

function signInRedirect(request: Request, hadCookie: boolean): never {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const here = `${url.pathname}${url.search}`;
  if (here !== "/") params.set("redirectTo", here);
  if (hadCookie) params.set("expired", "1");
  const query = params.toString();
  throw redirect(`/sign-in${query ? `?${query}` : ""}`, {
    headers: hadCookie ? { "Set-Cookie": clearSessionCookieHeader() } : undefined,
  });
}

/**
 * Requires a fully signed-in user (password and second factor). Otherwise redirects to sign-in,
 * or to the MFA step when only the password has been given.
 */
export async function requireUser(request: Request, context: AppLoadContext): Promise<AuthenticatedRequest> {
  const result = await getSession(request, context);
  if (!result) signInRedirect(request, readSessionToken(request) !== null);
  if (!result.session.mfaVerified) {
    const url = new URL(request.url);
    const here = safeRedirect(`${url.pathname}${url.search}`);
    throw redirect(withRedirectTo(result.user.totpEnrolledAt ? "/sign-in/code" : "/sign-in/enrol", here));
  }
  return {
    ...result,
    ability: defineAbilityFor({ ...result.user, organisationType: result.user.organisation.type }),
    audit: requestAuditContext(request, context, result.user),
  };
}

/**
 * For the second-factor steps: a session that has passed the password but not the second factor.
 * No session: back to the password step. Already signed in: on to where the user was going.
 */
export async function requirePendingMfaSession(request: Request, context: AppLoadContext, step: "code" | "enrol") {
  const result = await getSession(request, context);
  if (!result) {
    const hadCookie = readSessionToken(request) !== null;
    throw redirect(`/sign-in${signInQuery(request, hadCookie)}`, {
      headers: hadCookie ? { "Set-Cookie": clearSessionCookieHeader() } : undefined,
    });
  }
  const { redirectTo } = parseQuery(request, redirectQuery);
  if (result.session.mfaVerified) throw redirect(redirectTo);
  // A user without TOTP (new, or reset by an administrator) enrols; an enrolled one gives a code.
  const enrolled = result.user.totpEnrolledAt !== null;
  if (step === "code" && !enrolled) throw redirect(withRedirectTo("/sign-in/enrol", redirectTo));
  if (step === "enrol" && enrolled) throw redirect(withRedirectTo("/sign-in/code", redirectTo));
  return result;
}

/** The sign-in query that keeps the (sanitised) destination of a second-factor page. */
function signInQuery(request: Request, expired: boolean): string {
  const params = new URLSearchParams();
  const { redirectTo } = parseQuery(request, redirectQuery);
  if (redirectTo !== "/") params.set("redirectTo", redirectTo);
  if (expired) params.set("expired", "1");
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Where a sign-in attempt comes from: for the throttle, the session list and the audit trail. */
export function signInAttempt(request: Request, context: AppLoadContext): SignInAttempt {
  return {
    ipAddress: context.clientAddress ?? null,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId ?? null,
  };
}

/** A redirect that sets the session cookie (after sign-in steps that issue a new token). */
export function redirectWithSession(to: string, session: IssuedSession): Response {
  return redirect(to, { headers: { "Set-Cookie": sessionCookieHeader(session.token, session.expiresAt) } });
}


/** A 404 for records the user may not see: their existence is not disclosed. */
export { notFound } from "~/utils/request.server";

import { redirect, type AppLoadContext } from "@remix-run/node";
import type { AuditContext } from "~/modules/audit/audit.server";
import { defineAbilityFor, type AppAbility } from "~/modules/authorization/ability.server";
import {
  clearSessionCookieHeader,
  readSessionToken,
  validateSessionToken,
  type SessionUser,
  type ValidSession,
} from "./session.server";

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
  };
}

/** The session behind the request's cookie (fully signed in or not), or null. */
export async function getSession(request: Request) {
  const token = readSessionToken(request);
  if (!token) return null;
  return validateSessionToken(token);
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
  const result = await getSession(request);
  if (!result) signInRedirect(request, readSessionToken(request) !== null);
  if (!result.session.mfaVerified) {
    throw redirect(result.user.totpEnrolledAt ? "/sign-in/code" : "/sign-in/enrol");
  }
  return {
    ...result,
    ability: defineAbilityFor({ ...result.user, organisationType: result.user.organisation.type }),
    audit: requestAuditContext(request, context, result.user),
  };
}

/** For the MFA steps: a session that has passed the password but not yet the second factor. */
export async function requirePendingMfaSession(request: Request) {
  const result = await getSession(request);
  if (!result) throw redirect("/sign-in");
  if (result.session.mfaVerified) throw redirect("/");
  return result;
}

/** A 404 for records the user may not see: their existence is not disclosed. */
export function notFound(message = "Page not found"): Response {
  return new Response(message, { status: 404 });
}

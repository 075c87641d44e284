import { redirect } from "@remix-run/node";
import { clock } from "~/utils/clock";
import type { AuthenticatedRequest } from "./auth.server";
import { safeRedirect, withRedirectTo } from "./redirect";

/**
 * Sensitive steps (signing an agreement, every export) need the user to have proved it was them
 * recently: at sign-in, or again with password and a fresh security code on /confirm-identity.
 * The window, stated once.
 */
export const REAUTHENTICATION_WINDOW_MS = 15 * 60 * 1000;

export function recentlyAuthenticated(session: AuthenticatedRequest["session"], now = clock.now()): boolean {
  return session.reauthenticatedAt !== null && now.getTime() - session.reauthenticatedAt.getTime() < REAUTHENTICATION_WINDOW_MS;
}

/**
 * Throws a redirect to "Confirm it's you" unless the session's proof is recent. `returnTo` is where
 * to come back to afterwards (by default the requested page: a GET comes back to itself; a POST
 * names the page its form is on). Call it after the step's own authorization check.
 */
export function requireRecentAuthentication(auth: Pick<AuthenticatedRequest, "session">, request: Request, returnTo?: string): void {
  if (recentlyAuthenticated(auth.session)) return;
  const url = new URL(request.url);
  throw redirect(withRedirectTo("/confirm-identity", safeRedirect(returnTo ?? `${url.pathname}${url.search}`)));
}

/**
 * For a download link (GET): after confirming, back to the page the link was on (the Referer, when
 * it is this site), where the user downloads again. Returning to the download itself would leave
 * the browser showing the confirmation form while the file arrives.
 */
export function requireRecentAuthenticationToDownload(auth: Pick<AuthenticatedRequest, "session">, request: Request): void {
  requireRecentAuthentication(auth, request, sameSiteReferer(request));
}

function sameSiteReferer(request: Request): string | undefined {
  const referer = request.headers.get("Referer");
  if (!referer) return undefined;
  try {
    const from = new URL(referer);
    return from.origin === new URL(request.url).origin ? `${from.pathname}${from.search}` : undefined;
  } catch {
    return undefined;
  }
}

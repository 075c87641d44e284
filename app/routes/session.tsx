import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { sessionTimes } from "~/modules/auth/session-timing";
import { clearSessionCookieHeader, extendSession, readSessionToken, validateSessionToken } from "~/modules/auth/session.server";
import { clock } from "~/utils/clock";

/**
 * The session timeout warning's endpoint (app/components/session-timeout.tsx). GET says when the
 * session ends without extending it (asking is not activity, and every tab asks); POST is "Stay
 * signed in": the idle expiry restarts, never past the 12-hour limit, and the answer is 204.
 * Extending is not audited, as the sliding of the idle expiry on every request is not: sign-in and
 * sign-out are. Without a signed-in session both send the browser to sign in.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const now = clock.now();
  return Response.json(sessionTimes(await signedInSession(request, now), now));
}

export async function action({ request }: ActionFunctionArgs) {
  const now = clock.now();
  const session = await signedInSession(request, now);
  if (!(await extendSession(session.id, now))) throw signedOut(true);
  return new Response(null, { status: 204 });
}

/** The request's fully signed-in session, read without sliding its idle expiry; else off to sign in. */
async function signedInSession(request: Request, now: Date) {
  const token = readSessionToken(request);
  const current = token ? await validateSessionToken(token, now, { slide: false }) : null;
  if (!current) throw signedOut(token !== null);
  // Half signed in (password only): no warning is shown, and the cookie is still needed.
  if (!current.session.mfaVerified) throw redirect("/sign-in");
  return current.session;
}

function signedOut(hadCookie: boolean): Response {
  return redirect(hadCookie ? "/sign-in?expired=1" : "/sign-in", {
    headers: hadCookie ? { "Set-Cookie": clearSessionCookieHeader() } : undefined,
  });
}

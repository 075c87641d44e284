import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requestAuditContext } from "~/modules/auth/auth.server";
import { signOut } from "~/modules/auth/sign-out.server";
import { clearSessionCookieHeader, readSessionToken } from "~/modules/auth/session.server";
import { parseQuery } from "~/utils/request.server";

/**
 * The timeout warning signs the user out with `?reason=timeout` when nobody answered it. In the
 * query, not the form: a sign-out must work whatever body (or none) the request carries.
 */
const signOutQuery = z.object({ reason: z.enum(["timeout"]).optional() });

/** Signing out changes state, so it is a POST only; a GET (a link, a prefetch) just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const timedOut = parseQuery(request, signOutQuery).reason === "timeout";
  const token = readSessionToken(request);
  if (token) await signOut(token, (user) => requestAuditContext(request, context, user), { timedOut });
  return redirect(timedOut ? "/sign-in?timedOut=1" : "/sign-in?signedOut=1", { headers: { "Set-Cookie": clearSessionCookieHeader() } });
}

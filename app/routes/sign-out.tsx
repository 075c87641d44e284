import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requestAuditContext } from "~/modules/auth/auth.server";
import { signOut } from "~/modules/auth/sign-out.server";
import { clearSessionCookieHeader, readSessionToken } from "~/modules/auth/session.server";

/** Signing out changes state, so it is a POST only; a GET (a link, a prefetch) just goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = readSessionToken(request);
  if (token) await signOut(token, (user) => requestAuditContext(request, context, user));
  return redirect("/sign-in?signedOut=1", { headers: { "Set-Cookie": clearSessionCookieHeader() } });
}

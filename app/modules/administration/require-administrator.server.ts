import type { AppLoadContext } from "@remix-run/node";
import { audit } from "~/modules/audit/audit.server";
import { notFound, requireUser, type AuthenticatedRequest } from "~/modules/auth/auth.server";

/**
 * Every /admin page starts here. Anyone else gets the ordinary "Page not found" (the area's
 * existence is not confirmed to them) and the attempt is recorded.
 */
export async function requireAdministrator(request: Request, context: AppLoadContext): Promise<AuthenticatedRequest> {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("read", "AdminArea")) {
    await audit(auth.audit, {
      action: "access.denied",
      outcome: "DENIED",
      recordType: "AdminArea",
      details: { method: request.method, path: new URL(request.url).pathname },
    });
    throw notFound();
  }
  return auth;
}

import type { AppLoadContext } from "@remix-run/node";
import { requireUser, type AuthenticatedRequest } from "~/modules/auth/auth.server";
import { deny } from "~/modules/authorization/deny.server";

/**
 * Every /admin page starts here. Anyone else gets the ordinary "Page not found" (the area's
 * existence is not confirmed to them) and the attempt is recorded.
 */
export async function requireAdministrator(request: Request, context: AppLoadContext): Promise<AuthenticatedRequest> {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("read", "AdminArea")) {
    await deny(auth, { action: "read AdminArea", recordType: "AdminArea", reason: "ACTION_NOT_PERMITTED", request });
  }
  return auth;
}

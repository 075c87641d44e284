import type { AppLoadContext } from "@remix-run/node";
import { requireUser, type AuthenticatedRequest } from "~/modules/auth/auth.server";
import type { Action } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { auditScopeFor, type AuditScope } from "./scope.server";

/**
 * The gate for every audit and oversight route: signed in, allowed by the rules
 * (rules/audit.ts), and with an audit scope. A refusal is itself recorded, then answered 403
 * (these are areas, not records, so there is nothing whose existence a 403 would disclose).
 */
export async function requireAuditAccess(
  request: Request,
  context: AppLoadContext,
  need: { action: Action; subject: "AuditTrail" | "DataProtectionOversight" },
): Promise<AuthenticatedRequest & { scope: AuditScope }> {
  const auth = await requireUser(request, context);
  const scope = auth.ability.can(need.action, need.subject) ? await auditScopeFor(auth.user) : null;
  if (!scope) {
    await deny(auth, { action: `${need.action} ${need.subject}`, reason: "ACTION_NOT_PERMITTED", status: 403, request });
  }
  return { ...auth, scope: scope! };
}

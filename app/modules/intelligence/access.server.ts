import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { notFound } from "~/modules/auth/auth.server";
import { audit } from "~/modules/audit/audit.server";
import type { AuditAction } from "~/modules/audit/actions";
import { isPoliceOrganisation } from "~/modules/organisations/labels";

/** What the intelligence module needs from a signed-in request. */
export type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

export function isPoliceUser(auth: Auth): boolean {
  return isPoliceOrganisation(auth.user.organisation.type);
}

/**
 * A record the user may not see (or that does not exist): log the denied attempt, answer 404 so
 * its existence is not disclosed.
 */
export async function deniedNotFound(auth: Auth, attempted: AuditAction, recordType: string, recordId: string): Promise<never> {
  await audit(auth.audit, {
    action: "access.denied",
    outcome: "DENIED",
    recordType,
    recordId: recordId.slice(0, 100),
    details: { attempted },
  });
  throw notFound();
}

/** A page or action the user's role does not allow at all: log it, answer 403. */
export async function deniedForbidden(auth: Auth, attempted: AuditAction | string, recordType?: string): Promise<never> {
  await audit(auth.audit, {
    action: "access.denied",
    outcome: "DENIED",
    recordType,
    details: { attempted },
  });
  throw new Response("Forbidden", { status: 403 });
}

import type { OrganisationType, Role } from "~/generated/prisma/enums";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, isPoliceOrganisation, type AbilityUser } from "../roles";

/**
 * Who may give whom which role (issue 8, defect 1: an administrator gave themselves police analyst).
 *
 * - Nobody changes their own roles, organisation or signatory flag ("grant" on their own User).
 * - Every role reaches intelligence or the audit trail: partner submitters and managers read their
 *   organisation's submissions, analysts and supervisors the force's, data protection officers and
 *   system administrators the audit trail. So an administrator only ASKS for a role
 *   (a RoleGrantRequest); it joins the account's roles, and gives any access, when a second person
 *   approves it (four eyes, as for dissemination):
 *     police analyst, intelligence supervisor  → an intelligence supervisor of that organisation
 *     partner submitter, partner manager       → a partner manager of that organisation
 *     data protection officer                  → a data protection officer of that organisation
 *     system administrator                     → a data protection officer of that organisation
 *       (the role reads the audit trail's security events, which the DPO guards)
 *   Never the person who asked for it, and never the person it is for.
 * - Police roles exist only in police organisations, partner roles only in partner organisations
 *   (the intelligence rules give a police role nothing in a council, and a partner role nothing in
 *   a force): `roleOrganisationMismatch` explains a refusal.
 */
export const ROLE_GRANT_APPROVER: Record<Role, Role> = {
  POLICE_ANALYST: "INTELLIGENCE_SUPERVISOR",
  INTELLIGENCE_SUPERVISOR: "INTELLIGENCE_SUPERVISOR",
  PARTNER_SUBMITTER: "PARTNER_MANAGER",
  PARTNER_MANAGER: "PARTNER_MANAGER",
  DATA_PROTECTION_OFFICER: "DATA_PROTECTION_OFFICER",
  SYSTEM_ADMINISTRATOR: "DATA_PROTECTION_OFFICER",
};

export const POLICE_ONLY_ROLES: readonly Role[] = ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR"];
export const PARTNER_ONLY_ROLES: readonly Role[] = ["PARTNER_SUBMITTER", "PARTNER_MANAGER"];

/** The roles whose grants a person with these roles approves (for their own organisation). */
export function rolesApprovedBy(roles: Role[]): Role[] {
  return (Object.keys(ROLE_GRANT_APPROVER) as Role[]).filter((role) => roles.includes(ROLE_GRANT_APPROVER[role]));
}

/** Why `role` cannot be held in an organisation of `type`, or null when it can. */
export function roleOrganisationMismatch(role: Role, type: OrganisationType, organisationName: string): string | null {
  const police = isPoliceOrganisation(type);
  if (!police && POLICE_ONLY_ROLES.includes(role)) {
    return `${ROLE_LABELS[role]} is a police role: ${organisationName} is not a police force or regional organised crime unit`;
  }
  if (police && PARTNER_ONLY_ROLES.includes(role)) {
    return `${ROLE_LABELS[role]} is a partner role: ${organisationName} is a police organisation`;
  }
  return null;
}

export function roleGrantRules({ can, cannot }: AbilityBuilderFor, user: AbilityUser) {
  if (hasRole(user, "SYSTEM_ADMINISTRATOR")) {
    // Change roles, organisation and the signatory flag: anyone's but your own.
    can("grant", "User");
    cannot("grant", "User", { id: user.id });
  }
  const approvable = rolesApprovedBy(user.roles);
  if (approvable.length > 0) {
    can(["read", "approve"], "RoleGrantRequest", {
      status: "PENDING",
      organisationId: user.organisationId,
      role: { in: approvable },
      requestedById: { not: user.id },
      userId: { not: user.id },
    });
  }
}

import type { OrganisationType, Prisma, Role } from "~/generated/prisma/client";

/** What the rules need to know about the user. */
export interface AbilityUser {
  id: string;
  organisationId: string;
  /** The organisation's type decides police-only visibility (see isPoliceOrganisation). */
  organisationType: OrganisationType;
  roles: Role[];
  isAgreementSignatory: boolean;
}

export function hasRole(user: Pick<AbilityUser, "roles">, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

/** Any role but system administration (which alone gives no access to sharing or intelligence). */
export function hasWorkingRole(user: Pick<AbilityUser, "roles">): boolean {
  return user.roles.some((role) => role !== "SYSTEM_ADMINISTRATOR");
}

/** The organisation types that are police: they see police-only assessment; every other type is a partner. */
export const POLICE_ORGANISATION_TYPES = ["POLICE_FORCE", "REGIONAL_ORGANISED_CRIME_UNIT"] as const satisfies readonly OrganisationType[];

export function isPoliceOrganisation(type: OrganisationType): boolean {
  return (POLICE_ORGANISATION_TYPES as readonly OrganisationType[]).includes(type);
}

/** The same predicate as a Prisma condition on an organisation. */
export function policeOrganisationWhere(): Prisma.OrganisationWhereInput {
  return { type: { in: [...POLICE_ORGANISATION_TYPES] } };
}

/** A signed-in user of a police organisation (police views, police field sets). */
export function isPoliceUser(auth: { user: { organisation: { type: OrganisationType } } }): boolean {
  return isPoliceOrganisation(auth.user.organisation.type);
}

/** Who may lead a threat: the force's active police analysts and intelligence supervisors. */
export const THREAT_LEAD_ROLES = ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR"] as const satisfies readonly Role[];

export function threatLeadsWhere(organisationId: string): Prisma.UserWhereInput {
  return { organisationId, disabledAt: null, roles: { hasSome: [...THREAT_LEAD_ROLES] } };
}

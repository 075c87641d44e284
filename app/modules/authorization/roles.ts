import type { OrganisationType, Role } from "~/generated/prisma/enums";

/** What the rules need to know about the user. */
export interface AbilityUser {
  id: string;
  organisationId: string;
  /** The organisation's type decides police-only visibility (see organisations/labels.ts). */
  organisationType: OrganisationType;
  roles: Role[];
  isAgreementSignatory: boolean;
}

export function hasRole(user: Pick<AbilityUser, "roles">, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}

import type { OrganisationType, Role } from "~/generated/prisma/enums";

/** Plain-English names for roles and organisation types, shared by every screen. */
export const ROLE_LABELS: Record<Role, string> = {
  PARTNER_SUBMITTER: "Partner submitter",
  PARTNER_MANAGER: "Partner manager",
  POLICE_ANALYST: "Police analyst",
  INTELLIGENCE_SUPERVISOR: "Intelligence supervisor",
  DATA_PROTECTION_OFFICER: "Data protection officer",
  SYSTEM_ADMINISTRATOR: "System administrator",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  PARTNER_SUBMITTER: "Submits intelligence on behalf of a partner organisation and follows its progress.",
  PARTNER_MANAGER: "Manages a partner organisation's sharing agreements and its submitters' work.",
  POLICE_ANALYST: "Triages, grades and links intelligence, assesses threats and feeds back to partners.",
  INTELLIGENCE_SUPERVISOR: "Approves dissemination (four eyes) and oversees agreements for the force.",
  DATA_PROTECTION_OFFICER: "Reviews the audit trail, access under agreements, and retention.",
  SYSTEM_ADMINISTRATOR: "Creates organisations and accounts, changes roles, disables accounts, resets MFA.",
};

/** Order used to pick the role shown in the header when a user has several. */
const ROLE_PRECEDENCE: Role[] = [
  "INTELLIGENCE_SUPERVISOR",
  "POLICE_ANALYST",
  "DATA_PROTECTION_OFFICER",
  "PARTNER_MANAGER",
  "PARTNER_SUBMITTER",
  "SYSTEM_ADMINISTRATOR",
];

export function primaryRoleLabel(roles: Role[]): string {
  const labels = ROLE_PRECEDENCE.filter((role) => roles.includes(role)).map((role) => ROLE_LABELS[role]);
  return labels.join(", ") || "No role";
}

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  POLICE_FORCE: "Police force",
  REGIONAL_ORGANISED_CRIME_UNIT: "Regional organised crime unit",
  LOCAL_AUTHORITY: "Local authority",
  COMMUNITY_SAFETY_PARTNERSHIP: "Community safety partnership",
  HEALTH: "Health",
  FIRE_AND_RESCUE: "Fire and rescue",
  PROBATION: "Probation",
  HOUSING_PROVIDER: "Housing provider",
  EDUCATION: "Education",
  VOLUNTARY_SECTOR: "Voluntary sector",
};

import type { ThreatKind, ThreatStatus } from "~/generated/prisma/enums";

/**
 * Words for the partner-safe share of a threat shown with a plan's actions. (The threats module
 * has its own; these are kept here so plans do not depend on a module being moved.)
 */
export const THREAT_KIND_LABELS: Record<ThreatKind, string> = {
  ORGANISED_CRIME_GROUP: "Organised crime group",
  COUNTY_LINE: "County line",
  NETWORK: "Network",
  PROBLEM_LOCATION: "Problem location",
};

export const THREAT_STATUS_LABELS: Record<ThreatStatus, string> = {
  EMERGING: "Emerging",
  ACTIVE: "Active",
  BEING_DISMANTLED: "Being dismantled",
  DORMANT: "Dormant",
  CLOSED: "Closed",
};

import type {
  AssessmentConfidence,
  PersonPart,
  ThreatKind,
  ThreatPriority,
  ThreatStatus,
  VulnerabilityFlag,
} from "~/generated/prisma/enums";

/**
 * Plain-English names for the threat enums: the one place for them, used by threat pages and
 * forms, the link chart, a plan's actions and the dashboard.
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

/** GOV.UK tag colours: the hotter the status or priority, the warmer the colour. */
export const THREAT_STATUS_TAGS: Record<ThreatStatus, string> = {
  EMERGING: "govuk-tag--yellow",
  ACTIVE: "govuk-tag--red",
  BEING_DISMANTLED: "govuk-tag--blue",
  DORMANT: "govuk-tag--grey",
  CLOSED: "govuk-tag--grey",
};

export const THREAT_PRIORITY_LABELS: Record<ThreatPriority, string> = {
  CRITICAL: "Critical",
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

/** Most urgent first, as lists and charts show them. */
export const THREAT_PRIORITIES: ThreatPriority[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

export const THREAT_PRIORITY_TAGS: Record<ThreatPriority, string> = {
  CRITICAL: "govuk-tag--red",
  HIGH: "govuk-tag--orange",
  MEDIUM: "govuk-tag--yellow",
  LOW: "govuk-tag--green",
};

export const CONFIDENCE_LABELS: Record<AssessmentConfidence, string> = {
  HIGH: "High",
  MEDIUM: "Medium",
  LOW: "Low",
};

export const PERSON_PART_LABELS: Record<PersonPart, string> = {
  SUSPECT: "Suspect",
  VICTIM: "Victim",
  WITNESS: "Witness",
  ASSOCIATE: "Associate",
};

export const VULNERABILITY_FLAG_LABELS: Record<VulnerabilityFlag, string> = {
  CHILD: "Child",
  CRIMINAL_EXPLOITATION: "Criminal exploitation",
  SEXUAL_EXPLOITATION: "Sexual exploitation",
  CUCKOOED: "Cuckooed (home taken over)",
  MENTAL_HEALTH: "Mental health",
  SUBSTANCE_MISUSE: "Substance misuse",
  LEARNING_DISABILITY: "Learning disability",
  MODERN_SLAVERY: "Modern slavery",
  MISSING_EPISODES: "Missing episodes",
};

/** The scales of a scoring, as the form's radios show them. */
export const HARM_SCALE: Record<number, string> = { 0: "None", 1: "Minor", 2: "Moderate", 3: "Significant", 4: "Critical" };
export const LIKELIHOOD_SCALE: Record<number, string> = { 1: "Unlikely", 2: "Possible", 3: "Likely", 4: "Almost certain" };
export const POSITION_SCALE: Record<number, string> = { 1: "Well placed", 2: "Adequate", 3: "Limited", 4: "Unable to act" };

export const HARM_FIELDS = [
  { name: "harmPhysical", label: "Physical harm" },
  { name: "harmPsychological", label: "Psychological harm" },
  { name: "harmFinancial", label: "Financial harm" },
  { name: "harmCommunity", label: "Community and environmental harm" },
  { name: "harmVictimVulnerability", label: "Vulnerability of victims" },
] as const;

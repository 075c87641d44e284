import type {
  Classification,
  DataCategory,
  DpiaStatus,
  FourPStrand,
  LawfulBasis,
  PartyRole,
} from "~/generated/prisma/enums";

/** Plain-English names for the agreement's controlled lists, shared by forms, pages and the print view. */
export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  CONTROLLER: "Controller",
  JOINT_CONTROLLER: "Joint controller",
  PROCESSOR: "Processor",
  RECIPIENT: "Recipient",
};

export const PARTY_ROLE_HINTS: Record<PartyRole, string> = {
  CONTROLLER: "Decides why and how the shared data is processed. Signs the agreement.",
  JOINT_CONTROLLER: "Decides jointly with another controller. Signs the agreement.",
  PROCESSOR: "Processes data only on a controller's instructions, under that controller's contract.",
  RECIPIENT: "Receives shared intelligence through a controller (for example a partnership board).",
};

export const FOUR_P_LABELS: Record<FourPStrand, string> = {
  PURSUE: "Pursue: prosecute and disrupt",
  PREVENT: "Prevent: stop people getting involved",
  PROTECT: "Protect: reduce vulnerability",
  PREPARE: "Prepare: reduce the impact",
};

export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  DPA_2018_PART3_S35: "Data Protection Act 2018 Part 3, section 35 (law enforcement purposes)",
  UK_GDPR_ART6_1E: "UK GDPR Article 6(1)(e) (public task)",
  UK_GDPR_ART9: "UK GDPR Article 9 condition (special category data)",
  UK_GDPR_ART10: "UK GDPR Article 10 condition (criminal offence data)",
  CRIME_AND_DISORDER_ACT_1998_S115: "Crime and Disorder Act 1998, section 115",
  PCSC_ACT_2022_S16: "Police, Crime, Sentencing and Courts Act 2022, section 16",
  OTHER: "Other (explain in the notes)",
};

export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  PERSON_IDENTIFIERS: "Person identifiers (names, dates of birth, nicknames)",
  ADDRESSES_AND_LOCATIONS: "Addresses and locations",
  VEHICLES: "Vehicles",
  COMMUNICATIONS_IDENTIFIERS: "Communications identifiers (phone numbers, online handles)",
  INTELLIGENCE_NARRATIVE: "Intelligence narrative",
  SPECIAL_CATEGORY: "Special category data",
  CRIMINAL_OFFENCE: "Criminal offence data",
  CHILDRENS_DATA: "Children's data",
  FINANCIAL: "Financial information",
};

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  OFFICIAL: "OFFICIAL",
  OFFICIAL_SENSITIVE: "OFFICIAL-SENSITIVE",
};

export const DPIA_STATUS_LABELS: Record<DpiaStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  NOT_REQUIRED: "Not required (screening recorded)",
};

/** Outcomes a review may record (stored as text so the list can grow without a migration). */
export const REVIEW_OUTCOMES = {
  CONTINUE: "Continue unchanged",
  AMEND: "Continue, amendment needed",
  SUSPEND: "Suspension recommended",
  TERMINATE: "Termination recommended",
} as const;

export type ReviewOutcome = keyof typeof REVIEW_OUTCOMES;

export function reviewOutcomeLabel(outcome: string): string {
  return outcome in REVIEW_OUTCOMES ? REVIEW_OUTCOMES[outcome as ReviewOutcome] : outcome;
}

export function optionsFrom<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

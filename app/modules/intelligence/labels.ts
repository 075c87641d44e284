import type {
  Classification,
  DataCategory,
  EntityKind,
  HandlingCode,
  IntelligenceAssessment,
  SanitisedStatus,
  SourceEvaluation,
  SubmissionStatus,
  ThreatType,
} from "~/generated/prisma/enums";

/** Plain-English names and hint text for intelligence, shared by forms, pages and exports. */

export const THREAT_TYPE_LABELS: Record<ThreatType, string> = {
  COUNTY_LINES: "County lines",
  DRUG_SUPPLY: "Drug supply",
  CUCKOOING: "Cuckooing",
  CHILD_CRIMINAL_EXPLOITATION: "Child criminal exploitation",
  CHILD_SEXUAL_EXPLOITATION: "Child sexual exploitation",
  MODERN_SLAVERY_HUMAN_TRAFFICKING: "Modern slavery and human trafficking",
  ORGANISED_ACQUISITIVE_CRIME_ROBBERY: "Organised acquisitive crime and robbery",
  FRAUD: "Fraud",
  CYBERCRIME: "Cybercrime",
  MONEY_LAUNDERING: "Money laundering",
  FIREARMS_WEAPONS: "Firearms and weapons",
  ORGANISED_IMMIGRATION_CRIME: "Organised immigration crime",
  OTHER: "Other serious and organised crime",
};

export const THREAT_TYPE_HINTS: Partial<Record<ThreatType, string>> = {
  COUNTY_LINES: "A phone line used to sell drugs from a city into another area, often using exploited children or vulnerable adults.",
  CUCKOOING: "Someone taking over a vulnerable person's home to deal drugs, store weapons or exploit them.",
};

/** 3x5x2 grading (College of Policing, APP Intelligence management): codes and hint text. */
export const SOURCE_EVALUATION: Record<SourceEvaluation, { code: string; label: string; hint: string }> = {
  RELIABLE: {
    code: "1",
    label: "1 – Reliable",
    hint: "The source is believed to be reliable: for example, their information has been correct before, or it is your organisation's own record.",
  },
  UNTESTED: {
    code: "2",
    label: "2 – Untested",
    hint: "The reliability of the source cannot be judged: for example, a first-time reporter or an anonymous call.",
  },
  NOT_RELIABLE: {
    code: "3",
    label: "3 – Not reliable",
    hint: "There are doubts about the source: for example, they have given wrong information before or may have a motive to mislead.",
  },
};

export const INTELLIGENCE_ASSESSMENT: Record<IntelligenceAssessment, { code: string; label: string; hint: string }> = {
  A: { code: "A", label: "A – Known directly to the source", hint: "The source saw or heard it themselves." },
  B: {
    code: "B",
    label: "B – Known indirectly to the source but corroborated",
    hint: "The source was told it by someone else, and it is supported by other information (for example a record or a second source).",
  },
  C: { code: "C", label: "C – Known indirectly to the source", hint: "The source was told it by someone else and it has not been corroborated." },
  D: { code: "D", label: "D – Not known", hint: "It is not known how the source came to know it." },
  E: { code: "E", label: "E – Suspected to be false", hint: "There is reason to believe the information is false or malicious." },
};

export const HANDLING_CODE: Record<HandlingCode, { code: string; label: string; hint: string }> = {
  P: { code: "P", label: "P – Lawful sharing permitted", hint: "The police may share this further for policing purposes without extra conditions." },
  C: {
    code: "C",
    label: "C – Lawful sharing permitted subject to conditions",
    hint: "Sharing is allowed only under conditions you write below, for example 'do not disclose to the tenant' or 'consult us before any action'.",
  },
};

/** "1/A/P": the compact grade analysts read. */
export function gradingCode(
  source: SourceEvaluation | null,
  assessment: IntelligenceAssessment | null,
  handling: HandlingCode | null,
): string {
  return [source ? SOURCE_EVALUATION[source].code : "?", assessment ?? "?", handling ?? "?"].join("/");
}

/** What partners see: the four public statuses; a draft is only ever shown to its author. */
export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  DRAFT: "Draft",
  RECEIVED: "Received",
  BEING_ASSESSED: "Being assessed",
  ACTIONED: "Actioned",
  CLOSED: "Closed",
};

export const STATUS_TAG_CLASSES: Record<SubmissionStatus, string> = {
  DRAFT: "govuk-tag--grey",
  RECEIVED: "govuk-tag--blue",
  BEING_ASSESSED: "govuk-tag--yellow",
  ACTIONED: "govuk-tag--green",
  CLOSED: "govuk-tag--grey",
};

export const SANITISED_STATUS_LABELS: Record<SanitisedStatus, string> = {
  AWAITING_APPROVAL: "Awaiting approval",
  APPROVED: "Approved for dissemination",
  REJECTED: "Rejected",
};

export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  OFFICIAL: "OFFICIAL",
  OFFICIAL_SENSITIVE: "OFFICIAL-SENSITIVE",
};

export const CLASSIFICATION_HINTS: Record<Classification, string> = {
  OFFICIAL: "Routine information about crime and community safety.",
  OFFICIAL_SENSITIVE: "Information that would cause harm if it got out, for example about a vulnerable person or a live operation. Shared on a strict need-to-know basis.",
};

export const DATA_CATEGORY_LABELS: Record<DataCategory, string> = {
  PERSON_IDENTIFIERS: "Person identifiers",
  ADDRESSES_AND_LOCATIONS: "Addresses and locations",
  VEHICLES: "Vehicles",
  COMMUNICATIONS_IDENTIFIERS: "Communications identifiers (phone numbers, online handles)",
  INTELLIGENCE_NARRATIVE: "Intelligence narrative",
  SPECIAL_CATEGORY: "Special category data (for example health, ethnicity)",
  CRIMINAL_OFFENCE: "Criminal offence data",
  CHILDRENS_DATA: "Children's data",
  FINANCIAL: "Financial data",
};

export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  PERSON: "Person",
  VEHICLE: "Vehicle",
  ADDRESS: "Address",
  PHONE: "Phone number",
  ONLINE_HANDLE: "Online handle",
  ORGANISATION: "Organisation",
};

/** URL slugs for the "add a …" pages. */
export const ENTITY_KIND_SLUGS: Record<EntityKind, string> = {
  PERSON: "person",
  VEHICLE: "vehicle",
  ADDRESS: "address",
  PHONE: "phone",
  ONLINE_HANDLE: "handle",
  ORGANISATION: "organisation",
};

export const ENTITY_ADD_LABELS: Record<EntityKind, string> = {
  PERSON: "Add a person",
  VEHICLE: "Add a vehicle",
  ADDRESS: "Add an address",
  PHONE: "Add a phone number",
  ONLINE_HANDLE: "Add an online handle",
  ORGANISATION: "Add an organisation or business",
};

export const ENTITY_CHANGE_LABELS: Record<EntityKind, string> = {
  PERSON: "Change a person",
  VEHICLE: "Change a vehicle",
  ADDRESS: "Change an address",
  PHONE: "Change a phone number",
  ONLINE_HANDLE: "Change an online handle",
  ORGANISATION: "Change an organisation or business",
};

export const AGE_RANGES = ["Under 10", "10 to 13", "14 to 17", "18 to 24", "25 to 34", "35 to 49", "50 to 64", "65 or over"] as const;

export const RISK_LEVELS: Record<number, string> = {
  1: "1 – Low",
  2: "2 – Moderate",
  3: "3 – Significant",
  4: "4 – High",
  5: "5 – Critical",
};

export function enumOptions<K extends string>(labels: Record<K, string>): { value: K; label: string }[] {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** Reasons police may give for a search (DPA 2018 s62(2)); see JUSTIFICATIONS in audit/actions.ts. */
export const SEARCH_JUSTIFICATIONS = ["TRIAGE", "THREAT_ASSESSMENT", "INVESTIGATION", "SAFEGUARDING"] as const;

/** The search hint's example (it must find something in the demo data: tests/intelligence/search.test.ts). */
export const SEARCH_EXAMPLE = 'cuckoo or "silver Golf"';

/** The kinds of record audit events are about (Prisma model names), for forms on the client and the server. */
export const RECORD_TYPES = [
  "Submission",
  "Agreement",
  "User",
  "Organisation",
  "Threat",
  "SanitisedReport",
  "Feedback",
  "Session",
  "RetentionDecision",
] as const;

export const RECORD_TYPE_LABELS: Record<(typeof RECORD_TYPES)[number], string> = {
  Submission: "Intelligence submission",
  Agreement: "Information sharing agreement",
  User: "User account",
  Organisation: "Organisation",
  Threat: "Threat",
  SanitisedReport: "Sanitised report",
  Feedback: "Feedback",
  Session: "Session",
  RetentionDecision: "Retention decision",
};

export type RecordType = (typeof RECORD_TYPES)[number];

import type { Prisma } from "~/generated/prisma/client";

/**
 * Which columns each audience may be sent. Partner views select ONLY `partnerSubmissionSelect`, so
 * police-only assessment (analyst re-grading, notes, risk, no-further-action reason, threat link,
 * assigned analyst) never leaves the database for a partner: there is nothing to forget to strip.
 */
export const POLICE_ONLY_FIELDS = [
  "assignedAnalystId",
  "analystSourceEvaluation",
  "analystIntelligenceAssessment",
  "analystHandlingCode",
  "analystNotes",
  "riskLevel",
  "noFurtherActionReason",
  "threatId",
] as const;

const entitySelect = {
  id: true,
  kind: true,
  displayValue: true,
  normalisedValue: true,
  details: true,
} satisfies Prisma.SubmissionEntitySelect;

/** A submission as submitted, without what is added to it afterwards (feedback, sanitised reports). */
const submissionRecordSelect = {
  id: true,
  reference: true,
  status: true,
  organisationId: true,
  submitterId: true,
  submitter: { select: { name: true } },
  organisation: { select: { name: true } },
  agreementId: true,
  agreement: { select: { reference: true, title: true } },
  areaId: true,
  area: { select: { name: true } },
  threatType: true,
  narrative: true,
  locationDescription: true,
  postcode: true,
  observedFrom: true,
  observedTo: true,
  dataCategories: true,
  classification: true,
  sourceEvaluation: true,
  intelligenceAssessment: true,
  handlingCode: true,
  handlingConditions: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
  disposedAt: true,
  entities: { select: entitySelect, orderBy: { id: "asc" } },
} satisfies Prisma.SubmissionSelect;

export const partnerSubmissionSelect = {
  ...submissionRecordSelect,
  feedback: {
    select: { id: true, message: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
  sanitisedReports: {
    where: { status: "APPROVED" },
    select: { id: true, text: true, decidedAt: true },
    orderBy: { decidedAt: "asc" },
  },
} satisfies Prisma.SubmissionSelect;

/**
 * The fields a search result's highlighted extract may come from: both audiences may read them on
 * any submission they may find (police-only assessment, such as analyst notes, is never among them).
 */
export const SEARCH_SNIPPET_FIELDS = ["narrative", "locationDescription"] as const satisfies readonly (keyof typeof partnerSubmissionSelect)[];

export type SearchSnippetField = (typeof SEARCH_SNIPPET_FIELDS)[number];

export type PartnerSubmission = Prisma.SubmissionGetPayload<{ select: typeof partnerSubmissionSelect }>;

/**
 * The analyst's summary page of a record: the police view without feedback and sanitised reports
 * (the pages that show them load them), which would cost four or five more statements per view.
 */
export const policeSummarySelect = {
  ...submissionRecordSelect,
  assignedAnalystId: true,
  assignedAnalyst: { select: { name: true } },
  analystSourceEvaluation: true,
  analystIntelligenceAssessment: true,
  analystHandlingCode: true,
  analystNotes: true,
  riskLevel: true,
  noFurtherActionReason: true,
  threatId: true,
  threat: { select: { id: true, reference: true, title: true } },
  reviewDueAt: true,
  agreement: { select: { reference: true, title: true, classificationCeiling: true } },
} satisfies Prisma.SubmissionSelect;

export type PoliceSummary = Prisma.SubmissionGetPayload<{ select: typeof policeSummarySelect }>;

export const policeSubmissionSelect = {
  ...policeSummarySelect,
  feedback: {
    select: { id: true, message: true, createdAt: true, author: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  },
  sanitisedReports: {
    select: {
      id: true,
      text: true,
      status: true,
      authorId: true,
      author: { select: { name: true } },
      approver: { select: { name: true } },
      decidedAt: true,
      decisionNote: true,
      createdAt: true,
    },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.SubmissionSelect;

export type PoliceSubmission = Prisma.SubmissionGetPayload<{ select: typeof policeSubmissionSelect }>;

/**
 * One row of a list: enough to show, never the narrative. No relation counts here: Prisma renders
 * `_count` as a join to a GROUP BY over the whole related table, per request (issue 12, cause 1).
 * The partner list adds its feedback counts for the page's rows only (`feedbackCounts`).
 */
export const partnerListSelect = {
  id: true,
  reference: true,
  status: true,
  threatType: true,
  submittedAt: true,
  classification: true,
  handlingCode: true,
  area: { select: { name: true } },
  submitter: { select: { name: true } },
} satisfies Prisma.SubmissionSelect;

/**
 * A row of the triage queue: what its table shows. Each relation here costs a statement per page
 * (Prisma loads relations one query each), so only the ones shown: area, organisation, analyst.
 */
export const policeListSelect = {
  id: true,
  reference: true,
  status: true,
  threatType: true,
  submittedAt: true,
  classification: true,
  handlingCode: true,
  area: { select: { name: true } },
  riskLevel: true,
  sourceEvaluation: true,
  intelligenceAssessment: true,
  analystSourceEvaluation: true,
  analystIntelligenceAssessment: true,
  agreementId: true,
  organisation: { select: { name: true } },
  // Work allocation: who has it (police only).
  assignedAnalystId: true,
  assignedAnalyst: { select: { name: true } },
} satisfies Prisma.SubmissionSelect;

/** A search result, for either audience: what the results table shows (one relation, the area). */
export const searchResultSelect = {
  id: true,
  reference: true,
  status: true,
  threatType: true,
  submittedAt: true,
  handlingCode: true,
  area: { select: { name: true } },
} satisfies Prisma.SubmissionSelect;

/**
 * The partner-safe share of a threat: what a partner organisation may see of a threat it owns an
 * action on or received a dissemination of (rules/threats.ts). Never linked intelligence, entities,
 * assessments, the summary or the lead analyst. Partner pages select only `partnerThreatShareSelect`.
 */
export const PARTNER_THREAT_FIELDS = ["id", "reference", "title", "kind", "status", "areas", "priority"] as const;

export const partnerThreatShareSelect = {
  id: true,
  reference: true,
  title: true,
  kind: true,
  status: true,
  priority: true,
  areas: { select: { name: true }, orderBy: { name: "asc" } },
} satisfies Prisma.ThreatSelect & Record<(typeof PARTNER_THREAT_FIELDS)[number], unknown>;

export type PartnerThreatShare = Prisma.ThreatGetPayload<{ select: typeof partnerThreatShareSelect }>;

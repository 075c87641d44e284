import { z } from "zod";
import type { PoliceSummary } from "~/modules/authorization/fields";
import { optionalQuery } from "~/utils/input";

/**
 * The assessment of one submission is a summary page and a sub-page per task, each with its own
 * forms (so an error summary is always in view), post/redirect/get with a confirmation banner.
 */
export const TRIAGE_PAGES = [
  { page: "summary", label: "Summary" },
  { page: "assess", label: "Assess" },
  { page: "link", label: "Threat" },
  { page: "sanitise", label: "Sanitised versions" },
  { page: "feedback", label: "Feedback" },
  { page: "history", label: "History" },
] as const;

export type TriagePage = (typeof TRIAGE_PAGES)[number]["page"];

/** What the banner says after a change; the redirect names one of these (`?done=`). */
export const TRIAGE_NOTICES = {
  assessed: "Assessment saved",
  "status-changed": "Status changed",
  closed: "Closed with no further action",
  linked: "This intelligence is linked to the threat",
  "threat-created": "Threat created and this intelligence linked to it",
  "sanitised-sent": "Sanitised version sent for approval",
  approved: "Sanitised version approved for dissemination",
  rejected: "Sanitised version rejected",
  "feedback-sent": "Feedback sent",
} as const;

export type TriageNotice = keyof typeof TRIAGE_NOTICES;

export const triageNoticeQuery = z.object({
  done: optionalQuery(z.enum(Object.keys(TRIAGE_NOTICES) as [TriageNotice, ...TriageNotice[]])),
});

/** The address of one of a submission's pages, with the banner to show there. */
export function triagePath(id: string, page: TriagePage, done?: TriageNotice): string {
  const path = page === "summary" ? `/triage/${id}` : `/triage/${id}/${page}`;
  return done ? `${path}?done=${done}` : path;
}

/** What every page of the assessment shows above its own content (never the narrative). */
export function triageHeaderOf(s: PoliceSummary) {
  return {
    id: s.id,
    reference: s.reference,
    status: s.status,
    classification: s.classification,
    organisationName: s.organisation.name,
    agreementReference: s.agreement?.reference ?? null,
    handlingCode: s.handlingCode,
    handlingConditions: s.handlingConditions,
    analystHandlingCode: s.analystHandlingCode,
  };
}

export type TriageHeaderData = ReturnType<typeof triageHeaderOf>;

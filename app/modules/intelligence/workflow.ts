import type { Classification, DataCategory, EntityKind, SubmissionStatus } from "~/generated/prisma/enums";
import { classificationWithinCeiling } from "~/modules/authorization/classification";

/**
 * The rules of intelligence work that do not need a database: which status may follow which,
 * which data categories a submission carries, whether an agreement can carry it, references.
 */

/**
 * Status flow after submission. RECEIVED → BEING_ASSESSED when an analyst starts; ACTIONED when it is
 * linked to a threat (or otherwise acted on); CLOSED with no further action or once dealt with.
 * A closed record may be reopened for assessment when new information arrives.
 */
export const STATUS_TRANSITIONS: Record<SubmissionStatus, SubmissionStatus[]> = {
  DRAFT: ["RECEIVED"],
  RECEIVED: ["BEING_ASSESSED", "CLOSED"],
  BEING_ASSESSED: ["ACTIONED", "CLOSED"],
  ACTIONED: ["CLOSED", "BEING_ASSESSED"],
  CLOSED: ["BEING_ASSESSED"],
};

export function canChangeStatus(from: SubmissionStatus, to: SubmissionStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Why a status change is refused, or null when it may go ahead. */
export function statusChangeProblem(
  submission: { status: SubmissionStatus; threatId: string | null; noFurtherActionReason: string | null },
  to: SubmissionStatus,
): string | null {
  if (to === "DRAFT" || !canChangeStatus(submission.status, to)) {
    return `A submission that is ${submission.status.toLowerCase().replace("_", " ")} cannot be moved to ${to.toLowerCase().replace("_", " ")}`;
  }
  if (to === "ACTIONED" && !submission.threatId) return "Link the submission to a threat before marking it actioned";
  if (to === "CLOSED" && submission.status !== "ACTIONED" && !submission.noFurtherActionReason) {
    return "Record no further action, with a reason, to close a submission that was not actioned";
  }
  return null;
}

/** Which data categories a submission's content implies; the sharing step requires them. */
export function impliedDataCategories(content: {
  narrative: string | null;
  locationDescription: string | null;
  postcode: string | null;
  entityKinds: EntityKind[];
}): DataCategory[] {
  const categories = new Set<DataCategory>();
  if (content.narrative) categories.add("INTELLIGENCE_NARRATIVE");
  if (content.locationDescription || content.postcode) categories.add("ADDRESSES_AND_LOCATIONS");
  for (const kind of content.entityKinds) {
    if (kind === "PERSON") categories.add("PERSON_IDENTIFIERS");
    if (kind === "VEHICLE") categories.add("VEHICLES");
    if (kind === "ADDRESS") categories.add("ADDRESSES_AND_LOCATIONS");
    if (kind === "PHONE" || kind === "ONLINE_HANDLE") categories.add("COMMUNICATIONS_IDENTIFIERS");
  }
  return [...categories];
}

/** Why an agreement cannot carry this submission, or null when it can (the server re-checks at submit). */
export function agreementProblem(
  agreement: { classificationCeiling: Classification; dataCategories: DataCategory[] },
  submission: { classification: Classification; dataCategories: DataCategory[] },
): string | null {
  if (!classificationWithinCeiling(submission.classification, agreement.classificationCeiling)) {
    return "This agreement does not allow OFFICIAL-SENSITIVE information";
  }
  const missing = submission.dataCategories.filter((c) => !agreement.dataCategories.includes(c));
  if (missing.length > 0) return "This agreement does not cover all the data categories in your submission";
  return null;
}

/** INT-2026-000123: the year of submission and a number from a database sequence. */
export function submissionReference(year: number, sequence: number | bigint): string {
  return `INT-${year}-${String(sequence).padStart(6, "0")}`;
}

export function threatReference(year: number, sequence: number | bigint): string {
  return `THR-${year}-${String(sequence).padStart(4, "0")}`;
}

/** Retention review date: the agreement's retention period after submission. */
export function reviewDueDate(submittedAt: Date, retentionMonths: number): Date {
  const due = new Date(submittedAt);
  due.setUTCMonth(due.getUTCMonth() + retentionMonths);
  return due;
}

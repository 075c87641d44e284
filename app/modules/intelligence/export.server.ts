import { audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { SUBMITTED_STATUSES } from "~/modules/authorization/rules/intelligence";
import type { ExportRequest } from "~/modules/exports/document.server";
import { prisma } from "~/utils/db.server";
import { deny } from "~/modules/authorization/deny.server";
import { isPoliceUser } from "~/modules/authorization/roles";
import type { Auth } from "./access.server";
import { toCsv } from "~/utils/csv";
import { formatDateTime } from "~/utils/dates";
import { summariseEntities } from "./entities";
import { partnerSubmissionSelect, policeSubmissionSelect } from "~/modules/authorization/fields";
import {
  CLASSIFICATION_LABELS,
  DATA_CATEGORY_LABELS,
  gradingCode,
  STATUS_LABELS,
  THREAT_TYPE_LABELS,
} from "./labels";
import { isUuid } from "./submissions.server";

/**
 * A submission as CSV, for the record or a briefing pack. The classification and, for handling
 * code C, the conditions come FIRST, so they travel with every copy. Partners get the partner-safe
 * fields; police also get their assessment. Formula-looking cells are neutralised (app/utils/csv.ts).
 */
export async function exportSubmissionCsv(auth: Auth, id: string, { beforeExport }: Pick<ExportRequest, "beforeExport">): Promise<{ filename: string; csv: string }> {
  const police = isPoliceUser(auth);
  const where = { AND: [accessibleWhere(auth.ability, "read", "Submission"), { id, status: { in: SUBMITTED_STATUSES } }] };
  const policeView = police && isUuid(id) ? await prisma.submission.findFirst({ where, select: policeSubmissionSelect }) : null;
  const submission = police ? policeView : isUuid(id) ? await prisma.submission.findFirst({ where, select: partnerSubmissionSelect }) : null;
  if (!submission) return deny(auth, { action: "submission.exported", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  beforeExport();

  const handlingCode = policeView?.analystHandlingCode ?? submission.handlingCode;
  const rows: (string | null)[][] = [
    ["Classification", CLASSIFICATION_LABELS[submission.classification]],
  ];
  if (handlingCode === "C" || submission.handlingCode === "C") {
    rows.push(["HANDLING CODE C: CONDITIONS APPLY", submission.handlingConditions ?? "Conditions apply: contact the originator before any use"]);
  }
  rows.push(
    ["Reference", submission.reference],
    ["Status", STATUS_LABELS[submission.status]],
    ["Submitted", formatDateTime(submission.submittedAt)],
    ["Organisation", submission.organisation.name],
    ["Agreement", submission.agreement?.reference ?? ""],
    ["Threat type", submission.threatType ? THREAT_TYPE_LABELS[submission.threatType] : ""],
    ["Area", submission.area?.name ?? ""],
    ["Location", submission.locationDescription],
    ["Postcode", submission.postcode],
    ["Observed from", formatDateTime(submission.observedFrom)],
    ["Observed to", formatDateTime(submission.observedTo)],
    ["Grading (3x5x2)", gradingCode(submission.sourceEvaluation, submission.intelligenceAssessment, submission.handlingCode)],
    ["Data categories", submission.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join("; ")],
    ["Narrative", submission.narrative],
  );
  for (const entity of summariseEntities(submission.entities)) {
    rows.push([entity.kindLabel, [entity.value, ...entity.facts].join("; ")]);
  }
  if (policeView) {
    rows.push(
      ["Analyst grading (3x5x2)", gradingCode(policeView.analystSourceEvaluation, policeView.analystIntelligenceAssessment, policeView.analystHandlingCode)],
      ["Risk level", policeView.riskLevel === null ? "" : String(policeView.riskLevel)],
      ["Analyst notes (police only)", policeView.analystNotes],
      ["Threat", policeView.threat?.reference ?? ""],
      ["No further action reason", policeView.noFurtherActionReason],
    );
  }
  for (const report of submission.sanitisedReports) {
    if (!("status" in report) || report.status === "APPROVED") rows.push(["Approved sanitised version", report.text]);
  }
  for (const feedback of submission.feedback) rows.push([`Feedback ${formatDateTime(feedback.createdAt)}`, feedback.message]);

  await audit(auth.audit, {
    action: "submission.exported",
    recordType: "Submission",
    recordId: submission.id,
    agreementId: submission.agreementId,
    justification: police ? "TRIAGE" : "PARTNER_FOLLOW_UP",
    details: { format: "csv", audience: police ? "police" : "partner" },
  });
  return { filename: `${submission.reference ?? "submission"}.csv`, csv: toCsv(rows) };
}

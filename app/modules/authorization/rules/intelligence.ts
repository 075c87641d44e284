import type { SubmissionStatus } from "~/generated/prisma/enums";
import { submissionSharedUnderAgreementInForce } from "~/modules/agreements/access.server";
import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, isPoliceOrganisation, type AbilityUser } from "../roles";

/** Every status after submission: what a police party sees and a partner organisation follows. */
export const SUBMITTED_STATUSES: SubmissionStatus[] = ["RECEIVED", "BEING_ASSESSED", "ACTIONED", "CLOSED"];

/**
 * Who may do what with intelligence.
 * - Partners (non-police organisations; submitters and managers) create drafts, edit and submit
 *   their own drafts, and follow their organisation's submitted intelligence. They never see
 *   police-only assessment: partner views select a partner-safe field set (authorization/fields.ts).
 * - Police analysts and intelligence supervisors read and assess what was shared with their force
 *   under an agreement in force, within its classification ceiling (the agreements module's
 *   `submissionSharedUnderAgreementInForce`); supervisors approve sanitised reports written by
 *   someone else. The same condition filters in memory (`ability.can`) and in SQL
 *   (`accessibleWhere`), so a suspended, revoked or expired agreement removes access on the next
 *   request, for lists, search, matching and single records alike.
 * - Data protection officers and administrators get no submission content here: DPOs see who
 *   accessed what through the audit trail.
 */
export function intelligenceRules({ can }: AbilityBuilderFor, user: AbilityUser, now: Date) {
  const police = isPoliceOrganisation(user.organisationType);

  if (!police && hasRole(user, "PARTNER_SUBMITTER", "PARTNER_MANAGER")) {
    can("create", "Submission");
    can(["read", "update", "submit"], "Submission", {
      status: "DRAFT",
      submitterId: user.id,
      organisationId: user.organisationId,
    });
    can("read", "Submission", { status: { in: SUBMITTED_STATUSES }, organisationId: user.organisationId });
    // Partners may read what was approved for dissemination about their own organisation's submissions.
    can("read", "SanitisedReport", {
      status: "APPROVED",
      submission: { is: { status: { in: SUBMITTED_STATUSES }, organisationId: user.organisationId } },
    });
  }

  if (police && hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR")) {
    const visible = { status: { in: SUBMITTED_STATUSES }, ...submissionSharedUnderAgreementInForce(user.organisationId, now) };
    can(["read", "assess"], "Submission", visible);
    can("read", "SanitisedReport", { submission: { is: visible } });
    if (hasRole(user, "INTELLIGENCE_SUPERVISOR")) {
      // Four eyes: never the author of the report.
      can("approve", "SanitisedReport", {
        status: "AWAITING_APPROVAL",
        authorId: { not: user.id },
        submission: { is: visible },
      });
    }
  }
}

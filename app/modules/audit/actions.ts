/**
 * Every kind of audit event, named `<area>.<verb>`. Adding an action here is how a new event type
 * is introduced; the DPO screens list and filter by these names.
 */
export const AUDIT_ACTIONS = [
  // Authentication
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "auth.sign_out",
  "auth.password_verified",
  "auth.mfa_verified",
  "auth.mfa_failed",
  "auth.mfa_enrolled",
  "auth.recovery_code_used",
  "auth.session_ended",
  "auth.password_changed",
  "auth.password_change_failed",
  "auth.recovery_codes_generated",
  // Re-authentication before signing an agreement or exporting (issue 10)
  "auth.reauthenticated",
  "auth.reauthentication_failed",
  // Administration
  "admin.organisation_created",
  "admin.organisation_updated",
  "admin.user_created",
  "admin.user_updated",
  "admin.user_disabled",
  "admin.user_enabled",
  "admin.mfa_reset",
  "admin.activation_link_issued",
  "account.activated",
  // Role grants: asked for by an administrator, decided by a second person (four eyes)
  "privilege.grant_requested",
  "privilege.grant_approved",
  "privilege.grant_refused",
  "privilege.grant_cancelled",
  // Access decisions and generic reads
  "access.denied",
  "record.viewed",
  "record.listed",
  "record.searched",
  "record.exported",
  // Agreements (issue 3)
  "agreement.created",
  "agreement.updated",
  "agreement.amended",
  "agreement.submitted_for_signature",
  "agreement.signed",
  "agreement.activated",
  "agreement.suspended",
  "agreement.reinstated",
  "agreement.suspension_lifted",
  "agreement.revoked",
  "agreement.expired",
  "agreement.reviewed",
  "agreement.viewed",
  "agreement.listed",
  // Intelligence (issue 4)
  "submission.draft_saved",
  "submission.submitted",
  "submission.viewed",
  "submission.listed",
  "submission.searched",
  "submission.exported",
  "submission.triaged",
  "submission.regraded",
  "submission.status_changed",
  "submission.linked",
  "submission.no_further_action",
  "submission.feedback_sent",
  "submission.matches_viewed",
  // Work allocation (issue 10)
  "submission.assigned",
  "sanitised.created",
  "sanitised.approved",
  "sanitised.rejected",
  "sanitised.disseminated",
  "threat.created",
  "threat.updated",
  "threat.viewed",
  // Threats (issue 9): records, status, MoRiLE scorings, entities and the link chart
  "threat.listed",
  "threat.status_changed",
  "threat.scored",
  "threat.entity_added",
  "threat.entity_updated",
  "threat.entity_removed",
  "threat.chart_viewed",
  // Dissemination to partners (issue 9)
  "dissemination.created",
  "dissemination.approved",
  "dissemination.rejected",
  "dissemination.sent",
  "dissemination.viewed",
  "dissemination.listed",
  "dissemination.acknowledged",
  "dissemination.information_requested",
  "dissemination.request_answered",
  "dissemination.request_declined",
  // 4P plans, Clear, Hold, Build area plans and outcomes (issue 9)
  "threat_plan.viewed",
  "plan_action.created",
  "plan_action.updated",
  "plan_action.viewed",
  "plan_action.listed",
  "area_plan.created",
  "area_plan.updated",
  "area_plan.viewed",
  "area_plan.listed",
  "area_plan.milestone_added",
  "area_plan.milestone_achieved",
  "outcome.recorded",
  "outcome.listed",
  // Audit and data protection oversight (issue 5)
  "audit.searched",
  "audit.exported",
  "audit.verified",
  "audit.verification_requested",
  "audit.checkpoint_signed",
  "audit.record_history_viewed",
  "audit.agreement_report_viewed",
  "audit.subject_access_search",
  "audit.unusual_access_viewed",
  "audit.event_viewed",
  "audit.checkpoints_exported",
  "retention.listed",
  "retention.viewed",
  "retention.retained",
  "retention.disposed",
  // SOC local profiles, good practice, dashboards and exports (issue 9)
  "dashboard.viewed",
  "profile.listed",
  "profile.viewed",
  "profile.created",
  "profile.draft_saved",
  "profile.submitted",
  "profile.published",
  "profile.rejected",
  "good_practice.listed",
  "good_practice.recorded",
  "threat_list.exported",
  "plan_actions.exported",
  "outcomes.exported",
  // Consistency (issue 10)
  "submission.draft_deleted",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Security events: what system administrators may read (sign-in, MFA, administration, role grants, denials). */
export const SECURITY_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter(
  (action) =>
    action.startsWith("auth.") || action.startsWith("admin.") || action.startsWith("privilege.") || action === "access.denied",
);

/**
 * Privilege changes, listed on the unusual-access screen: every role grant requested, approved,
 * refused or cancelled. (Accounts created, and edits that changed roles, organisation or the
 * signatory flag, are found there too; see reports.server.ts.)
 */
export const PRIVILEGE_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter((action) => action.startsWith("privilege."));

/** Consultations of a single record: what "users viewing far more records than peers" counts. */
export const VIEW_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter(
  (action) => action.endsWith(".viewed") && !action.startsWith("audit.") && !action.startsWith("retention."),
);

/**
 * Exports. By convention an export event's details carry `rowCount` (the number of records
 * exported), which the unusual-access screen reads.
 */
export const EXPORT_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter((action) => action.endsWith(".exported"));

/** Failed authentication, counted with denied attempts on the unusual-access screen. */
export const FAILED_AUTHENTICATION_ACTIONS: readonly AuditAction[] = [
  "auth.sign_in_failed",
  "auth.sign_in_throttled",
  "auth.mfa_failed",
  "auth.reauthentication_failed",
];

/**
 * Plain-English names for the DPO screens and the CSV ("Signed agreement", "Viewed a submission"):
 * the one label map. Every action has one (tests/audit/readable.test.ts checks); an action added
 * without one reads "Agreement: signed" rather than its code.
 */
export function auditActionLabel(action: string): string {
  const label = AUDIT_ACTION_LABELS[action as AuditAction];
  if (label) return label;
  const [area, verb] = action.split(".");
  if (!area || !verb) return action.replace(/_/g, " ");
  return `${area.charAt(0).toUpperCase()}${area.slice(1).replace(/_/g, " ")}: ${verb.replace(/_/g, " ")}`;
}

const AUDIT_ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  "auth.sign_in": "Signed in",
  "auth.sign_in_failed": "Failed sign-in",
  "auth.sign_in_throttled": "Sign-in throttled",
  "auth.sign_out": "Signed out",
  "auth.mfa_verified": "Second factor verified",
  "auth.mfa_failed": "Second factor failed",
  "auth.mfa_enrolled": "Set up second factor",
  "auth.recovery_code_used": "Used a recovery code",
  "auth.reauthenticated": "Confirmed identity",
  "auth.reauthentication_failed": "Failed to confirm identity",
  "auth.session_ended": "Ended a session",
  "auth.password_changed": "Changed password",
  "auth.password_verified": "Confirmed their password",
  "auth.password_change_failed": "Failed to change password",
  "auth.recovery_codes_generated": "Made new recovery codes",
  "admin.organisation_created": "Added an organisation",
  "admin.organisation_updated": "Changed an organisation",
  "admin.activation_link_issued": "Sent an account activation link",
  "account.activated": "Activated their account",
  "agreement.created": "Drafted agreement",
  "agreement.updated": "Edited agreement draft",
  "agreement.amended": "Amended agreement",
  "agreement.submitted_for_signature": "Sent agreement for signature",
  "agreement.signed": "Signed agreement",
  "agreement.activated": "Agreement came into force",
  "agreement.suspended": "Suspended agreement",
  "agreement.reinstated": "Reinstated agreement",
  "agreement.suspension_lifted": "Lifted agreement suspension",
  "agreement.revoked": "Revoked agreement",
  "agreement.expired": "Agreement expired",
  "agreement.reviewed": "Reviewed agreement",
  "agreement.listed": "Listed agreements",
  "submission.draft_saved": "Saved a draft submission",
  "submission.listed": "Listed submissions",
  "submission.searched": "Searched intelligence",
  "submission.triaged": "Started assessing a submission",
  "submission.regraded": "Re-graded a submission",
  "submission.status_changed": "Changed a submission's status",
  "submission.linked": "Linked a submission to a threat",
  "submission.no_further_action": "Closed a submission with no further action",
  "submission.feedback_sent": "Sent feedback to the partner",
  "submission.matches_viewed": "Viewed matching submissions",
  "sanitised.created": "Wrote a sanitised version",
  "sanitised.approved": "Approved a sanitised version",
  "sanitised.rejected": "Rejected a sanitised version",
  "admin.user_created": "Created a user account",
  "admin.user_updated": "Changed a user account",
  "admin.user_disabled": "Disabled a user account",
  "admin.user_enabled": "Enabled a user account",
  "admin.mfa_reset": "Reset a user's MFA",
  "privilege.grant_requested": "Asked for a role to be given",
  "privilege.grant_approved": "Approved a role",
  "privilege.grant_refused": "Refused a role",
  "privilege.grant_cancelled": "Cancelled a role request",
  "access.denied": "Access denied",
  "record.viewed": "Viewed a record",
  "record.listed": "Listed records",
  "record.searched": "Searched records",
  "record.exported": "Exported records",
  "agreement.viewed": "Viewed an agreement",
  "submission.viewed": "Viewed a submission",
  "submission.submitted": "Submitted intelligence",
  "submission.exported": "Exported submissions",
  "submission.assigned": "Assigned a submission to an analyst",
  "sanitised.disseminated": "Disseminated a sanitised report",
  "threat.created": "Created a threat",
  "threat.updated": "Changed a threat's details",
  "threat.viewed": "Viewed a threat",
  "threat.listed": "Listed threats",
  "threat.status_changed": "Changed a threat's status",
  "threat.scored": "Scored a threat with MoRiLE",
  "threat.entity_added": "Linked a person, vehicle or identifier to a threat",
  "threat.entity_updated": "Changed an entity linked to a threat",
  "threat.entity_removed": "Removed an entity from a threat",
  "threat.chart_viewed": "Viewed a threat's link chart",
  "dissemination.created": "Drafted a dissemination to partners",
  "dissemination.approved": "Approved a dissemination to partners",
  "dissemination.rejected": "Rejected a dissemination to partners",
  "dissemination.sent": "Disclosed a dissemination to partner organisations",
  "dissemination.viewed": "Viewed a dissemination (a disclosure to its recipients)",
  "dissemination.listed": "Listed disseminations",
  "dissemination.acknowledged": "Acknowledged a dissemination (read receipt)",
  "dissemination.information_requested": "Asked for more information about a dissemination",
  "dissemination.request_answered": "Answered a request for more information",
  "dissemination.request_declined": "Declined a request for more information",
  "audit.searched": "Searched the audit trail",
  "audit.exported": "Exported the audit trail",
  "audit.verified": "Verified the audit trail",
  "audit.verification_requested": "Asked for a check of the audit trail",
  "audit.checkpoint_signed": "Signed an audit checkpoint",
  "audit.record_history_viewed": "Viewed a record's history",
  "audit.agreement_report_viewed": "Viewed an agreement access report",
  "audit.subject_access_search": "Subject access search",
  "audit.unusual_access_viewed": "Viewed unusual access",
  "audit.event_viewed": "Viewed an audit event",
  "audit.checkpoints_exported": "Exported audit checkpoints",
  "threat_plan.viewed": "Viewed a threat's 4P plan",
  "plan_action.created": "Added a 4P action",
  "plan_action.updated": "Updated a 4P action",
  "plan_action.viewed": "Viewed a 4P action",
  "plan_action.listed": "Listed 4P actions",
  "area_plan.created": "Created a Clear, Hold, Build plan",
  "area_plan.updated": "Changed a Clear, Hold, Build plan's phase",
  "area_plan.viewed": "Viewed a Clear, Hold, Build plan",
  "area_plan.listed": "Listed Clear, Hold, Build plans",
  "area_plan.milestone_added": "Added a Clear, Hold, Build milestone",
  "area_plan.milestone_achieved": "Marked a Clear, Hold, Build milestone achieved",
  "outcome.recorded": "Recorded an outcome",
  "outcome.listed": "Listed outcomes",
  "retention.listed": "Listed records due for review",
  "retention.viewed": "Viewed a record for retention review",
  "retention.retained": "Decided to retain a record",
  "retention.disposed": "Disposed of a record",
  "dashboard.viewed": "Viewed the dashboard",
  "profile.listed": "Listed SOC local profiles",
  "profile.viewed": "Viewed a SOC local profile",
  "profile.created": "Started a SOC local profile",
  "profile.draft_saved": "Saved a draft SOC local profile",
  "profile.submitted": "Sent a SOC local profile for approval",
  "profile.published": "Approved a SOC local profile for publication",
  "profile.rejected": "Rejected a SOC local profile version",
  "good_practice.listed": "Listed good practice",
  "good_practice.recorded": "Recorded good practice",
  "threat_list.exported": "Exported the threat list",
  "plan_actions.exported": "Exported plan actions",
  "outcomes.exported": "Exported outcomes",
  "submission.draft_deleted": "Deleted a draft",
};

/**
 * Why personal data was consulted or disclosed (DPA 2018 s62(2)). Workflows that imply a reason
 * pass it themselves (e.g. triage); elsewhere the user picks one, with free text for "other".
 */
export const JUSTIFICATIONS = {
  TRIAGE: "Triage of partner intelligence",
  THREAT_ASSESSMENT: "Threat assessment",
  INVESTIGATION: "Supporting an investigation",
  SAFEGUARDING: "Safeguarding a vulnerable person",
  DISSEMINATION: "Dissemination to partners",
  PARTNER_FOLLOW_UP: "Following up my organisation's submission",
  DATA_PROTECTION_REVIEW: "Data protection review",
  SUBJECT_ACCESS_REQUEST: "Subject access request",
  RETENTION_REVIEW: "Retention review",
  AUDIT_INVESTIGATION: "Audit or misuse investigation",
  OTHER: "Other (explain)",
} as const;

export type Justification = keyof typeof JUSTIFICATIONS;

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
  "sanitised.created",
  "sanitised.approved",
  "sanitised.rejected",
  "sanitised.disseminated",
  "threat.created",
  "threat.updated",
  "threat.viewed",
  // Audit and data protection oversight (issue 5)
  "audit.searched",
  "audit.exported",
  "audit.verified",
  "audit.checkpoint_signed",
  "audit.record_history_viewed",
  "audit.agreement_report_viewed",
  "audit.subject_access_search",
  "audit.unusual_access_viewed",
  "retention.retained",
  "retention.disposed",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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

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
];

/** Plain-English names for the DPO screens ("Signed in", "Viewed a submission"). */
export function auditActionLabel(action: string): string {
  const label = AUDIT_ACTION_LABELS[action as AuditAction];
  if (label) return label;
  const [area, verb] = action.split(".");
  return `${(verb ?? action).replace(/_/g, " ")}${area && verb ? ` (${area})` : ""}`;
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
  "auth.session_ended": "Ended a session",
  "auth.password_changed": "Changed password",
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
  "sanitised.disseminated": "Disseminated a sanitised report",
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
  "retention.listed": "Listed records due for review",
  "retention.viewed": "Viewed a record for retention review",
  "retention.retained": "Decided to retain a record",
  "retention.disposed": "Disposed of a record",
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

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
  "auth.mfa_verified",
  "auth.mfa_failed",
  "auth.mfa_enrolled",
  "auth.recovery_code_used",
  "auth.session_ended",
  "auth.password_changed",
  // Administration
  "admin.organisation_created",
  "admin.organisation_updated",
  "admin.user_created",
  "admin.user_updated",
  "admin.user_disabled",
  "admin.user_enabled",
  "admin.mfa_reset",
  // Access decisions and reads
  "access.denied",
  "record.viewed",
  "record.listed",
  "record.searched",
  "record.exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

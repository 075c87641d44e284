import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, type AbilityUser } from "../roles";

/**
 * Who may read the audit trail and oversee records (DPA 2018 s62; ICO: access to logs restricted).
 *
 * - Data protection officers: the audit trail (search, export, verify, checkpoints) and the
 *   oversight screens. Which events they see is decided in the database by `auditScopeFor`
 *   (app/modules/audit/scope.server.ts): events by or about their own organisation, and events
 *   under agreements their organisation is party to.
 * - System administrators: the audit trail limited to security events (sign-in, administration,
 *   denied access), and its integrity checks; no oversight screens, no intelligence.
 * - Everyone else: nothing.
 *
 * "oversee" a submission (retention decisions, subject access): a DPO of the organisation that
 * submitted it, or of a controller or joint controller party to the agreement it was shared under.
 */
export function auditRules({ can }: AbilityBuilderFor, user: AbilityUser, _now: Date) {
  if (hasRole(user, "DATA_PROTECTION_OFFICER")) {
    can(["read", "export", "verify"], "AuditTrail");
    can("read", "DataProtectionOversight");
    can("oversee", "Submission", { organisationId: user.organisationId });
    can("oversee", "Submission", {
      agreement: {
        is: {
          parties: { some: { organisationId: user.organisationId, role: { in: ["CONTROLLER", "JOINT_CONTROLLER"] } } },
        },
      },
    });
  }
  if (hasRole(user, "SYSTEM_ADMINISTRATOR")) {
    can(["read", "export", "verify"], "AuditTrail");
  }
}

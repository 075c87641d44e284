import type { AbilityBuilderFor } from "../ability.server";
import type { AbilityUser } from "../roles";

/** Who may do what with audit. (Filled in by the audit module.) */
export function auditRules(_builder: AbilityBuilderFor, _user: AbilityUser, _now: Date) {}

import type { AbilityBuilderFor } from "../ability.server";
import type { AbilityUser } from "../roles";

/** Who may do what with agreements. (Filled in by the agreements module.) */
export function agreementRules(_builder: AbilityBuilderFor, _user: AbilityUser, _now: Date) {}

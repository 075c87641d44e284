import type { AbilityBuilderFor } from "../ability.server";
import type { AbilityUser } from "../roles";

/** Who may do what with intelligence. (Filled in by the intelligence module.) */
export function intelligenceRules(_builder: AbilityBuilderFor, _user: AbilityUser, _now: Date) {}

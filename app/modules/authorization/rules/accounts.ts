import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, type AbilityUser } from "../roles";

/** Everyone may see and end their own sessions and read their own account and organisation. */
export function accountRules({ can }: AbilityBuilderFor, user: AbilityUser) {
  can("read", "User", { id: user.id });
  can(["read", "end"], "Session", { userId: user.id });
  can("read", "Organisation", { id: user.organisationId });
}

/** System administrators run organisations and accounts; that role alone shows no intelligence. */
export function administrationRules({ can, cannot }: AbilityBuilderFor, user: AbilityUser) {
  if (!hasRole(user, "SYSTEM_ADMINISTRATOR")) return;
  can("read", "AdminArea");
  can(["read", "create", "update"], "Organisation");
  can(["read", "create", "update", "disable", "resetMfa"], "User");
  // An administrator cannot lock themselves out.
  cannot(["disable", "resetMfa"], "User", { id: user.id });
}

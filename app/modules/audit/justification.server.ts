import { env } from "~/utils/env.server";

/** Whether consultation and disclosure must state a justification (AUDIT_REQUIRE_JUSTIFICATION). */
export function justificationRequired(): boolean {
  return env().AUDIT_REQUIRE_JUSTIFICATION;
}

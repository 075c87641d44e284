import type { AuthenticatedRequest } from "~/modules/auth/auth.server";

/** What the intelligence module needs from a signed-in request. Refusals use authorization's deny(). */
export type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

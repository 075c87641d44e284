import type { ProfileVersionStatus } from "~/generated/prisma/enums";

/** Shown by the profile pages, so outside profiles.server.ts (a .server module never reaches the browser). */
export const VERSION_STATUS_LABELS: Record<ProfileVersionStatus, string> = {
  DRAFT: "Draft",
  AWAITING_APPROVAL: "Awaiting approval",
  PUBLISHED: "Published",
  REJECTED: "Rejected",
  SUPERSEDED: "Superseded",
};

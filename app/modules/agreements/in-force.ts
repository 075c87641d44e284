import type { Prisma } from "~/generated/prisma/client";
import { clock } from "~/utils/clock";

/**
 * An agreement is in force when it is ACTIVE and `now` lies between its start and end dates.
 * Checked in every query rather than by a job flipping statuses, so expiry takes effect on the next
 * request with nothing to wait for. (The scheduled job in ./jobs.server.ts later stores EXPIRED,
 * with history and audit; nothing here depends on it having run.)
 */
export function agreementInForceWhere(now: Date): Prisma.AgreementWhereInput {
  return { status: "ACTIVE", startDate: { lte: now }, endDate: { gt: now } };
}

export function isAgreementInForce(
  agreement: { status: string; startDate: Date; endDate: Date },
  now = clock.now(),
): boolean {
  return agreement.status === "ACTIVE" && agreement.startDate <= now && agreement.endDate > now;
}

import type { ScheduledJob } from "~/modules/jobs/scheduler.server";
import { expireLapsedAgreements } from "./lifecycle.server";

/**
 * Agreement status by date: stores EXPIRED (with history and audit) on agreements past their end
 * date. Pages never do this (a GET has no side effect but its own audit event), and access never
 * depends on it having run: every query decides "in force" from the dates (agreementInForceWhere).
 */
export const agreementStatusByDateJob: ScheduledJob = {
  name: "agreements.status-by-date",
  everyMs: 5 * 60 * 1000,
  async run(now) {
    await expireLapsedAgreements(now);
  },
};

import { integrityCheckJob } from "~/modules/audit/integrity.server";
import { auditSealingJob } from "~/modules/audit/sealing.server";
import { agreementStatusByDateJob } from "~/modules/agreements/jobs.server";
import type { ScheduledJob } from "./scheduler.server";

/**
 * Every job the app schedules. Each domain module exports its job; this list is the one place
 * they are gathered, so an operator can read what runs in the background.
 */
export const SCHEDULED_JOBS: readonly ScheduledJob[] = [auditSealingJob, integrityCheckJob, agreementStatusByDateJob];

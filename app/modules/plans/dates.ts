import { ukLocalToUtc, utcToUkLocal } from "~/utils/dates";

/**
 * Due dates are calendar days in the UK: stored as the start of the day in Europe/London, and an
 * action is overdue from the start of the day after its due date. Overdue is computed, never stored.
 */

/** The start of today (Europe/London) at `now`: an open action due before this is overdue. */
export function startOfUkDay(now: Date): Date {
  return ukLocalToUtc(utcToUkLocal(now).date, null)!;
}

const CLOSED_STATUSES = new Set(["COMPLETED", "CANCELLED"]);

export function isOverdue(action: { dueDate: Date | string; status: string }, now: Date): boolean {
  return !CLOSED_STATUSES.has(action.status) && new Date(action.dueDate) < startOfUkDay(now);
}

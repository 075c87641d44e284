import { z } from "zod";
import { ukDay, ukDayEnd, ukDayStart } from "~/utils/dates";
import { clock } from "~/utils/clock";
import { optionalDateInput } from "~/utils/date-input";

/** A reporting period: London days from and to (inclusive); the last 30 days unless given. */
export const DEFAULT_PERIOD_DAYS = 30;
const MAX_PERIOD_DAYS = 366;

/** Dates as GOV.UK date inputs (from-day, from-month, from-year), or "YYYY-MM-DD" from links. */
export const periodSchema = z
  .object({ from: optionalDateInput("Date from"), to: optionalDateInput("Date to") })
  .transform((p, ctx) => {
    const today = ukDay(clock.now());
    const to = p.to ?? today;
    const from = p.from ?? ukDay(new Date(ukDayStart(to)!.getTime() - (DEFAULT_PERIOD_DAYS - 1) * 86_400_000));
    const start = ukDayStart(from)!;
    const end = ukDayEnd(to)!;
    if (start >= end) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Date to must be the same as or after date from" });
      return z.NEVER;
    }
    if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * 86_400_000 + 3_600_000) {
      ctx.addIssue({ code: "custom", path: ["from"], message: `The period must be ${MAX_PERIOD_DAYS} days or shorter` });
      return z.NEVER;
    }
    return { fromDay: from, toDay: to, from: start, to: end };
  });

export type Period = z.infer<typeof periodSchema>;

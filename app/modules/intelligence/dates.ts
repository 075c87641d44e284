/**
 * Partners give dates and times as they saw them, in UK time. Stored in UTC; shown in UK time.
 * The offset (GMT or BST) is found with Intl, so no time-zone library is needed.
 */
const UK_TIME_ZONE = "Europe/London";

function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: UK_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** "2026-03-29" + "01:30" in UK time → the UTC instant; null for impossible dates or times. */
export function ukLocalToUtc(date: string, time: string | null): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return null;
  const t = time ? /^(\d{1,2}):(\d{2})$/.exec(time) : null;
  if (time && !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = t ? [Number(t[1]), Number(t[2])] : [0, 0];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // Take the offset at the naive instant, then correct once for a change across the boundary.
  const first = naive - londonOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - londonOffsetMinutes(new Date(first)) * 60_000);
}

/** The UK calendar date ("2026-03-29") and time ("01:30") of an instant, for re-filling forms. */
export function utcToUkLocal(at: Date): { date: string; time: string } {
  const local = new Date(at.getTime() + londonOffsetMinutes(at) * 60_000);
  const iso = local.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const DISPLAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
});
const DISPLAY_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** "29 March 2026" */
export function formatUkDate(at: Date | string | null | undefined): string {
  return at ? DISPLAY.format(new Date(at)) : "";
}

/** "29 March 2026 at 14:05" */
export function formatUkDateTime(at: Date | string | null | undefined): string {
  if (!at) return "";
  return DISPLAY_TIME.format(new Date(at)).replace(", ", " at ");
}

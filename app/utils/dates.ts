/**
 * The one place dates and times are formatted and read. Everything is shown in UK time (GMT or
 * BST, Europe/London) and 24-hour, as GOV.UK style writes it: "29 March 2026" and
 * "29 March 2026 at 14:05". Stored instants are UTC. Formatting is the same on the server and in
 * the browser because the time zone is fixed, not taken from the machine.
 *
 * No date library is installed, so this uses Intl, which knows the UK clock changes.
 */
const UK_TIME_ZONE = "Europe/London";

/** A missing date formats as "" so optional fields can be passed straight through. */
type DateLike = Date | string | null | undefined;

function format(formatter: (at: Date) => string, value: DateLike): string {
  if (value === null || value === undefined || value === "") return "";
  return formatter(typeof value === "string" ? new Date(value) : value);
}

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

function ukParts(at: Date): Record<"year" | "month" | "day" | "hour" | "minute" | "second", number> {
  const parts = Object.fromEntries(partsFormatter.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes UK time is ahead of UTC at `at` (0 in GMT, 60 in BST). */
function ukOffsetMinutes(at: Date): number {
  const p = ukParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: UK_TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: UK_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const TIME_SECONDS = new Intl.DateTimeFormat("en-GB", {
  timeZone: UK_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "29 March 2026". */
export function formatDate(value: DateLike): string {
  return format((at) => DAY.format(at), value);
}

/** "29 March 2026 at 14:05" (24-hour, UK time). */
export function formatDateTime(value: DateLike): string {
  return format((at) => `${DAY.format(at)} at ${TIME.format(at)}`, value);
}

/** "29 March 2026 at 14:05:09": the audit trail, where the second matters. */
export function formatDateTimeSeconds(value: DateLike): string {
  return format((at) => `${DAY.format(at)} at ${TIME_SECONDS.format(at)}`, value);
}

/** "14:05" (24-hour, UK time). */
export function formatTime(value: DateLike): string {
  return format((at) => TIME.format(at), value);
}

/** The UK calendar day of an instant, "2026-03-29", for forms and query strings. */
export function ukDay(at: Date): string {
  const p = ukParts(at);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** The UK calendar date ("2026-03-29") and time ("01:30") of an instant, for re-filling forms. */
export function utcToUkLocal(at: Date): { date: string; time: string } {
  const p = ukParts(at);
  return { date: ukDay(at), time: `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}` };
}

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

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
  if (check.getUTCFullYear() !== year || check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  // Take the offset at the naive instant, then correct once in case the clocks change in between.
  const first = naive - ukOffsetMinutes(new Date(naive)) * 60_000;
  return new Date(naive - ukOffsetMinutes(new Date(first)) * 60_000);
}

/** The instant a UK calendar day starts; null if `day` is not a real YYYY-MM-DD date. */
export function ukDayStart(day: string): Date | null {
  return ISO_DAY.test(day) ? ukLocalToUtc(day, null) : null;
}

/** The instant the UK day after `day` starts (for inclusive "to" dates); 23 or 25 hours on clock-change days. */
export function ukDayEnd(day: string): Date | null {
  const start = ukDayStart(day);
  if (!start) return null;
  return ukDayStart(ukDay(new Date(start.getTime() + 36 * 3600_000)));
}

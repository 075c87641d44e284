/**
 * Dates on the DPO screens are UK dates: a day typed as 2026-03-29 means that day in Europe/London,
 * across the clock changes. Stored times are UTC instants.
 */
const LONDON = "Europe/London";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes London is ahead of UTC at `instant` (0 or 60). */
function londonOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The instant a London calendar day starts; null if `day` is not a real YYYY-MM-DD date. */
export function londonDayStart(day: string): Date | null {
  if (!ISO_DAY.test(day)) return null;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const guess = new Date(Date.UTC(y, m - 1, d));
  if (guess.getUTCFullYear() !== y || guess.getUTCMonth() !== m - 1 || guess.getUTCDate() !== d) return null;
  const first = new Date(guess.getTime() - londonOffsetMinutes(guess) * 60_000);
  // Re-check at the candidate instant in case the offset changes that night.
  return new Date(guess.getTime() - londonOffsetMinutes(first) * 60_000);
}

/** The instant the London day after `day` starts (for inclusive "to" dates). */
export function londonDayEnd(day: string): Date | null {
  const start = londonDayStart(day);
  if (!start) return null;
  const next = new Date(start.getTime() + 36 * 3600_000);
  return londonDayStart(londonDay(next));
}

/** The London calendar day (YYYY-MM-DD) of an instant. */
export function londonDay(instant: Date): string {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const displayFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: LONDON,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** "28 Nov 2026, 21:40:03" in London time. */
export function formatLondonTime(instant: Date | string): string {
  return displayFormatter.format(typeof instant === "string" ? new Date(instant) : instant);
}

const dayFormatter = new Intl.DateTimeFormat("en-GB", { timeZone: LONDON, day: "numeric", month: "long", year: "numeric" });

export function formatLondonDate(instant: Date | string): string {
  return dayFormatter.format(typeof instant === "string" ? new Date(instant) : instant);
}

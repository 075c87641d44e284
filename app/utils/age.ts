const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * How long something has been waiting, as a person says it: "under an hour", "5 hours", "3 days",
 * "6 weeks". Computed on the server from `clock.now()` so the page and its tests agree.
 */
export function describeAge(since: Date | string, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - new Date(since).getTime());
  if (elapsed < HOUR) return "under an hour";
  if (elapsed < DAY) return plural(Math.floor(elapsed / HOUR), "hour");
  if (elapsed < 14 * DAY) return plural(Math.floor(elapsed / DAY), "day");
  return plural(Math.floor(elapsed / (7 * DAY)), "week");
}

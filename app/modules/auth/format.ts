/** Dates and times as GOV.UK style writes them ("4 June 2026 at 2:05pm"), always in UK time. */
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { hour: "numeric", minute: "2-digit", hour12: true, timeZone: "Europe/London" });

export function formatDateTime(date: Date): string {
  return `${dateFormat.format(date)} at ${timeFormat.format(date).replace(/\s/g, "").toLowerCase()}`;
}

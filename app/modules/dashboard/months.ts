/** The last twelve calendar months (UTC) up to and including the one `now` is in. */
export interface Month {
  start: Date;
  end: Date;
  /** "January 2026" */
  label: string;
  /** "Jan 26" */
  axisLabel: string;
}

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function lastTwelveMonths(now: Date): Month[] {
  const months: Month[] = [];
  for (let back = 11; back >= 0; back -= 1) {
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const name = MONTH_NAMES[start.getUTCMonth()]!;
    months.push({
      start,
      end,
      label: `${name} ${start.getUTCFullYear()}`,
      axisLabel: `${name.slice(0, 3)} ${String(start.getUTCFullYear()).slice(2)}`,
    });
  }
  return months;
}

/**
 * The arithmetic of a value axis: a "nice" maximum and evenly spaced ticks (1, 2, 2.5 or 5 times a
 * power of ten), so gridlines fall on round numbers whatever the data.
 */
export function niceTicks(maxValue: number, targetCount = 4): number[] {
  if (!(maxValue > 0)) return [0, 1];
  const rough = maxValue / targetCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = 0; tick < maxValue + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if (ticks.at(-1)! < maxValue) ticks.push(Number((ticks.at(-1)! + step).toPrecision(12)));
  return ticks;
}

/** A linear scale from [0, domainMax] onto [rangeStart, rangeEnd]. */
export function linearScale(domainMax: number, rangeStart: number, rangeEnd: number) {
  const span = domainMax > 0 ? domainMax : 1;
  return (value: number) => rangeStart + ((rangeEnd - rangeStart) * value) / span;
}

export function formatNumber(value: number): string {
  return value.toLocaleString("en-GB");
}

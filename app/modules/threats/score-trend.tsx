import { MAX_SCORE } from "./scoring";

const WIDTH = 300;
const HEIGHT = 80;
const PAD = 6;

/**
 * A small server-rendered sparkline of the scores over time (the history table beside it is the
 * accessible alternative, so this is labelled and not read out point by point).
 */
export function ScoreTrend({ points }: { points: { at: string | Date; score: number }[] }) {
  if (points.length < 2) return null;
  const times = points.map((p) => new Date(p.at).getTime());
  const first = Math.min(...times);
  const span = Math.max(...times) - first || 1;
  const xy = points.map((p, i) => {
    const x = PAD + ((times[i]! - first) / span) * (WIDTH - 2 * PAD);
    const y = HEIGHT - PAD - (p.score / MAX_SCORE) * (HEIGHT - 2 * PAD);
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  });
  const last = points.at(-1)!.score;
  const trend = last > points[0]!.score ? "rising" : last < points[0]!.score ? "falling" : "level";
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-4">
      <svg width="100%" style={{ maxWidth: WIDTH }} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="score-trend-title score-trend-desc">
        <title id="score-trend-title">Score trend</title>
        <desc id="score-trend-desc">{`${points.length} scorings, from ${points[0]!.score} to ${last}: ${trend}. Every scoring is in the table below.`}</desc>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill="#f3f2f1" />
        <polyline points={xy.map(([x, y]) => `${x},${y}`).join(" ")} fill="none" stroke="#1d70b8" strokeWidth="3" />
        {xy.map(([x, y], i) => (
          <circle key={i} cx={x} cy={y} r="4" fill="#0b0c0c" />
        ))}
      </svg>
      <figcaption className="govuk-body-s">Score trend: {trend} ({points.map((p) => p.score).join(", ")}).</figcaption>
    </figure>
  );
}

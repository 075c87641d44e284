import { scaleLinear, scaleTime } from "d3-scale";
import { line } from "d3-shape";
import { CHART_COLOURS } from "~/components/charts/chart";
import { MAX_SCORE } from "./scoring";

const WIDTH = 300;
const HEIGHT = 80;
const PAD = 6;

/**
 * A small server-rendered sparkline of the scores over time (the history table beside it is the
 * accessible alternative, so this is labelled and not read out point by point): time across on a
 * d3 time scale, score up on a linear scale to the highest possible score, joined by a d3 line.
 */
export function ScoreTrend({ points }: { points: { at: string | Date; score: number }[] }) {
  if (points.length < 2) return null;
  const times = points.map((p) => new Date(p.at));
  const x = scaleTime()
    .domain([Math.min(...times.map(Number)), Math.max(...times.map(Number))])
    .range([PAD, WIDTH - PAD]);
  const y = scaleLinear()
    .domain([0, MAX_SCORE])
    .range([HEIGHT - PAD, PAD]);
  const xy = points.map((p, i): [number, number] => [Math.round(x(times[i]!) * 10) / 10, Math.round(y(p.score) * 10) / 10]);
  const path = line()(xy);
  const last = points.at(-1)!.score;
  const trend = last > points[0]!.score ? "rising" : last < points[0]!.score ? "falling" : "level";
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-4">
      <svg width="100%" style={{ maxWidth: WIDTH }} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="score-trend-title score-trend-desc">
        <title id="score-trend-title">Score trend</title>
        <desc id="score-trend-desc">{`${points.length} scorings, from ${points[0]!.score} to ${last}: ${trend}. Every scoring is in the table below.`}</desc>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} fill={CHART_COLOURS.background} />
        {path ? <path d={path} fill="none" stroke={CHART_COLOURS.data} strokeWidth="3" /> : null}
        {xy.map(([cx, cy], i) => (
          <circle key={i} cx={cx} cy={cy} r="4" fill={CHART_COLOURS.text} />
        ))}
      </svg>
      <figcaption className="govuk-body-s">Score trend: {trend} ({points.map((p) => p.score).join(", ")}).</figcaption>
    </figure>
  );
}

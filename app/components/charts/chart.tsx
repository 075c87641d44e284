import { useId, type ReactNode } from "react";
import { formatNumber, linearScale, niceTicks } from "./scale";

/**
 * Server-rendered SVG charts: they show without client JavaScript, scale to the width of the page
 * (320 px included) through their viewBox, carry a <title> and <desc> for assistive technology, and
 * always come with the same numbers as a table ("Show the data as a table").
 */
export interface ChartDatum {
  /** The full label (table and description). */
  label: string;
  /** A shorter label for the axis, e.g. "Jan 26" for "January 2026". */
  axisLabel?: string;
  value: number;
}

interface ChartProps {
  /** The chart's heading (also its accessible name). */
  title: string;
  /** One sentence on what the chart shows, read by screen readers and shown as a hint. */
  description: string;
  data: ChartDatum[];
  /** Column headings of the table alternative. */
  labelHeading: string;
  valueHeading: string;
  headingLevel?: 2 | 3;
  /** Shown instead of an empty chart. */
  emptyText?: string;
}

const WIDTH = 640;
const HEIGHT = 280;
const MARGIN = { top: 20, right: 16, bottom: 48, left: 56 };
const BAR_COLOUR = "#1d70b8";
const TEXT_COLOUR = "#0b0c0c";
const GRID_COLOUR = "#b1b4b6";

function Frame({ title, description, data, labelHeading, valueHeading, headingLevel = 2, emptyText, children }: ChartProps & { children: (ids: { title: string; desc: string }) => ReactNode }) {
  const id = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const ids = { title: `chart-${id}-title`, desc: `chart-${id}-desc` };
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const total = data.reduce((sum, d) => sum + d.value, 0);
  return (
    <div className="app-chart govuk-!-margin-bottom-8" data-chart={title}>
      <Heading className={headingLevel === 2 ? "govuk-heading-m" : "govuk-heading-s"}>{title}</Heading>
      <p className="govuk-body govuk-hint">{description}</p>
      {data.length === 0 || (total === 0 && emptyText) ? (
        <p className="govuk-body">{emptyText ?? "Nothing to show yet."}</p>
      ) : (
        children(ids)
      )}
      <details className="govuk-details">
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Show the data as a table</span>
        </summary>
        <div className="govuk-details__text">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--s">{title}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">{labelHeading}</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">{valueHeading}</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {data.map((d) => (
                <tr key={d.label} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header">{d.label}</th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{formatNumber(d.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function ValueAxis({ ticks, y }: { ticks: number[]; y: (v: number) => number }) {
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={GRID_COLOUR} strokeWidth={1} />
          <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={13} fill={TEXT_COLOUR}>
            {formatNumber(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

function CategoryLabels({ data, x, band }: { data: ChartDatum[]; x: (i: number) => number; band: number }) {
  // Long category names are shortened in the picture only; the table has them in full.
  const maxChars = Math.max(4, Math.floor(band / 6.5));
  return (
    <g aria-hidden="true">
      {data.map((d, i) => {
        const label = d.axisLabel ?? d.label;
        return (
          <text key={d.label} x={x(i) + band / 2} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize={12} fill={TEXT_COLOUR}>
            {label.length > maxChars ? `${label.slice(0, maxChars - 1)}…` : label}
          </text>
        );
      })}
    </g>
  );
}

/** A vertical bar chart of one series. */
export function BarChart(props: ChartProps) {
  const { data } = props;
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const y = linearScale(ticks.at(-1)!, HEIGHT - MARGIN.bottom, MARGIN.top);
  const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, data.length);
  const x = (i: number) => MARGIN.left + i * band;
  return (
    <Frame {...props}>
      {(ids) => (
        <svg className="app-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${ids.title} ${ids.desc}`} focusable="false">
          <title id={ids.title}>{props.title}</title>
          <desc id={ids.desc}>{`${props.description} ${data.map((d) => `${d.label}: ${formatNumber(d.value)}`).join("; ")}.`}</desc>
          <ValueAxis ticks={ticks} y={y} />
          <g aria-hidden="true">
            {data.map((d, i) => (
              <g key={d.label}>
                <rect x={x(i) + band * 0.15} width={band * 0.7} y={y(d.value)} height={y(0) - y(d.value)} fill={BAR_COLOUR} />
                <text x={x(i) + band / 2} y={y(d.value) - 4} textAnchor="middle" fontSize={12} fill={TEXT_COLOUR}>
                  {formatNumber(d.value)}
                </text>
              </g>
            ))}
          </g>
          <CategoryLabels data={data} x={x} band={band} />
        </svg>
      )}
    </Frame>
  );
}

/** A line chart of one series over ordered categories (months). */
export function LineChart(props: ChartProps) {
  const { data } = props;
  const ticks = niceTicks(Math.max(0, ...data.map((d) => d.value)));
  const y = linearScale(ticks.at(-1)!, HEIGHT - MARGIN.bottom, MARGIN.top);
  const band = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, data.length);
  const x = (i: number) => MARGIN.left + i * band;
  const points = data.map((d, i) => `${x(i) + band / 2},${y(d.value)}`).join(" ");
  return (
    <Frame {...props}>
      {(ids) => (
        <svg className="app-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${ids.title} ${ids.desc}`} focusable="false">
          <title id={ids.title}>{props.title}</title>
          <desc id={ids.desc}>{`${props.description} ${data.map((d) => `${d.label}: ${formatNumber(d.value)}`).join("; ")}.`}</desc>
          <ValueAxis ticks={ticks} y={y} />
          <g aria-hidden="true">
            <polyline points={points} fill="none" stroke={BAR_COLOUR} strokeWidth={3} />
            {data.map((d, i) => (
              <circle key={d.label} cx={x(i) + band / 2} cy={y(d.value)} r={4} fill={BAR_COLOUR} />
            ))}
          </g>
          <CategoryLabels data={data} x={x} band={band} />
        </svg>
      )}
    </Frame>
  );
}

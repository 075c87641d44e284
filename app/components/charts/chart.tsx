import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import { useId, type ReactNode } from "react";

/**
 * Server-rendered SVG charts: d3-scale places the bars, points and gridlines and d3-shape draws the
 * line, while React writes the SVG, so a chart shows without client JavaScript. They scale to the
 * width of the page (320 px included) through their viewBox, carry a <title> and <desc> for
 * assistive technology, and always come with the same numbers as a table ("Show the data as a table").
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
/** GOV.UK Design System colours: blue for data, black text, mid-grey gridlines. */
export const CHART_COLOURS = { data: "#1d70b8", text: "#0b0c0c", grid: "#b1b4b6", background: "#f3f2f1" } as const;

export function formatNumber(value: number): string {
  return value.toLocaleString("en-GB");
}

/** The value axis: from 0 to a round maximum, with about four round ticks. */
function valueScale(data: ChartDatum[]) {
  const max = Math.max(0, ...data.map((d) => d.value));
  return scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(4)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
}

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

/** The picture itself: an SVG named by its title and described by its description and every value. */
function ChartSvg({ ids, title, description, data, children }: { ids: { title: string; desc: string }; title: string; description: string; data: ChartDatum[]; children: ReactNode }) {
  return (
    <svg className="app-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${ids.title} ${ids.desc}`} focusable="false">
      <title id={ids.title}>{title}</title>
      <desc id={ids.desc}>{`${description} ${data.map((d) => `${d.label}: ${formatNumber(d.value)}`).join("; ")}.`}</desc>
      {children}
    </svg>
  );
}

function ValueAxis({ y }: { y: ReturnType<typeof valueScale> }) {
  // Counts are whole numbers: no gridline at 0.5.
  const ticks = y.ticks(4).filter(Number.isInteger);
  return (
    <g aria-hidden="true">
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke={CHART_COLOURS.grid} strokeWidth={1} />
          <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" fontSize={13} fill={CHART_COLOURS.text}>
            {formatNumber(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

function CategoryLabels({ data, centre, step }: { data: ChartDatum[]; centre: (label: string) => number; step: number }) {
  // Long category names are shortened in the picture only; the table has them in full.
  const maxChars = Math.max(4, Math.floor(step / 7.5));
  return (
    <g aria-hidden="true">
      {data.map((d) => {
        const label = d.axisLabel ?? d.label;
        return (
          <text key={d.label} x={centre(d.label)} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize={12} fill={CHART_COLOURS.text}>
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
  const y = valueScale(data);
  const x = scaleBand<string>()
    .domain(data.map((d) => d.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .paddingInner(0.3)
    .paddingOuter(0.15);
  const centre = (label: string) => (x(label) ?? 0) + x.bandwidth() / 2;
  return (
    <Frame {...props}>
      {(ids) => (
        <ChartSvg ids={ids} title={props.title} description={props.description} data={data}>
          <ValueAxis y={y} />
          <g aria-hidden="true">
            {data.map((d) => (
              <g key={d.label}>
                <rect x={x(d.label)} width={x.bandwidth()} y={y(d.value)} height={y(0) - y(d.value)} fill={CHART_COLOURS.data} />
                <text x={centre(d.label)} y={y(d.value) - 4} textAnchor="middle" fontSize={12} fill={CHART_COLOURS.text}>
                  {formatNumber(d.value)}
                </text>
              </g>
            ))}
          </g>
          <CategoryLabels data={data} centre={centre} step={x.step()} />
        </ChartSvg>
      )}
    </Frame>
  );
}

/** A line chart of one series over ordered categories (months). */
export function LineChart(props: ChartProps) {
  const { data } = props;
  const y = valueScale(data);
  const x = scalePoint<string>()
    .domain(data.map((d) => d.label))
    .range([MARGIN.left, WIDTH - MARGIN.right])
    .padding(0.5);
  const centre = (label: string) => x(label) ?? 0;
  const path = line<ChartDatum>()
    .x((d) => centre(d.label))
    .y((d) => y(d.value))(data);
  return (
    <Frame {...props}>
      {(ids) => (
        <ChartSvg ids={ids} title={props.title} description={props.description} data={data}>
          <ValueAxis y={y} />
          <g aria-hidden="true">
            {path ? <path d={path} fill="none" stroke={CHART_COLOURS.data} strokeWidth={3} /> : null}
            {data.map((d) => (
              <circle key={d.label} cx={centre(d.label)} cy={y(d.value)} r={4} fill={CHART_COLOURS.data} />
            ))}
          </g>
          <CategoryLabels data={data} centre={centre} step={x.step()} />
        </ChartSvg>
      )}
    </Frame>
  );
}

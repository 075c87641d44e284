import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "~/components/navigation";
import { ScrollableTable } from "~/components/table";
import { ThreatSections } from "~/components/threats";
import { requireUser } from "~/modules/auth/auth.server";
import { CHART_HEIGHT, CHART_WIDTH } from "~/modules/threats/link-chart";
import { threatLinkChart } from "~/modules/threats/threats.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Threat link chart – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return threatLinkChart(auth, idParam(params));
}

const NODE_STYLE = {
  threat: { fill: "#d4351c", r: 18, name: "Threat" },
  intelligence: { fill: "#1d70b8", r: 11, name: "Intelligence" },
  entity: { fill: "#00703c", r: 11, name: "Entity" },
} as const;

export default function ThreatChart() {
  const { threat, nodes, edges } = useLoaderData<typeof loader>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const entities = nodes.filter((n) => n.kind === "entity").length;
  const intelligence = nodes.filter((n) => n.kind === "intelligence").length;
  return (
    <>
      <Breadcrumbs items={[{ label: "Threats", to: "/threats" }, { label: threat.reference, to: `/threats/${threat.id}` }]} />
      <span className="govuk-caption-l">{threat.reference}</span>
      <h1 className="govuk-heading-l">Link chart: {threat.title}</h1>
      <ThreatSections id={threat.id} current="/chart" />
      <p className="govuk-body">
        The threat (red), the intelligence linked to it that you may see (blue) and the people, vehicles and identifiers (green), joined where
        an analyst linked them or the intelligence mentions them. The tables below list every node and link.
      </p>
      {/* Kept legible at 320 px: it scrolls in its own box, which keyboard users can scroll too. */}
      <ScrollableTable label="Link chart">
        <svg viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`} width="100%" style={{ minWidth: 320, maxWidth: CHART_WIDTH }} role="img" aria-labelledby="chart-title chart-desc" data-testid="link-chart">
          <title id="chart-title">{`Link chart of ${threat.reference}`}</title>
          <desc id="chart-desc">{`${intelligence} pieces of intelligence and ${entities} entities, with ${edges.length} links. Listed in the tables after the chart.`}</desc>
          <rect x="0" y="0" width={CHART_WIDTH} height={CHART_HEIGHT} fill="#ffffff" stroke="#b1b4b6" />
          {edges.map((e, i) => {
            const a = byId.get(e.from);
            const b = byId.get(e.to);
            return a && b ? <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke="#505a5f" strokeWidth="1.5" /> : null;
          })}
          {nodes.map((n) => (
            <g key={n.id}>
              <circle cx={n.x} cy={n.y} r={NODE_STYLE[n.kind].r} fill={NODE_STYLE[n.kind].fill} stroke="#0b0c0c" />
              <text x={n.x} y={n.y + NODE_STYLE[n.kind].r + 14} textAnchor="middle" fontSize="12" fill="#0b0c0c">
                {n.label.length > 24 ? `${n.label.slice(0, 23)}…` : n.label}
              </text>
            </g>
          ))}
        </svg>
      </ScrollableTable>
      <table className="govuk-table" data-testid="chart-nodes">
        <caption className="govuk-table__caption govuk-table__caption--m">Nodes</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Node</th>
            <th scope="col" className="govuk-table__header">Kind</th>
            <th scope="col" className="govuk-table__header">Detail</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {nodes.map((n) => (
            <tr key={n.id} className="govuk-table__row">
              <td className="govuk-table__cell">
                {n.href ? (
                  <Link className="govuk-link" to={n.href}>
                    {n.label}
                  </Link>
                ) : (
                  n.label
                )}
              </td>
              <td className="govuk-table__cell">{NODE_STYLE[n.kind].name}</td>
              <td className="govuk-table__cell">{n.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="govuk-table" data-testid="chart-edges">
        <caption className="govuk-table__caption govuk-table__caption--m">Links</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">From</th>
            <th scope="col" className="govuk-table__header">Link</th>
            <th scope="col" className="govuk-table__header">To</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {edges.map((e, i) => (
            <tr key={i} className="govuk-table__row">
              <td className="govuk-table__cell">{byId.get(e.from)?.label}</td>
              <td className="govuk-table__cell">{e.label}</td>
              <td className="govuk-table__cell">{byId.get(e.to)?.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Select } from "~/components/form";
import { DownloadLinks, Pagination } from "~/components/navigation";
import { PriorityTag, ThreatStatusTag } from "~/components/threats";
import { requireUser } from "~/modules/auth/auth.server";
import { ScrollableTable } from "~/components/table";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { threatListQuery } from "~/modules/threats/forms.server";
import { THREAT_KIND_LABELS, THREAT_PRIORITY_LABELS, THREAT_STATUS_LABELS } from "~/modules/threats/labels";
import { listThreats } from "~/modules/threats/threats.server";
import { formatDateTime } from "~/utils/dates";
import { seekParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Threats – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, threatListQuery);
  const filters = { status: query.status, priority: query.priority, kind: query.kind };
  const page = await listThreats(auth, filters, seekParams(query));
  const href = (cursor: string | null, direction: "after" | "before") => {
    if (!cursor) return null;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    params.set(direction, cursor);
    return `/threats?${params.toString()}`;
  };
  return {
    threats: page.items,
    filters,
    next: href(page.next, "after"),
    previous: href(page.previous, "before"),
    canCreate: auth.ability.can("create", "Threat"),
  };
}

const options = (labels: Record<string, string>, anyLabel: string) => [{ value: "", label: anyLabel }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];

export default function Threats() {
  const { threats, filters, next, previous, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Threats</h1>
      <p className="govuk-body">Organised crime groups, county lines, networks and problem locations your force is working on, most recently updated first.</p>
      {canCreate ? (
        <p className="govuk-body">
          <Link className="govuk-button" to="/threats/new" role="button" data-module="govuk-button">
            Record a threat
          </Link>
        </p>
      ) : null}
      <Form method="get" className="govuk-!-margin-bottom-6" aria-label="Filter threats">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select name="status" label="Status" defaultValue={filters.status ?? ""} options={options(THREAT_STATUS_LABELS, "Any status")} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select name="priority" label="Priority" defaultValue={filters.priority ?? ""} options={options(THREAT_PRIORITY_LABELS, "Any priority")} />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select name="kind" label="Kind" defaultValue={filters.kind ?? ""} options={options(THREAT_KIND_LABELS, "Any kind")} />
          </div>
        </div>
        <Button variant="secondary">Apply filters</Button>
      </Form>
      <DownloadLinks path="/threats/export" filters={filters} what="these threats" />
      {threats.length === 0 ? (
        <p className="govuk-body">No threats match.</p>
      ) : (
        <ScrollableTable label="Threats">
          <table className="govuk-table" data-testid="threats">
          <caption className="govuk-table__caption govuk-visually-hidden">Threats, most recently updated first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">Title</th>
              <th scope="col" className="govuk-table__header">Kind and type</th>
              <th scope="col" className="govuk-table__header">Areas</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Priority</th>
              <th scope="col" className="govuk-table__header">Lead analyst</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Linked intelligence</th>
              <th scope="col" className="govuk-table__header">Updated</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {threats.map((t) => (
              <tr key={t.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/threats/${t.id}`}>{t.reference}</Link>
                </td>
                <td className="govuk-table__cell">{t.title}</td>
                <td className="govuk-table__cell">
                  {THREAT_KIND_LABELS[t.kind]}: {THREAT_TYPE_LABELS[t.threatType]}
                </td>
                <td className="govuk-table__cell">{t.areas.map((a) => a.name).join(", ")}</td>
                <td className="govuk-table__cell"><ThreatStatusTag status={t.status} /></td>
                <td className="govuk-table__cell"><PriorityTag priority={t.priority} score={t.priorityScore} /></td>
                <td className="govuk-table__cell">{t.leadAnalyst?.name ?? "None"}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{t.linkedSubmissions}</td>
                <td className="govuk-table__cell">{formatDateTime(t.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollableTable>
      )}
      <Pagination previous={previous} next={next} />
    </>
  );
}


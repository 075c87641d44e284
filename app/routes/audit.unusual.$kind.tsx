import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EventsTable, Pager } from "~/components/audit";
import { DateInput } from "~/components/date-input";
import { Button, ErrorSummary } from "~/components/form";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { audit } from "~/modules/audit/audit.server";
import { periodSchema } from "~/modules/audit/period";
import {
  eventsByIds,
  largeExports,
  outOfHoursEvents,
  privilegeChanges,
  repeatedDenials,
  UNUSUAL_KINDS,
  unusualVolume,
  type UnusualKind,
} from "~/modules/audit/reports.server";
import { eventLabels, pagingSchema, serialiseEvent } from "~/modules/audit/search.server";
import { formatDateTimeSeconds } from "~/utils/dates";
import { zodFieldErrors } from "~/utils/forms.server";
import { z } from "zod";
import { parseParams, parseQuery, safeParseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

const TITLES: Record<UnusualKind, string> = {
  volume: "Users viewing far more records than their colleagues",
  "out-of-hours": "Access outside working hours",
  denied: "Repeated denied attempts",
  exports: "Exports of many records",
  privileges: "Privilege changes",
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? TITLES[data.kind] : "Unusual access"} – Partnership Intelligence Portal` },
];

function searchHref(values: Record<string, string>) {
  return `/audit/events?${new URLSearchParams(Object.entries(values).filter(([, v]) => v)).toString()}`;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { scope, audit: auditContext } = await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  const { kind } = parseParams(params, z.object({ kind: z.enum(UNUSUAL_KINDS) }));
  const { values: typed, result: period } = safeParseQuery(request, periodSchema);
  if (!period.success) return { kind, values: { from: "", to: "", ...typed }, errors: zodFieldErrors(period.error) as Record<string, string> | null, result: null };
  const p = period.data;
  const { before } = parseQuery(request, pagingSchema);

  let result:
    | { type: "volume"; rows: Awaited<ReturnType<typeof unusualVolume>> }
    | { type: "denied"; rows: (Omit<Awaited<ReturnType<typeof repeatedDenials>>[number], "first" | "last"> & { first: string; last: string })[] }
    | { type: "events"; events: ReturnType<typeof serialiseEvent>[]; older: string | null; labels: Awaited<ReturnType<typeof eventLabels>> };
  if (kind === "volume") {
    result = { type: "volume", rows: await unusualVolume(scope, p) };
  } else if (kind === "denied") {
    const rows = await repeatedDenials(scope, p);
    result = { type: "denied", rows: rows.map((r) => ({ ...r, first: r.first.toISOString(), last: r.last.toISOString() })) };
  } else {
    const find = { exports: largeExports, privileges: privilegeChanges, "out-of-hours": outOfHoursEvents }[kind];
    const found = await find(scope, p, before);
    const events = await eventsByIds(scope, found.ids);
    result = { type: "events", events: events.map(serialiseEvent), older: found.older, labels: await eventLabels(scope, events) };
  }
  const count = result.type === "events" ? result.events.length : result.rows.length;
  await audit(auditContext, {
    action: "audit.unusual_access_viewed",
    justification: "AUDIT_INVESTIGATION",
    details: { list: kind, from: p.fromDay, to: p.toDay, rowCount: count },
  });
  return { kind, values: { from: p.fromDay, to: p.toDay }, errors: null, result };
}

export default function UnusualList() {
  const { kind, values, errors, result } = useLoaderData<typeof loader>();
  return (
    <>
      <Link to="/audit/unusual" className="govuk-back-link">
        Back to unusual access
      </Link>
      <ErrorSummary errors={errors ?? undefined} />
      <h1 className="govuk-heading-l">{TITLES[kind]}</h1>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <DateInput name="from" legend="Date from" hint="Leave blank for the last 30 days. For example, 27 3 2026" error={errors?.from} values={values} />
        <DateInput name="to" legend="Date to" error={errors?.to} values={values} />
        <Button>Show</Button>
      </Form>
      {result?.type === "volume" ? (
        result.rows.length === 0 ? (
          <p className="govuk-body">Nobody stands out in this period.</p>
        ) : (
          <ScrollableTable label="Users, most records first">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">Users, most records first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Who</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Records viewed</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Views</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Colleagues&rsquo; average</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {result.rows.map((row) => (
                  <tr key={row.actorUserId} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={searchHref({ person: row.actorEmail ?? "", from: values.from, to: values.to })}>
                        {row.actorEmail}
                      </Link>
                      <span className="govuk-hint govuk-!-margin-0 govuk-body-s">{row.organisationName}</span>
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.records}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.views}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">
                      {row.peerAverage} ({row.peers} {row.peers === 1 ? "colleague" : "colleagues"})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )
      ) : null}
      {result?.type === "denied" ? (
        result.rows.length === 0 ? (
          <p className="govuk-body">No repeated denials in this period.</p>
        ) : (
          <ScrollableTable label="People and addresses, most attempts first">
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-table__caption--m">People and addresses, most attempts first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Who or from where</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Attempts</th>
                  <th scope="col" className="govuk-table__header">First and last (UK time)</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {result.rows.map((row, index) => (
                  <tr key={index} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      {row.actorEmail ? (
                        <Link className="govuk-link" to={searchHref({ person: row.actorEmail, outcome: "DENIED", from: values.from, to: values.to })}>
                          {row.actorEmail}
                        </Link>
                      ) : (
                        `Not signed in, from ${row.ipAddress ?? "an unknown address"}`
                      )}
                      {row.organisationName ? <span className="govuk-hint govuk-!-margin-0 govuk-body-s">{row.organisationName}</span> : null}
                    </td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{row.attempts}</td>
                    <td className="govuk-table__cell">
                      {formatDateTimeSeconds(row.first)} to {formatDateTimeSeconds(row.last)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        )
      ) : null}
      {result?.type === "events" ? (
        <>
          <EventsTable events={result.events} labels={result.labels} caption="Events, newest first" />
          <Pager baseParams={values} newer={null} older={result.older} />
        </>
      ) : null}
    </>
  );
}

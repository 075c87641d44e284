import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { DateInput } from "~/components/date-input";
import { Button, ErrorSummary, Select } from "~/components/form";
import { NotificationBanner } from "~/components/notification-banner";
import { DownloadLinks, Pagination } from "~/components/navigation";
import { pageHref } from "~/components/plans";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { listOutcomes } from "~/modules/outcomes/outcomes.server";
import { outcomeListQuery, type OutcomeListFilters } from "~/modules/plans/forms.server";
import { OUTCOME_KIND_LABELS, OUTCOME_KINDS } from "~/modules/plans/labels";
import { formatPence } from "~/modules/plans/money";
import { seekParams } from "~/utils/keyset";
import { queryFlag } from "~/utils/input";
import { zodFieldErrors } from "~/utils/forms.server";
import { badRequest, parseQuery, safeParseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Outcomes – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  // Dates typed wrongly are shown on their fields (the list is then not limited by date); any other
  // part of the address that does not fit is 400.
  const { values: typed, result } = safeParseQuery(request, outcomeListQuery.extend({ recorded: queryFlag }));
  const errors = result.success ? null : zodFieldErrors(result.error);
  if (errors && Object.keys(errors).some((field) => field !== "from" && field !== "to")) throw badRequest("The web address is not valid.");
  const filters: OutcomeListFilters & { recorded: boolean } = result.success
    ? result.data
    : parseQuery(request, outcomeListQuery.omit({ from: true, to: true }).extend({ recorded: queryFlag }));
  const page = await listOutcomes(auth, filters, seekParams(filters));
  // Money travels as text: BigInt does not survive serialisation to the page.
  return {
    items: page.items.map((o) => ({ ...o, value: o.valuePence === null ? null : formatPence(o.valuePence), valuePence: undefined })),
    totals: page.totals.map((t) => ({ ...t, value: formatPence(t.valuePence), valuePence: undefined })),
    areas: page.areas,
    next: page.next,
    previous: page.previous,
    filters: { areaId: filters.areaId ?? "", kind: filters.kind ?? "", from: filters.from ?? "", to: filters.to ?? "" },
    typed,
    errors,
    recorded: filters.recorded,
    canRecord: auth.ability.can("create", "Outcome"),
  };
}

const MONEY_KINDS = new Set(["DRUGS_SEIZED", "CASH_SEIZED"]);

export default function Outcomes() {
  const { items, totals, areas, next, previous, filters, typed, errors, recorded, canRecord } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  return (
    <>
      {recorded ? <NotificationBanner kind="success" heading="The outcome has been recorded." /> : null}
      <h1 className="govuk-heading-l">Outcomes</h1>
      {canRecord ? (
        <p className="govuk-body">
          <Link className="govuk-button" to="/outcomes/new" role="button" data-module="govuk-button">
            Record an outcome
          </Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors ?? undefined} />
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select name="areaId" label="Area" defaultValue={filters.areaId} options={[{ value: "", label: "All areas" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]} />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select name="kind" label="Kind" defaultValue={filters.kind} options={[{ value: "", label: "All kinds" }, ...OUTCOME_KINDS.map((k) => ({ value: k, label: OUTCOME_KIND_LABELS[k] }))]} />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <DateInput name="from" legend="From" hint="For example, 1 4 2026" values={typed} error={errors?.from} />
          </div>
          <div className="govuk-grid-column-one-half">
            <DateInput name="to" legend="To" hint="For example, 31 3 2027" values={typed} error={errors?.to} />
          </div>
        </div>
        <Button variant="secondary">Filter</Button>
      </Form>
      <DownloadLinks path="/outcomes/export" filters={filters} what="these outcomes" />
      <h2 className="govuk-heading-m">Totals</h2>
      <ScrollableTable label="Totals by kind for the chosen period and area">
        <table className="govuk-table" data-testid="outcome-totals">
          <caption className="govuk-table__caption govuk-visually-hidden">Totals by kind for the chosen period and area</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Kind</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Number</th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {totals.map((t) => (
              <tr key={t.kind} className="govuk-table__row" data-kind={t.kind}>
                <th scope="row" className="govuk-table__header">{OUTCOME_KIND_LABELS[t.kind]}</th>
                <td className="govuk-table__cell govuk-table__cell--numeric">{t.quantity.toLocaleString("en-GB")}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{MONEY_KINDS.has(t.kind) ? t.value : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
      <h2 className="govuk-heading-m">Recorded outcomes</h2>
      {items.length === 0 ? (
        <p className="govuk-body">There are no outcomes to show.</p>
      ) : (
        <ScrollableTable label="Outcomes in the order recorded">
          <table className="govuk-table" data-testid="outcomes">
            <caption className="govuk-table__caption govuk-visually-hidden">Outcomes, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Outcome</th>
                <th scope="col" className="govuk-table__header">Date</th>
                <th scope="col" className="govuk-table__header">Area</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Number</th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">Value</th>
                <th scope="col" className="govuk-table__header">Against</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((o) => (
                <tr key={o.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {OUTCOME_KIND_LABELS[o.kind]}
                    {o.drugType ? `: ${o.drugType}` : ""}
                    {o.sentenceMonths ? ` (${o.sentenceMonths} months)` : ""}
                    <span className="govuk-hint govuk-!-margin-bottom-0">{o.reference}</span>
                  </td>
                  <td className="govuk-table__cell">{formatDate(o.occurredOn)}</td>
                  <td className="govuk-table__cell">{o.area.name}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{o.quantity.toLocaleString("en-GB")}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{o.value ?? ""}</td>
                  <td className="govuk-table__cell">
                    {o.threat ? (
                      <Link className="govuk-link" to={`/threats/${o.threat.id}/plan`}>
                        {o.threat.title}
                      </Link>
                    ) : null}
                    {o.action ? (
                      <>
                        {" "}
                        <Link className="govuk-link" to={`/actions/${o.action.id}`}>
                          {o.action.reference}
                        </Link>
                      </>
                    ) : null}
                    {o.areaPlan ? (
                      <>
                        {" "}
                        <Link className="govuk-link" to={`/area-plans/${o.areaPlan.id}`}>
                          {o.areaPlan.name}
                        </Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <Pagination previous={pageHref(pathname, search, "before", previous)} next={pageHref(pathname, search, "after", next)} />
    </>
  );
}

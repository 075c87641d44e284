import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Button, Select } from "~/components/form";
import { Pagination } from "~/components/navigation";
import { ActionStatusTag, OverdueTag, pageHref } from "~/components/plans";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { isPlanner, listActions } from "~/modules/plans/actions.server";
import { actionListQuery } from "~/modules/plans/forms.server";
import { ACTION_STATUS_LABELS, STRAND_LABELS, STRANDS } from "~/modules/plans/labels";
import { seekParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Actions – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const filters = parseQuery(request, actionListQuery);
  const page = await listActions(auth, filters, seekParams(filters));
  return { ...page, filters: { status: filters.status ?? "", strand: filters.strand ?? "", overdue: filters.overdue }, planner: isPlanner(auth) };
}

export default function Actions() {
  const { items, next, previous, filters, planner } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  return (
    <>
      <h1 className="govuk-heading-l">{planner ? "Your force's 4P actions" : "Your organisation's actions"}</h1>
      <p className="govuk-body">
        {planner
          ? "Actions on your force's threat plans and Clear, Hold, Build plans, whoever owns them."
          : "Actions on 4P and Clear, Hold, Build plans that your organisation owns. Open one to record progress."}
      </p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              defaultValue={filters.status}
              options={[{ value: "", label: "Any status" }, ...Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="strand"
              label="Strand"
              defaultValue={filters.strand}
              options={[{ value: "", label: "Any strand" }, ...STRANDS.map((s) => ({ value: s, label: STRAND_LABELS[s] }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input className="govuk-checkboxes__input" id="overdue" name="overdue" type="checkbox" value="1" defaultChecked={filters.overdue} />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="overdue">
                    Overdue only
                  </label>
                </div>
              </div>
            </div>
          </div>
        </div>
        <Button variant="secondary">Filter</Button>
      </Form>
      {items.length === 0 ? (
        <p className="govuk-body">There are no actions to show.</p>
      ) : (
        <ScrollableTable label="Actions, overdue ones marked">
          <table className="govuk-table" data-testid="actions">
            <caption className="govuk-table__caption govuk-visually-hidden">Actions, overdue ones marked</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Action</th>
                <th scope="col" className="govuk-table__header">Plan</th>
                <th scope="col" className="govuk-table__header">Strand</th>
                <th scope="col" className="govuk-table__header">Owner</th>
                <th scope="col" className="govuk-table__header">Due</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((a) => (
                <tr key={a.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/actions/${a.id}`}>
                      {a.title}
                    </Link>
                    <span className="govuk-hint govuk-!-margin-bottom-0">{a.reference}</span>
                  </td>
                  <td className="govuk-table__cell">{a.threat?.title ?? a.areaPlan?.name}</td>
                  <td className="govuk-table__cell">{STRAND_LABELS[a.strand]}</td>
                  <td className="govuk-table__cell">{a.ownerOrganisation.name}</td>
                  <td className="govuk-table__cell">{formatDate(a.dueDate)}</td>
                  <td className="govuk-table__cell">
                    <ActionStatusTag status={a.status} />
                    <OverdueTag overdue={a.overdue} />
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

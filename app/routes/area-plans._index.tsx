import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { Pagination } from "~/components/navigation";
import { pageHref } from "~/components/plans";
import { requireUser } from "~/modules/auth/auth.server";
import { PHASE_LABELS } from "~/modules/plans/labels";
import { listAreaPlans } from "~/modules/plans/area-plans.server";
import { keysetParams } from "~/utils/keyset";
import { keysetCursorFields } from "~/utils/input";
import { parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Clear, Hold, Build plans – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, z.object(keysetCursorFields));
  const page = await listAreaPlans(auth, keysetParams(query));
  return { ...page, canCreate: auth.ability.can("create", "AreaPlan") };
}

export default function AreaPlans() {
  const { items, next, previous, canCreate } = useLoaderData<typeof loader>();
  const { pathname, search } = useLocation();
  return (
    <>
      <h1 className="govuk-heading-l">Clear, Hold, Build plans</h1>
      <p className="govuk-body">
        Clear a neighbourhood of the most harmful offenders, hold it so others do not fill the gap, and build community resilience with partners.
      </p>
      {canCreate ? (
        <p className="govuk-body">
          <Link className="govuk-button" to="/area-plans/new" role="button" data-module="govuk-button">
            Start a Clear, Hold, Build plan
          </Link>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p className="govuk-body">There are no Clear, Hold, Build plans to show.</p>
      ) : (
        <ScrollableTable label="Clear, Hold, Build plans">
          <table className="govuk-table" data-testid="area-plans">
            <caption className="govuk-table__caption govuk-visually-hidden">Clear, Hold, Build plans</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Plan</th>
                <th scope="col" className="govuk-table__header">Neighbourhood</th>
                <th scope="col" className="govuk-table__header">Phase</th>
                <th scope="col" className="govuk-table__header">Led by</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((p) => (
                <tr key={p.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/area-plans/${p.id}`}>
                      {p.name}
                    </Link>
                    <span className="govuk-hint govuk-!-margin-bottom-0">{p.reference}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {p.neighbourhood}, {p.area.name}
                  </td>
                  <td className="govuk-table__cell">
                    <strong className="govuk-tag govuk-tag--purple">{PHASE_LABELS[p.phase]}</strong>
                  </td>
                  <td className="govuk-table__cell">{p.leadOrganisation.name}</td>
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

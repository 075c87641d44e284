import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollableTable } from "~/components/table";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AgreementStatusTag } from "~/components/agreements/status-tag";
import { audit } from "~/modules/audit/audit.server";
import { PARTY_ROLE_LABELS } from "~/modules/agreements/labels";
import { formatDate } from "~/utils/dates";
import { pluralise } from "~/utils/plural";
import { listRegister, partyOptions, registerFiltersSchema } from "~/modules/agreements/queries.server";
import { requireAgreementAbility } from "~/modules/agreements/route-helpers.server";
import { DISPLAY_STATUS_LABELS, type DisplayStatus } from "~/modules/agreements/status";
import { Button, Select } from "~/components/form";
import { parseQuery } from "~/utils/request.server";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Information sharing agreements – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireAgreementAbility(request, context, "read");
  const now = clock.now();
  const filters = parseQuery(request, registerFiltersSchema);
  const [register, parties] = await Promise.all([listRegister(auth.ability, filters, now), partyOptions(auth.ability)]);
  await audit(auth.audit, {
    action: "agreement.listed",
    recordType: "Agreement",
    details: { count: register.agreements.length, total: register.total, filters: { ...filters } },
  });
  return {
    filters,
    parties,
    total: register.total,
    agreements: register.agreements,
    nextAfter: register.nextAfter,
    previousBefore: register.previousBefore,
    canCreate: auth.ability.can("create", "Agreement"),
  };
}

function pageHref(filters: Record<string, string | undefined>, cursor: { after?: string; before?: string }) {
  const params = new URLSearchParams();
  for (const key of ["status", "party", "reviewDue"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (cursor.after) params.set("after", cursor.after);
  if (cursor.before) params.set("before", cursor.before);
  return `/agreements?${params.toString()}`;
}

export default function AgreementRegister() {
  const { filters, parties, total, agreements, nextAfter, previousBefore, canCreate } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Information sharing agreements</h1>
      <p className="govuk-body">
        The agreements your organisation is party to. Intelligence can only be shared under an agreement that is active,
        between its parties, up to its classification and within its data categories.
      </p>
      {canCreate ? (
        <Link to="/agreements/new" className="govuk-button" data-module="govuk-button">
          Draft a new agreement
        </Link>
      ) : null}

      <Form method="get" className="app-filters">
        <h2 className="govuk-heading-m">Filter agreements</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              name="status"
              label="Status"
              defaultValue={filters.status ?? ""}
              options={[{ value: "", label: "Any status" }, ...(Object.keys(DISPLAY_STATUS_LABELS) as DisplayStatus[]).map((s) => ({ value: s, label: DISPLAY_STATUS_LABELS[s] }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="party"
              label="Party"
              defaultValue={filters.party ?? ""}
              options={[{ value: "", label: "Any party" }, ...parties.map((p) => ({ value: p.id, label: p.name }))]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              name="reviewDue"
              label="Review"
              defaultValue={filters.reviewDue ?? ""}
              options={[
                { value: "", label: "Any review date" },
                { value: "yes", label: "Review due within 30 days or overdue" },
              ]}
            />
          </div>
        </div>
        <Button variant="secondary">Apply filters</Button>
        {filters.status || filters.party || filters.reviewDue ? (
          <p className="govuk-body">
            <Link className="govuk-link" to="/agreements">
              Clear filters
            </Link>
          </p>
        ) : null}
      </Form>

      <ScrollableTable label="Agreements">
        <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {pluralise(total, "agreement")}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Agreement</th>
            <th scope="col" className="govuk-table__header">Parties</th>
            <th scope="col" className="govuk-table__header">Status</th>
            <th scope="col" className="govuk-table__header">Review date</th>
            <th scope="col" className="govuk-table__header">End date</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {agreements.map((agreement) => (
            <tr className="govuk-table__row" key={agreement.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/agreements/${agreement.id}`}>
                  {agreement.title}
                </Link>
                <br />
                <span className="govuk-hint govuk-!-font-size-16">{agreement.reference}</span>
              </td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-font-size-16">
                  {agreement.parties.map((party) => (
                    <li key={party.organisation.name}>
                      {party.organisation.name} ({PARTY_ROLE_LABELS[party.role].toLowerCase()})
                    </li>
                  ))}
                </ul>
              </td>
              <td className="govuk-table__cell">
                <AgreementStatusTag status={agreement.displayStatus} startDate={agreement.startDate} />
              </td>
              <td className="govuk-table__cell app-nowrap">
                {formatDate(agreement.reviewDate)}
                {agreement.reviewOverdue ? (
                  <strong className="govuk-tag govuk-tag--red app-tag-below">Review overdue</strong>
                ) : agreement.reviewDueSoon ? (
                  <strong className="govuk-tag govuk-tag--orange app-tag-below">Review due</strong>
                ) : null}
              </td>
              <td className="govuk-table__cell app-nowrap">
                {formatDate(agreement.endDate)}
                {agreement.endingSoon ? <strong className="govuk-tag govuk-tag--orange app-tag-below">Ends soon</strong> : null}
              </td>
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollableTable>
      {agreements.length === 0 ? <p className="govuk-body">No agreements match these filters.</p> : null}

      {nextAfter || previousBefore ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of agreements">
          {previousBefore ? (
            <div className="govuk-pagination__prev">
              <Link className="govuk-link govuk-pagination__link" to={pageHref(filters, { before: previousBefore })} rel="prev">
                <span className="govuk-pagination__link-title">Previous<span className="govuk-visually-hidden"> page</span></span>
              </Link>
            </div>
          ) : null}
          {nextAfter ? (
            <div className="govuk-pagination__next">
              <Link className="govuk-link govuk-pagination__link" to={pageHref(filters, { after: nextAfter })} rel="next">
                <span className="govuk-pagination__link-title">Next<span className="govuk-visually-hidden"> page</span></span>
              </Link>
            </div>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

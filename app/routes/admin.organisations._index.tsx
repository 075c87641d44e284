import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { Breadcrumbs, Pagination, SuccessBanner } from "~/components/navigation";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { audit } from "~/modules/audit/audit.server";
import { ORGANISATION_TYPE_LABELS } from "~/modules/organisations/labels";
import { listOrganisations } from "~/modules/organisations/organisations.server";
import { keysetParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";
import { keysetCursorFields, queryFlag } from "~/utils/input";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Organisations – Administration – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const query = parseQuery(request, z.object({ ...keysetCursorFields, saved: queryFlag }));
  const page = await listOrganisations(auth.ability, keysetParams(query));
  await audit(auth.audit, {
    action: "record.listed",
    recordType: "Organisation",
    details: { count: page.items.length, paged: page.previous !== null },
  });
  return {
    organisations: page.items.map((org) => ({
      id: org.id,
      name: org.name,
      shortName: org.shortName,
      type: ORGANISATION_TYPE_LABELS[org.type],
      areas: org.areas.map((area) => area.name),
      users: org._count.users,
    })),
    next: page.next,
    previous: page.previous,
    saved: query.saved,
  };
}

export default function OrganisationsList() {
  const { organisations, next, previous, saved } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  return (
    <>
      <Breadcrumbs items={[{ label: "Administration", to: "/admin" }]} />
      {saved ? <SuccessBanner>The organisation has been saved.</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Organisations</h1>
      <p className="govuk-body">
        <Link className="govuk-button" to="/admin/organisations/new" role="button" data-module="govuk-button">
          Add an organisation
        </Link>
      </p>
      {organisations.length === 0 ? (
        <p className="govuk-body">There are no organisations yet.</p>
      ) : (
        <ScrollableTable label="Organisations">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Organisations</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Name
                </th>
                <th scope="col" className="govuk-table__header">
                  Type
                </th>
                <th scope="col" className="govuk-table__header">
                  Areas covered
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Users
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {organisations.map((org) => (
                <tr key={org.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/admin/organisations/${org.id}`}>
                      {org.name}
                    </Link>
                    {org.shortName ? <span className="govuk-hint govuk-!-margin-bottom-0">{org.shortName}</span> : null}
                  </td>
                  <td className="govuk-table__cell">{org.type}</td>
                  <td className="govuk-table__cell">{org.areas.join(", ")}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    <Link className="govuk-link" to={`/admin/users?organisation=${org.id}`}>
                      {org.users}
                      <span className="govuk-visually-hidden"> users in {org.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <Pagination
        previous={previous ? `${pathname}?before=${previous}` : null}
        next={next ? `${pathname}?after=${next}` : null}
      />
    </>
  );
}

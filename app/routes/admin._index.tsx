import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { countOrganisations } from "~/modules/organisations/organisations.server";
import { countUsersByStatus } from "~/modules/users/users.server";

export const meta: MetaFunction = () => [{ title: "Administration – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability } = await requireAdministrator(request, context);
  const [organisations, users] = await Promise.all([countOrganisations(ability), countUsersByStatus(ability)]);
  return { organisations, users };
}

export default function AdministrationOverview() {
  const { organisations, users } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      <p className="govuk-body">
        Set up the organisations that share intelligence through the portal and the people who use it. Every change
        you make here is recorded in the audit trail.
      </p>
      <div className="govuk-grid-row">
        <section className="govuk-grid-column-one-half" aria-labelledby="organisations-heading">
          <h2 className="govuk-heading-m" id="organisations-heading">
            Organisations
          </h2>
          <p className="govuk-body">
            <span className="govuk-!-font-weight-bold" data-testid="organisation-count">
              {organisations}
            </span>{" "}
            {organisations === 1 ? "organisation" : "organisations"}
          </p>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to="/admin/organisations">
                View and edit organisations
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/admin/organisations/new">
                Add an organisation
              </Link>
            </li>
          </ul>
        </section>
        <section className="govuk-grid-column-one-half" aria-labelledby="users-heading">
          <h2 className="govuk-heading-m" id="users-heading">
            User accounts
          </h2>
          <dl className="govuk-summary-list govuk-summary-list--no-border">
            <UserCount label="Active" count={users.active} to="/admin/users?status=active" />
            <UserCount label="Awaiting activation" count={users["awaiting-activation"]} to="/admin/users?status=awaiting-activation" />
            <UserCount label="Disabled" count={users.disabled} to="/admin/users?status=disabled" />
          </dl>
          <ul className="govuk-list">
            <li>
              <Link className="govuk-link" to="/admin/users">
                Find and manage user accounts
              </Link>
            </li>
            <li>
              <Link className="govuk-link" to="/admin/users/new">
                Create a user account
              </Link>
            </li>
          </ul>
        </section>
      </div>
    </>
  );
}

function UserCount({ label, count, to }: { label: string; count: number; to: string }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">
        <Link className="govuk-link" to={to}>
          {count}
          <span className="govuk-visually-hidden"> {label.toLowerCase()} accounts</span>
        </Link>
      </dd>
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollableTable } from "~/components/table";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, Select, TextInput } from "~/components/form";
import { Breadcrumbs, Pagination } from "~/components/navigation";
import { Role } from "~/generated/prisma/enums";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { audit } from "~/modules/audit/audit.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { organisationOptions } from "~/modules/organisations/organisations.server";
import { USER_STATUS_LABELS, USER_STATUSES, userListFiltersSchema } from "~/modules/users/user-form";
import { UserStatusTag } from "~/modules/users/user-status-tag";
import { listUsers } from "~/modules/users/users.server";
import { keysetParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";
import { keysetCursorFields } from "~/utils/input";

export const meta: MetaFunction = () => [{ title: "User accounts – Administration – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const { after, before, ...filters } = parseQuery(request, userListFiltersSchema.extend(keysetCursorFields));
  const [page, organisations] = await Promise.all([
    listUsers(auth.ability, filters, keysetParams({ after, before })),
    organisationOptions(auth.ability),
  ]);
  await audit(auth.audit, {
    action: "record.listed",
    recordType: "User",
    details: { count: page.items.length, filters: { ...filters } },
  });
  // Filters travel with the paging links; the cursor is replaced.
  const filterQuery = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) filterQuery.set(key, value);
  const link = (param: "after" | "before", cursor: string | null) => {
    if (!cursor) return null;
    const query = new URLSearchParams(filterQuery);
    query.set(param, cursor);
    return `/admin/users?${query}`;
  };
  return {
    filters,
    organisations,
    users: page.items,
    next: link("after", page.next),
    previous: link("before", page.previous),
  };
}

export default function UsersList() {
  const { filters, organisations, users, next, previous } = useLoaderData<typeof loader>();
  const filtered = Boolean(filters.organisation || filters.role || filters.status || filters.q);
  return (
    <>
      <Breadcrumbs items={[{ label: "Administration", to: "/admin" }]} />
      <h1 className="govuk-heading-l">User accounts</h1>
      <p className="govuk-body">
        <Link className="govuk-button" to="/admin/users/new" role="button" data-module="govuk-button">
          Create a user account
        </Link>
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-quarter">
          <Form method="get" className="app-filter" role="search" aria-label="Filter user accounts">
            <h2 className="govuk-heading-m">Filter</h2>
            <TextInput name="q" label="Name or email address" defaultValue={filters.q ?? ""} spellCheck={false} />
            <Select
              name="organisation"
              label="Organisation"
              defaultValue={filters.organisation ?? ""}
              options={[{ value: "", label: "All organisations" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            />
            <Select
              name="role"
              label="Role"
              defaultValue={filters.role ?? ""}
              options={[{ value: "", label: "All roles" }, ...Object.values(Role).map((r) => ({ value: r, label: ROLE_LABELS[r] }))]}
            />
            <Select
              name="status"
              label="Status"
              defaultValue={filters.status ?? ""}
              options={[{ value: "", label: "All statuses" }, ...USER_STATUSES.map((s) => ({ value: s, label: USER_STATUS_LABELS[s] }))]}
            />
            <Button variant="secondary">Apply filters</Button>
            {filtered ? (
              <p className="govuk-body">
                <Link className="govuk-link" to="/admin/users">
                  Clear filters
                </Link>
              </p>
            ) : null}
          </Form>
        </div>
        <div className="govuk-grid-column-three-quarters">
          {users.length === 0 ? (
            <p className="govuk-body">No user accounts match.</p>
          ) : (
            <ScrollableTable label="Users">
              <table className="govuk-table" data-testid="users-table">
              <caption className="govuk-table__caption govuk-table__caption--m">
                {filtered ? "Matching accounts" : "All accounts"}
              </caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">
                    Name and email
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Organisation
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Roles
                  </th>
                  <th scope="col" className="govuk-table__header">
                    Status
                  </th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {users.map((user) => (
                  <tr key={user.id} className="govuk-table__row">
                    <td className="govuk-table__cell">
                      <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                        {user.name}
                      </Link>
                      <br />
                      <span className="govuk-body-s app-break-anywhere">{user.email}</span>
                    </td>
                    <td className="govuk-table__cell">{user.organisation.name}</td>
                    <td className="govuk-table__cell">{user.roles.map((role) => ROLE_LABELS[role]).join(", ")}</td>
                    <td className="govuk-table__cell">
                      <UserStatusTag status={user.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
              </table>
            </ScrollableTable>
          )}
          <Pagination previous={previous} next={next} />
        </div>
      </div>
    </>
  );
}

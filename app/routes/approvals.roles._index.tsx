import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SuccessBanner } from "~/components/navigation";
import { formatDateTime } from "~/utils/dates";
import { audit } from "~/modules/audit/audit.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { listRoleGrantsToDecide, requireRoleGrantApprover } from "~/modules/users/role-grants.server";
import { z } from "zod";
import { optionalQuery } from "~/utils/input";
import { parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Roles to approve – Partnership Intelligence Portal" }];

const DONE_MESSAGES = {
  approved: "Role approved. The person has it from their next page.",
  refused: "Role refused. The person does not get it; your reason is recorded.",
} as const;

/** `?done=approved|refused` after a decision; anything else is a 400 like every malformed query. */
const doneQuery = z.object({ done: optionalQuery(z.enum(["approved", "refused"])) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireRoleGrantApprover(request, context);
  const requests = await listRoleGrantsToDecide(auth.ability);
  await audit(auth.audit, { action: "record.listed", recordType: "RoleGrantRequest", details: { rowCount: requests.length } });
  const { done } = parseQuery(request, doneQuery);
  return {
    message: done ? DONE_MESSAGES[done] : null,
    requests: requests.map((r) => ({
      id: r.id,
      role: ROLE_LABELS[r.role],
      name: r.user.name,
      email: r.user.email,
      organisation: r.organisation.name,
      requestedBy: r.requestedBy.name,
      requestedAt: formatDateTime(r.requestedAt),
    })),
  };
}

export default function RolesToApprove() {
  const { requests, message } = useLoaderData<typeof loader>();
  return (
    <>
      {message ? <SuccessBanner>{message}</SuccessBanner> : null}
      <h1 className="govuk-heading-l">Roles to approve</h1>
      <p className="govuk-body">
        An administrator asked for these roles. Each gives access to intelligence or the audit trail, so it takes effect only
        when a second person approves it (four eyes). You never see requests you made, or requests for your own account.
      </p>
      {requests.length === 0 ? (
        <p className="govuk-body">There are no roles waiting for your approval.</p>
      ) : (
        <ScrollableTable label="Waiting for a decision, oldest first">
          <table className="govuk-table" data-testid="role-requests">
            <caption className="govuk-table__caption govuk-table__caption--m">Waiting for a decision, oldest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Person</th>
                <th scope="col" className="govuk-table__header">Role</th>
                <th scope="col" className="govuk-table__header">Asked for by</th>
                <th scope="col" className="govuk-table__header">
                  <span className="govuk-visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {requests.map((r) => (
                <tr key={r.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {r.name}
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s app-break-anywhere">{r.email}</span>
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s">{r.organisation}</span>
                  </td>
                  <td className="govuk-table__cell">{r.role}</td>
                  <td className="govuk-table__cell">
                    {r.requestedBy}
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s">{r.requestedAt}</span>
                  </td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/approvals/roles/${r.id}`}>
                      Decide<span className="govuk-visually-hidden">: {r.role} for {r.name}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}

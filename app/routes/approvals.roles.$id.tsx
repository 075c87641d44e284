import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { idParam } from "~/utils/request.server";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button, Choices, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { formatDateTime } from "~/utils/dates";
import { audit } from "~/modules/audit/audit.server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/modules/organisations/labels";
import { decideRoleGrant, getRoleGrantOrDeny, getRoleGrantToDecide, requireRoleGrantApprover } from "~/modules/users/role-grants.server";
import { roleGrantDecisionSchema } from "~/modules/users/user-form";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.request.role} for ${data.request.name}` : "Role request"} – Roles to approve – Partnership Intelligence Portal` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireRoleGrantApprover(request, context);
  const found = await getRoleGrantToDecide(auth, idParam(params), request);
  await audit(auth.audit, { action: "record.viewed", recordType: "User", recordId: found.userId, details: { requestId: found.id } });
  return {
    request: {
      id: found.id,
      role: ROLE_LABELS[found.role],
      description: ROLE_DESCRIPTIONS[found.role],
      name: found.user.name,
      email: found.user.email,
      organisation: found.organisation.name,
      currentRoles: found.user.roles.map((role) => ROLE_LABELS[role]).join(", ") || "None",
      requestedBy: `${found.requestedBy.name} (${found.requestedBy.email})`,
      requestedAt: formatDateTime(found.requestedAt),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const id = idParam(params);
  const auth = await requireRoleGrantApprover(request, context);
  // Who may decide, and whether the request exists, before reading the form: an unknown request
  // gets 404 whatever was posted, never field errors that confirm the page is there.
  await getRoleGrantOrDeny(auth, id, request);
  const form = await parseForm(request, roleGrantDecisionSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await decideRoleGrant(auth, id, form.data);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(`/approvals/roles?done=${result.status === "APPROVED" ? "approved" : "refused"}`);
}

export default function DecideRoleRequest() {
  const { request } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Link to="/approvals/roles" className="govuk-back-link">
        Back to roles to approve
      </Link>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors} />
          <span className="govuk-caption-l">{request.organisation}</span>
          <h1 className="govuk-heading-l">
            {request.role} for {request.name}
          </h1>
          <dl className="govuk-summary-list">
            <Row label="Person" value={request.name} />
            <Row label="Email address" value={<span className="app-break-anywhere">{request.email}</span>} />
            <Row label="Organisation" value={request.organisation} />
            <Row label="Roles they have now" value={request.currentRoles} />
            <Row label="Role asked for" value={request.role} />
            <Row label="What it gives" value={request.description} />
            <Row label="Asked for by" value={request.requestedBy} />
            <Row label="Asked for on" value={request.requestedAt} />
          </dl>
          <p className="govuk-body">
            Approve only if you know this person needs the role for their work in {request.organisation}. If you are not sure,
            refuse it and say why: the administrator can ask again.
          </p>
          <Form method="post" noValidate>
            <Choices
              kind="radio"
              name="decision"
              legend="Do you approve this role?"
              error={actionData?.errors?.decision}
              selected={valueOf(actionData?.values, "decision")}
              options={[
                { value: "approve", label: "Approve" },
                { value: "refuse", label: "Refuse" },
              ]}
            />
            <Textarea
              name="reason"
              label="Reason (needed if you refuse)"
              hint="Recorded in the audit trail and shown to administrators."
              error={actionData?.errors?.reason}
              defaultValue={valueOf(actionData?.values, "reason")}
              rows={3}
            />
            <Button>Save decision</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
}

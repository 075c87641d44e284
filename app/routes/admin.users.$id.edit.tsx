import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { organisationOptions } from "~/modules/organisations/organisations.server";
import { editUserFormSchema } from "~/modules/users/user-form";
import { RoleApprovalExplanation, UserAccountFields } from "~/modules/users/user-fields";
import { getUserForAdmin, updateUserAccount } from "~/modules/users/users.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change account details: ${data?.user.name ?? "user"} – Administration – Partnership Intelligence Portal` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const user = await getUserForAdmin(auth.ability, idParam(params));
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      organisationId: user.organisation.id,
      roles: user.roles,
      pendingRoles: user.pendingRoles.map((request) => request.role),
      isAgreementSignatory: user.isAgreementSignatory,
    },
    isSelf: user.id === auth.user.id,
    organisations: await organisationOptions(auth.ability),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const id = idParam(params);
  const form = await parseForm(request, editUserFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await updateUserAccount(auth, id, form.data);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(`/admin/users/${id}?done=${result.rolesRequested.length > 0 ? "roles-requested" : "updated"}`);
}

export default function EditUser() {
  const { user, organisations, isSelf } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {
    name: user.name,
    organisationId: user.organisationId,
    roles: [...user.roles, ...user.pendingRoles],
    isAgreementSignatory: user.isAgreementSignatory ? "yes" : "no",
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Administration", to: "/admin" },
          { label: "User accounts", to: "/admin/users" },
          { label: user.name, to: `/admin/users/${user.id}` },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors} />
          <span className="govuk-caption-l app-break-anywhere">{user.email}</span>
          <h1 className="govuk-heading-l">Change account details</h1>
          {isSelf ? (
            <div className="govuk-inset-text">
              This is your own account. You can correct your name; another administrator must change your roles,
              organisation or signatory flag.
            </div>
          ) : (
            <RoleApprovalExplanation />
          )}
          <Form method="post" noValidate>
            <UserAccountFields
              organisations={organisations}
              errors={actionData?.errors}
              values={values}
              withEmail={false}
              pendingRoles={user.pendingRoles}
            />
            <div className="govuk-button-group">
              <Button>Save changes</Button>
              <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                Cancel
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { formatDateTime } from "~/utils/dates";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { notFound } from "~/modules/auth/auth.server";
import { organisationOptions } from "~/modules/organisations/organisations.server";
import { activationPath } from "~/modules/users/activation.server";
import { newUserFormSchema } from "~/modules/users/user-form";
import { ActivationLinkPanel, RoleApprovalExplanation, UserAccountFields } from "~/modules/users/user-fields";
import { createUserAccount } from "~/modules/users/users.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";
import { optionalQuery, uuid } from "~/utils/input";

export const meta: MetaFunction = () => [{ title: "Create a user account – Administration – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability } = await requireAdministrator(request, context);
  if (!ability.can("create", "User")) throw notFound();
  const { organisation = "" } = parseQuery(request, z.object({ organisation: optionalQuery(uuid) }));
  return { organisations: await organisationOptions(ability), organisation };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const form = await parseForm(request, newUserFormSchema);
  if (!form.success) return { created: null, errors: form.errors, values: form.values };
  const result = await createUserAccount(auth, form.data);
  if (!result.ok) return { created: null, errors: result.errors, values: form.values };
  // The link exists only in this response: the database keeps its hash.
  return {
    created: {
      id: result.id,
      name: form.data.name,
      email: form.data.email,
      activationUrl: new URL(activationPath(result.token), request.url).toString(),
      expiresAt: formatDateTime(result.expiresAt),
    },
    errors: undefined,
    values: undefined,
  };
}

export default function NewUser() {
  const { organisations, organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const created = actionData?.created;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Administration", to: "/admin" },
          { label: "User accounts", to: "/admin/users" },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {created ? (
            <>
              <div className="govuk-panel govuk-panel--confirmation">
                <h1 className="govuk-panel__title">Account created</h1>
                <div className="govuk-panel__body">
                  {created.name}
                  <br />
                  <strong className="app-break-anywhere">{created.email}</strong>
                </div>
              </div>
              <h2 className="govuk-heading-m">Activation link</h2>
              <ActivationLinkPanel url={created.activationUrl} expiresAt={created.expiresAt} name={created.name} />
              <h2 className="govuk-heading-m">What happens next</h2>
              <p className="govuk-body">
                They open the link, choose a password, sign in and set up their authenticator app. Until then the account
                shows as awaiting activation.
              </p>
              <p className="govuk-body">
                The roles you chose give no access until a second person approves them: see the account&apos;s page for
                who must approve each one.
              </p>
              <ul className="govuk-list">
                <li>
                  <Link className="govuk-link" to={`/admin/users/${created.id}`}>
                    View {created.name}&apos;s account
                  </Link>
                </li>
                <li>
                  <Link className="govuk-link" to="/admin/users/new" reloadDocument>
                    Create another account
                  </Link>
                </li>
              </ul>
            </>
          ) : (
            <>
              <ErrorSummary errors={actionData?.errors} />
              <h1 className="govuk-heading-l">Create a user account</h1>
              <p className="govuk-body">
                You will get a one-time link for the person to set their password. You never choose or see it.
              </p>
              <RoleApprovalExplanation />
              <Form method="post" noValidate>
                <UserAccountFields
                  organisations={organisations}
                  errors={actionData?.errors}
                  values={actionData?.values ?? { organisationId: organisation }}
                  withEmail
                />
                <Button>Create account</Button>
              </Form>
            </>
          )}
        </div>
      </div>
    </>
  );
}

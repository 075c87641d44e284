import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { notFound } from "~/modules/auth/auth.server";
import { OrganisationFields } from "~/modules/organisations/organisation-fields";
import { organisationFormSchema } from "~/modules/organisations/organisation-form";
import { createOrganisation, listAreas } from "~/modules/organisations/organisations.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Add an organisation – Administration – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability } = await requireAdministrator(request, context);
  if (!ability.can("create", "Organisation")) throw notFound();
  return { areas: await listAreas() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const form = await parseForm(request, organisationFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await createOrganisation(auth, form.data);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect("/admin/organisations?saved=1");
}

export default function NewOrganisation() {
  const { areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Administration", to: "/admin" },
          { label: "Organisations", to: "/admin/organisations" },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors} />
          <h1 className="govuk-heading-l">Add an organisation</h1>
          <Form method="post" noValidate>
            <OrganisationFields areas={areas} errors={actionData?.errors} values={actionData?.values} />
            <Button>Add organisation</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { formatDateTime } from "~/utils/dates";
import { pluralise } from "~/utils/plural";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { audit } from "~/modules/audit/audit.server";
import { OrganisationFields } from "~/modules/organisations/organisation-fields";
import { organisationFormSchema } from "~/modules/organisations/organisation-form";
import { getOrganisation, listAreas, updateOrganisation } from "~/modules/organisations/organisations.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisation"} – Administration – Partnership Intelligence Portal` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const organisation = await getOrganisation(auth.ability, idParam(params));
  await audit(auth.audit, { action: "record.viewed", recordType: "Organisation", recordId: organisation.id });
  return { organisation, areas: await listAreas() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const id = idParam(params);
  const form = await parseForm(request, organisationFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await updateOrganisation(auth, id, form.data);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect("/admin/organisations?saved=1");
}

export default function EditOrganisation() {
  const { organisation, areas } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? {
    name: organisation.name,
    shortName: organisation.shortName ?? "",
    type: organisation.type,
    areas: organisation.areas.map((area) => area.id),
  };
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
          <span className="govuk-caption-l">{organisation.name}</span>
          <h1 className="govuk-heading-l">Edit organisation</h1>
          <p className="govuk-body">
            {pluralise(organisation._count.users, "user belongs", "users belong")} to this
            organisation.{" "}
            <Link className="govuk-link" to={`/admin/users?organisation=${organisation.id}`}>
              View its users
            </Link>
          </p>
          <p className="govuk-body-s">Last changed {formatDateTime(organisation.updatedAt)}.</p>
          <Form method="post" noValidate>
            <OrganisationFields areas={areas} errors={actionData?.errors} values={values} />
            <Button>Save changes</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

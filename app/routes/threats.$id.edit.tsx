import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { ThreatSections } from "~/components/threats";
import { requireUser } from "~/modules/auth/auth.server";
import { threatFormSchema } from "~/modules/threats/forms.server";
import { ThreatFields } from "~/modules/threats/threat-fields";
import { areaOptions, leadOptions, requireThreatAccess, threatForEditing, ThreatRefused, updateThreat } from "~/modules/threats/threats.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Edit a threat – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  await requireThreatAccess(auth, id, "update", "threat.updated");
  const [threat, areas, leads] = await Promise.all([threatForEditing(auth, id), areaOptions(), leadOptions(auth)]);
  return { threat, areas, leads };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  await requireThreatAccess(auth, id, "update", "threat.updated");
  const form = await parseForm(request, threatFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  try {
    await updateThreat(auth, id, form.data);
  } catch (error) {
    if (error instanceof ThreatRefused) return { errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
  return redirect(`/threats/${id}?updated=1`);
}

export default function EditThreat() {
  const { threat: t, areas, leads } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Threats", to: "/threats" }, { label: t.reference, to: `/threats/${t.id}` }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors} />
          <span className="govuk-caption-l">{t.reference}</span>
          <h1 className="govuk-heading-l">Edit the threat&apos;s details</h1>
          <ThreatSections id={t.id} current="/edit" />
          <Form method="post" noValidate>
            <ThreatFields
              areas={areas}
              leads={leads}
              errors={actionData?.errors}
              values={actionData?.values}
              defaults={{ ...t, areaIds: t.areas.map((a) => a.id) }}
            />
            <Button>Save changes</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, ErrorSummary, FormTokenInput } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { requireUser } from "~/modules/auth/auth.server";
import { newThreatFormSchema } from "~/modules/threats/forms.server";
import { ThreatFields } from "~/modules/threats/threat-fields";
import { areaOptions, createThreat, leadOptions, requireThreatCreator, ThreatRefused } from "~/modules/threats/threats.server";
import { newFormToken } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Record a threat – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  await requireThreatCreator(auth);
  const [areas, leads] = await Promise.all([areaOptions(), leadOptions(auth)]);
  return { areas, leads, formToken: newFormToken(), userId: auth.user.id };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  await requireThreatCreator(auth);
  const form = await parseForm(request, newThreatFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const { formToken, ...data } = form.data;
  try {
    const { location } = await createThreat(auth, data, formToken);
    return redirect(location);
  } catch (error) {
    if (error instanceof ThreatRefused) return { errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
}

export default function NewThreat() {
  const { areas, leads, formToken, userId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <Breadcrumbs items={[{ label: "Threats", to: "/threats" }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={actionData?.errors} />
          <h1 className="govuk-heading-l">Record a threat</h1>
          <Form method="post" noValidate>
            <FormTokenInput token={formToken} />
            <ThreatFields
              areas={areas}
              leads={leads}
              errors={actionData?.errors}
              values={actionData?.values}
              defaults={{ title: "", kind: "ORGANISED_CRIME_GROUP", threatType: "DRUG_SUPPLY", areaIds: [], leadAnalystId: userId, classification: "OFFICIAL", summary: null }}
            />
            <Button>Record threat</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

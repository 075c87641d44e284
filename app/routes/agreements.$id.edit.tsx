import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementHeading } from "~/components/agreements/agreement-sections";
import { PartyFields, partiesToValues, TermsFields, termsToValues } from "~/components/agreements/agreement-form";
import { Button, ErrorSummary } from "~/components/form";
import { draftFormSchema, PARTY_SLOTS, splitDraft, type FormActionData } from "~/modules/agreements/forms";
import { updateDraft } from "~/modules/agreements/lifecycle.server";
import { organisationChoices, versionTerms } from "~/modules/agreements/queries.server";
import { actorOf, formError, requireAgreement, runStep } from "~/modules/agreements/route-helpers.server";
import { displayStatus } from "~/modules/agreements/status";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Edit draft agreement – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { agreement } = await requireAgreement(request, context, idParam(params), "update");
  if (agreement.status !== "DRAFT") throw redirect(`/agreements/${agreement.id}`);
  const latest = agreement.versions[agreement.versions.length - 1]!;
  return {
    agreement: { id: agreement.id, reference: agreement.reference, title: agreement.title, displayStatus: displayStatus(agreement, clock.now()), startDate: agreement.startDate },
    organisations: await organisationChoices(),
    initialValues: { ...termsToValues(versionTerms(latest)), ...partiesToValues(agreement.parties) },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "update");
  const form = await parseForm(request, draftFormSchema);
  if (!form.success) return formError(form.errors, form.values);
  const outcome = await runStep(auth, request, agreement.id, form.values, () => updateDraft(actorOf(auth), agreement.id, splitDraft(form.data)));
  if (!outcome.ok) return outcome.response;
  return redirect(`/agreements/${agreement.id}?done=updated`);
}

export default function EditDraft() {
  const { agreement, organisations, initialValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormActionData>();
  const values = actionData?.values ?? initialValues;
  return (
    <>
      <ErrorSummary errors={actionData?.errors} />
      <AgreementHeading agreement={agreement} title="Edit the draft" />
      <Form method="post" noValidate>
        <PartyFields values={values} errors={actionData?.errors} organisations={organisations} slots={PARTY_SLOTS} />
        <TermsFields values={values} errors={actionData?.errors} />
        <Button>Save draft</Button>
      </Form>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PartyFields, TermsFields } from "~/components/agreements/agreement-form";
import { Button, ErrorSummary } from "~/components/form";
import { draftFormSchema, PARTY_SLOTS, splitDraft, type FormActionData } from "~/modules/agreements/forms";
import { createDraft } from "~/modules/agreements/lifecycle.server";
import { organisationChoices } from "~/modules/agreements/queries.server";
import { actorOf, formError, requireAgreementAbility, runStep } from "~/modules/agreements/route-helpers.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Draft an agreement – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireAgreementAbility(request, context, "create");
  return {
    organisations: await organisationChoices(),
    // The drafter's own organisation is a party: start with it filled in.
    initialValues: {
      "parties.0.organisationId": auth.user.organisationId,
      "parties.0.leadName": auth.user.name,
      "parties.0.leadEmail": auth.user.email,
    } as Record<string, string>,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireAgreementAbility(request, context, "create");
  const form = await parseForm(request, draftFormSchema);
  if (!form.success) return formError(form.errors, form.values);
  const outcome = await runStep(auth, request, undefined, form.values, () => createDraft(actorOf(auth), splitDraft(form.data)));
  if (!outcome.ok) return outcome.response;
  return redirect(`/agreements/${outcome.result.id}`);
}

export default function NewAgreement() {
  const { organisations, initialValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormActionData>();
  const values = actionData?.values ?? initialValues;
  return (
    <>
      <Link to="/agreements" className="govuk-back-link">
        Back to agreements
      </Link>
      <ErrorSummary errors={actionData?.errors} />
      <span className="govuk-caption-l">Information sharing agreement</span>
      <h1 className="govuk-heading-l">Draft a new agreement</h1>
      <p className="govuk-body">
        The draft is saved when you continue. Nobody is bound by it until you send it for signature and every
        controller has signed.
      </p>
      <Form method="post" noValidate>
        <PartyFields values={values} errors={actionData?.errors} organisations={organisations} slots={PARTY_SLOTS} />
        <TermsFields values={values} errors={actionData?.errors} />
        <Button>Save draft</Button>
      </Form>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementHeading } from "~/components/agreements/agreement-sections";
import { TermsFields, termsToValues } from "~/components/agreements/agreement-form";
import { Button, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { amendFormSchema, type FormActionData } from "~/modules/agreements/forms";
import { amendAgreement } from "~/modules/agreements/lifecycle.server";
import { versionTerms } from "~/modules/agreements/queries.server";
import { actorOf, formError, requireAgreement, runStep } from "~/modules/agreements/route-helpers.server";
import { displayStatus } from "~/modules/agreements/status";
import { agreementTermsSchema } from "~/modules/agreements/terms";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Amend agreement – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { agreement } = await requireAgreement(request, context, idParam(params), "amend");
  const now = clock.now();
  const shown = displayStatus(agreement, now);
  if (shown !== "ACTIVE" && shown !== "SIGNED_NOT_STARTED" && shown !== "SUSPENDED") throw redirect(`/agreements/${agreement.id}`);
  // Start from the newest version, so an unsigned amendment can be corrected rather than retyped.
  const latest = agreement.versions[agreement.versions.length - 1]!;
  return {
    agreement: { id: agreement.id, reference: agreement.reference, title: agreement.title, displayStatus: shown, startDate: agreement.startDate },
    currentVersionNumber: agreement.currentVersionNumber,
    latestVersionNumber: latest.versionNumber,
    initialValues: termsToValues(versionTerms(latest)),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "amend");
  const form = await parseForm(request, amendFormSchema);
  if (!form.success) return formError(form.errors, form.values);
  const { changeSummary, ...terms } = form.data;
  const outcome = await runStep(auth, request, agreement.id, form.values, () =>
    amendAgreement(actorOf(auth), agreement.id, { terms: agreementTermsSchema.parse(terms), changeSummary }),
  );
  if (!outcome.ok) return outcome.response;
  return redirect(`/agreements/${agreement.id}?done=amended`);
}

export default function AmendAgreement() {
  const { agreement, currentVersionNumber, latestVersionNumber, initialValues } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormActionData>();
  const values = actionData?.values ?? initialValues;
  return (
    <>
      <ErrorSummary errors={actionData?.errors} />
      <AgreementHeading agreement={agreement} title="Amend the agreement" />
      <p className="govuk-body">
        Your changes become version {latestVersionNumber + 1}. Every controller must sign it again. Until they all have,
        the terms of version {currentVersionNumber} stay in force.
        {latestVersionNumber > currentVersionNumber
          ? ` Version ${latestVersionNumber} has not been signed by every party yet: the new version replaces it.`
          : ""}
      </p>
      <Form method="post" noValidate>
        <Textarea
          name="changeSummary"
          label="What does this amendment change, and why?"
          hint="The parties read this before they sign. For example: adds vehicles as a data category for the county lines work."
          error={actionData?.errors.changeSummary}
          defaultValue={valueOf(values, "changeSummary")}
          rows={3}
        />
        <TermsFields values={values} errors={actionData?.errors} />
        <Button>Save amendment for signature</Button>
      </Form>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, ErrorSummary, valueOf } from "~/components/form";
import { BackLink } from "~/components/intelligence";
import { formatDate } from "~/utils/dates";
import { afterStep, changeSuffix, draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { agreementChoiceSchema } from "~/modules/intelligence/forms";
import { CLASSIFICATION_LABELS } from "~/modules/intelligence/labels";
import { eligibleAgreements, saveDraftStep } from "~/modules/intelligence/submissions.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Which agreement? – Share intelligence" }];

/** A draft sent meanwhile: keep the page, with the notice and what was typed. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, draft } = await loadDraft(request, context, idParam(params));
  const agreements = draft.dataCategories.length > 0 ? await eligibleAgreements(auth.user.organisationId, draft) : [];
  return {
    id: draft.id,
    suffix: changeSuffix(request),
    agreementId: draft.agreementId,
    agreements: agreements.map((a) => ({
      id: a.id,
      label: `${a.reference}: ${a.title}`,
      hint: `Up to ${CLASSIFICATION_LABELS[a.classificationCeiling]}. In force until ${formatDate(a.endDate)}.`,
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  const form = await parseForm(request, agreementChoiceSchema);
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (!form.success) return { errors: form.errors, values: form.values };
  // Only an agreement offered on this page may be chosen (in force, party, ceiling, categories).
  const eligible = await eligibleAgreements(auth.user.organisationId, draft);
  if (!eligible.some((a) => a.id === form.data.agreementId)) {
    return { errors: { agreementId: "Select one of the agreements listed" }, values: form.values };
  }
  const refused = await writeDraft(form.values, () => saveDraftStep(auth, draft, { step: "agreement", data: form.data }));
  if (refused) return refused;
  return afterStep(request, draft, "check");
}

export default function AgreementStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink to={data.suffix ? `/submissions/${data.id}/check` : `/submissions/${data.id}/sharing`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          {data.agreements.length === 0 ? (
            <>
              <h1 className="govuk-heading-l">There is no agreement you can share this under</h1>
              <p className="govuk-body">
                Your organisation has no information sharing agreement in force with the police that covers this
                classification and all the kinds of information in your submission.
              </p>
              <p className="govuk-body">
                You can <Link className="govuk-link" to={`/submissions/${data.id}/sharing`}>change the classification or data categories</Link>,
                or ask your partner manager about the agreement. Your draft is saved.
              </p>
            </>
          ) : (
            <Form method="post" action={`/submissions/${data.id}/agreement${data.suffix}`} noValidate>
              <Choices
                kind="radio"
                name="agreementId"
                legend="Which information sharing agreement are you sharing under?"
                hint="Only agreements in force that cover this classification and these kinds of information are shown."
                error={result?.errors.agreementId}
                options={data.agreements.map((a) => ({ value: a.id, label: a.label, hint: a.hint }))}
                selected={result?.values ? valueOf(result.values, "agreementId") : (data.agreementId ?? undefined)}
                isPageHeading
              />
              <Button>Save and continue</Button>
            </Form>
          )}
        </div>
      </div>
    </>
  );
}

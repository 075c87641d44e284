import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, ErrorSummary, valueOf, valuesOf } from "~/components/form";
import { BackLink } from "~/components/intelligence";
import { afterStep, changeSuffix, draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { sharingSchema } from "~/modules/intelligence/forms";
import { CLASSIFICATION_HINTS, CLASSIFICATION_LABELS, DATA_CATEGORY_LABELS, enumOptions } from "~/modules/intelligence/labels";
import { impliedCategoriesOf, missingCategoriesProblem, saveDraftStep } from "~/modules/intelligence/submissions.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Classification and data – Share intelligence" }];

/** A draft sent meanwhile: keep the page, with the notice and what was typed. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context, idParam(params));
  const implied = impliedCategoriesOf(draft);
  return {
    id: draft.id,
    suffix: changeSuffix(request),
    implied,
    // The column has a default, so an unanswered step would show OFFICIAL chosen: the person must
    // choose it (the step is answered once its data categories are saved, they are required together).
    classification: draft.dataCategories.length > 0 ? draft.classification : null,
    // Pre-tick what the content already implies.
    dataCategories: [...new Set([...draft.dataCategories, ...implied])],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  const form = await parseForm(request, sharingSchema);
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (!form.success) return { errors: form.errors, values: form.values };
  const missing = missingCategoriesProblem(draft, form.data.dataCategories);
  if (missing) return { errors: { dataCategories: missing }, values: form.values };
  const refused = await writeDraft(form.values, () => saveDraftStep(auth, draft, { step: "sharing", data: form.data }));
  if (refused) return refused;
  return afterStep(request, draft, "agreement");
}

export default function SharingStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <BackLink to={data.suffix ? `/submissions/${data.id}/check` : `/submissions/${data.id}/grading`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">Classification and data</h1>
          <Form method="post" action={`/submissions/${data.id}/sharing${data.suffix}`} noValidate>
            <Choices
              kind="radio"
              name="classification"
              legend="What is the classification?"
              error={result?.errors.classification}
              options={enumOptions(CLASSIFICATION_LABELS).map((o) => ({ ...o, hint: CLASSIFICATION_HINTS[o.value] }))}
              selected={result?.values ? valueOf(result.values, "classification") : (data.classification ?? undefined)}
            />
            <Choices
              kind="checkbox"
              name="dataCategories"
              legend="What kinds of information does it contain?"
              hint="Only agreements that cover all of these will be offered. Categories your answers already contain are ticked."
              error={result?.errors.dataCategories}
              options={enumOptions(DATA_CATEGORY_LABELS).map((o) => ({
                ...o,
                hint: data.implied.includes(o.value) ? "Your answers contain this" : undefined,
              }))}
              selected={result?.values ? valuesOf(result.values, "dataCategories") : data.dataCategories}
              small
            />
            <Button>Save and continue</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

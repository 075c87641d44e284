import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { BackLink } from "~/components/intelligence";
import { afterStep, changeSuffix, draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { gradingSchema } from "~/modules/intelligence/forms";
import { HANDLING_CODE, INTELLIGENCE_ASSESSMENT, SOURCE_EVALUATION } from "~/modules/intelligence/labels";
import { saveDraftStep } from "~/modules/intelligence/submissions.server";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Grade the intelligence – Share intelligence" }];

/** A draft sent meanwhile: keep the page, with the notice and what was typed. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context, idParam(params));
  return {
    id: draft.id,
    suffix: changeSuffix(request),
    saved: {
      sourceEvaluation: draft.sourceEvaluation ?? "",
      intelligenceAssessment: draft.intelligenceAssessment ?? "",
      handlingCode: draft.handlingCode ?? "",
      handlingConditions: draft.handlingConditions ?? "",
    } as Record<string, string>,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  const form = await parseForm(request, gradingSchema);
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (!form.success) return { errors: form.errors, values: form.values };
  const refused = await writeDraft(form.values, () => saveDraftStep(auth, draft, { step: "grading", data: form.data }));
  if (refused) return refused;
  return afterStep(request, draft, "sharing");
}

const options = <K extends string>(table: Record<K, { label: string; hint: string }>) =>
  (Object.keys(table) as K[]).map((value) => ({ value, label: table[value].label, hint: table[value].hint }));

export default function GradingStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const value = (name: string) => (result?.values ? valueOf(result.values, name) : data.saved[name]);
  return (
    <>
      <BackLink to={data.suffix ? `/submissions/${data.id}/check` : `/submissions/${data.id}/entities`} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">Grade the intelligence</h1>
          <p className="govuk-body">
            Police use the 3x5x2 grading from the College of Policing: how reliable the source is, how the source knows
            it, and whether it may be shared further. Grade it as you see it; an analyst may re-grade it, and your grading is kept.
          </p>
          <Form method="post" action={`/submissions/${data.id}/grading${data.suffix}`} noValidate>
            <Choices
              kind="radio"
              name="sourceEvaluation"
              legend="How reliable is the source?"
              hint="The source is the person or record the information came from, not your organisation."
              error={result?.errors.sourceEvaluation}
              options={options(SOURCE_EVALUATION)}
              selected={value("sourceEvaluation")}
            />
            <Choices
              kind="radio"
              name="intelligenceAssessment"
              legend="How does the source know this?"
              error={result?.errors.intelligenceAssessment}
              options={options(INTELLIGENCE_ASSESSMENT)}
              selected={value("intelligenceAssessment")}
            />
            <Choices
              kind="radio"
              name="handlingCode"
              legend="Can the police share it further?"
              error={result?.errors.handlingCode}
              options={options(HANDLING_CODE)}
              selected={value("handlingCode")}
            />
            <Textarea
              name="handlingConditions"
              label="Conditions (if you chose C)"
              hint="What must anyone receiving this do or not do. Shown prominently wherever the record appears."
              error={result?.errors.handlingConditions}
              defaultValue={value("handlingConditions")}
              rows={3}
            />
            <Button>Save and continue</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { BackLink } from "~/components/intelligence";
import { afterStep, changeSuffix, draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { whatSchema } from "~/modules/intelligence/forms";
import { enumOptions, THREAT_TYPE_HINTS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { saveDraftStep } from "~/modules/intelligence/submissions.server";
import { TEXT_LIMITS } from "~/modules/intelligence/text";
import { keepPageWhenDraftSent } from "~/modules/intelligence/stale-draft";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "What do you know? – Share intelligence" }];

/** A draft sent meanwhile: keep the page, with the notice and what was typed. */
export const shouldRevalidate = keepPageWhenDraftSent;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { draft } = await loadDraft(request, context, idParam(params));
  return { id: draft.id, threatType: draft.threatType, narrative: draft.narrative, suffix: changeSuffix(request) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, draft, sent } = await loadDraftForChange(request, context, idParam(params));
  const form = await parseForm(request, whatSchema);
  if (sent !== null) return draftSentResponse(sent, form.values);
  if (!form.success) return { errors: form.errors, values: form.values };
  const refused = await writeDraft(form.values, () => saveDraftStep(auth, draft, { step: "what", data: form.data }));
  if (refused) return refused;
  return afterStep(request, draft, "where");
}

export default function WhatStep() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values;
  return (
    <>
      <BackLink to={data.suffix ? `/submissions/${data.id}/check` : "/submissions"} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={result?.errors} />
          <span className="govuk-caption-l">Share intelligence</span>
          <h1 className="govuk-heading-l">What do you know?</h1>
          <Form method="post" action={`/submissions/${data.id}/what${data.suffix}`} noValidate>
            <Choices
              kind="radio"
              name="threatType"
              legend="What type of serious and organised crime is it?"
              hint="Choose the closest match. An analyst can change it later."
              error={result?.errors.threatType}
              options={enumOptions(THREAT_TYPE_LABELS).map((o) => ({ ...o, hint: THREAT_TYPE_HINTS[o.value] }))}
              selected={values ? valueOf(values, "threatType") : (data.threatType ?? undefined)}
              small
            />
            <Textarea
              name="narrative"
              label="What do you know?"
              hint={`Say what was seen or said, by whom, and how your organisation knows. Do not include the name of the person who told you unless you must. Up to ${TEXT_LIMITS.narrative.toLocaleString("en-GB")} characters.`}
              error={result?.errors.narrative}
              defaultValue={values ? valueOf(values, "narrative") : (data.narrative ?? "")}
              rows={10}
            />
            <Button>Save and continue</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WhatQuestion } from "~/components/what-question";
import { afterStep, changeSuffix, draftSentResponse, loadDraft, loadDraftForChange, writeDraft } from "~/modules/intelligence/draft-route.server";
import { whatSchema } from "~/modules/intelligence/forms";
import { saveDraftStep } from "~/modules/intelligence/submissions.server";
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
  return (
    <WhatQuestion
      action={`/submissions/${data.id}/what${data.suffix}`}
      backTo={data.suffix ? `/submissions/${data.id}/check` : "/submissions"}
      saved={data}
      result={result}
    />
  );
}

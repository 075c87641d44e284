import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { WhatQuestion } from "~/components/what-question";
import { requireUser } from "~/modules/auth/auth.server";
import { deny } from "~/modules/authorization/deny.server";
import { whatSchema } from "~/modules/intelligence/forms";
import { startDraft } from "~/modules/intelligence/submissions.server";
import { formTokenSchema, newFormToken } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "What do you know? – Share intelligence" }];

/** The first question before any draft exists: the draft is made by the first save, not by "Start now". */
const firstAnswerSchema = whatSchema.extend({ formToken: formTokenSchema });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("create", "Submission")) await deny(auth, { action: "submission.draft_saved", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  return { formToken: newFormToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("create", "Submission")) await deny(auth, { action: "submission.draft_saved", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const form = await parseForm(request, firstAnswerSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const { formToken, ...what } = form.data;
  const id = await startDraft(auth, what, formToken);
  return redirect(`/submissions/${id}/where`);
}

export default function FirstQuestion() {
  const { formToken } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <WhatQuestion action="/submissions/new/what" backTo="/submissions/new" saved={{ threatType: null, narrative: null }} result={result} formToken={formToken} />;
}

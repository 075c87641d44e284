import { redirect, type AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import { requireUser } from "~/modules/auth/auth.server";
import { FORM_TOKEN_FIELD, formTokenSchema, newFormToken } from "~/utils/form-token.server";
import { parseFormData, readForm, type FieldErrors, type FormValues } from "~/utils/forms.server";
import { idParam, parseQuery } from "~/utils/request.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { PoliceSummary } from "~/modules/authorization/fields";
import { AssessmentRefused, FormAlreadySent, submissionForTriage, triageSummary, type FormOnce } from "./triage.server";
import { triageHeaderOf, triageNoticeQuery } from "./triage-pages";

/**
 * What the pages of a submission's assessment share, so each route stays a few lines: the loader's
 * start (the user, the record, its header, the banner to show and a one-time form token) and the
 * handling of one posted form.
 */
export async function loadTriagePage(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"]) {
  const auth = await requireUser(request, context);
  const submission = await submissionForTriage(auth, idParam(params));
  return { auth, submission, ...pageParts(request, submission) };
}

/** The summary page's start: the record with its matches (fewer statements than the full record). */
export async function loadTriageSummary(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"]) {
  const auth = await requireUser(request, context);
  const { submission, matches, more } = await triageSummary(auth, idParam(params));
  return { auth, submission, matches, more, ...pageParts(request, submission) };
}

function pageParts(request: Request, submission: PoliceSummary) {
  const { done } = parseQuery(request, triageNoticeQuery);
  return { header: triageHeaderOf(submission), notice: done ?? null, formToken: newFormToken() };
}

/** The start of every action: the user, the record's id and the posted form (not yet parsed). */
export async function readTriageAction(request: Request, context: AppLoadContext, params: LoaderFunctionArgs["params"]) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  return { auth, id, formData };
}

/** A form that came back: which one (so its fields show the errors), its errors and what was typed. */
export interface TriageFormFailure<I extends string> {
  intent: I;
  errors: FieldErrors;
  values: FormValues;
}

/**
 * Parses one form with `schema` and its one-time token, runs the change, and redirects to
 * `location` (post/redirect/get). A refusal the user can fix comes back as field errors; the same
 * form sent again (double click, resubmission) writes nothing and goes where the first one went.
 */
export async function handleTriageForm<I extends string, S extends z.ZodType>(
  intent: I,
  formData: FormData,
  schema: S,
  location: string,
  run: (data: z.infer<S>, once: FormOnce) => Promise<unknown>,
): Promise<TriageFormFailure<I> | Response> {
  const form = parseFormData(formData, schema);
  const token = formTokenSchema.safeParse(formData.get(FORM_TOKEN_FIELD));
  if (!form.success) return { intent, errors: form.errors, values: form.values };
  if (!token.success) return { intent, errors: { form: token.error.issues[0]!.message }, values: form.values };
  try {
    await run(form.data, { token: token.data, location });
  } catch (error) {
    if (error instanceof FormAlreadySent) return redirect(error.location);
    if (error instanceof AssessmentRefused) {
      return { intent, errors: { [error.field]: error.message }, values: form.values };
    }
    throw error;
  }
  return redirect(location);
}

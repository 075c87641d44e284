import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import type { FieldErrors, FormValues } from "~/utils/forms.server";
import { DraftNoLongerEditable, DraftStepRefused, requireDraft, sentSubmissionNotice, type Draft, type DraftStep } from "./submissions.server";
import { z } from "zod";
import { parseQuery } from "~/utils/request.server";
import { queryFlag } from "~/utils/input";

/** `?change=1`: the user came from "check your answers" to change something. */
const changeQuery = z.object({ change: queryFlag });

/** What every question page starts with: the signed-in partner and their own draft (or 404). */
export async function loadDraft(request: Request, context: AppLoadContext, id: string | undefined) {
  const auth = await requireUser(request, context);
  const draft = await requireDraft(auth, id ?? "");
  return { auth, draft };
}

/**
 * What every question page's action starts with. Like loadDraft, except that a submission of the
 * user's organisation that was sent since the page was loaded (a stale tab) is not a 404: the
 * action answers with `sent`, the notice to show above what the user typed.
 */
export async function loadDraftForChange(request: Request, context: AppLoadContext, id: string | undefined) {
  const auth = await requireUser(request, context);
  const sent = await sentSubmissionNotice(auth, id ?? "");
  if (sent) return { auth, draft: null, sent };
  const draft = await requireDraft(auth, id ?? "");
  return { auth, draft, sent: null };
}

/**
 * The page again, with the notice in the error summary and every value as typed (nothing is lost:
 * the user can copy it). `stale` tells shouldRevalidate not to reload the page's data, which would
 * now be a 404.
 */
export function draftSentResponse(message: string, values: FormValues) {
  const errors: FieldErrors = { form: message };
  return data({ errors, values, stale: true as const }, { status: 409 });
}

/**
 * Runs a draft write, whose transaction re-checks that the draft is still the user's and unsent;
 * if it was sent meanwhile, answers with draftSentResponse instead of throwing, and if the answer
 * no longer fits the draft as it now stands, with that field's error. Null when it was saved.
 */
export async function writeDraft(values: FormValues, write: () => Promise<unknown>) {
  try {
    await write();
    return null;
  } catch (error) {
    if (error instanceof DraftNoLongerEditable) return draftSentResponse(error.message, values);
    if (error instanceof DraftStepRefused) {
      const errors: FieldErrors = { [error.field]: error.message };
      return data({ errors, values, stale: false as const }, { status: 409 });
    }
    throw error;
  }
}

/**
 * Where a question page goes after a good answer: back to "check your answers" when the user came
 * from there to change something, otherwise to the next question.
 */
export function afterStep(request: Request, draft: Pick<Draft, "id">, next: DraftStep | "check") {
  const fromCheck = parseQuery(request, changeQuery).change;
  return redirect(`/submissions/${draft.id}/${fromCheck ? "check" : next}`);
}

/** Keeps "?change=1" on links and forms so a change from the check page returns there. */
export function changeSuffix(request: Request): string {
  return parseQuery(request, changeQuery).change ? "?change=1" : "";
}

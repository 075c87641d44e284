import { redirect, type AppLoadContext } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { requireDraft, type Draft, type DraftStep } from "./submissions.server";
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

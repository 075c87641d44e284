import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { parseForm } from "~/utils/forms.server";
import { reasonFormSchema } from "./forms";
import { reinstateAgreement, revokeAgreement, suspendAgreement, type Actor } from "./lifecycle.server";
import { availableSteps, sharedCounts } from "./queries.server";
import { actorOf, formError, requireAgreement, runStep } from "./route-helpers.server";
import { displayStatus } from "./status";
import { idParam } from "~/utils/request.server";
import { clock } from "~/utils/clock";

/**
 * Suspend, reinstate and revoke are the same page: a reason, a warning, a button. One loader and
 * one action serve the three routes. (Each route declares `export function loader` itself: the
 * Remix compiler strips loader/action only when they are functions it can see, and a
 * `const loader = factory()` would call server code in the browser bundle.)
 */
export type ReasonStep = "suspend" | "reinstate" | "revoke";

/** Each step, answering whether the agreement ended up reinstated (only a last lifted suspension does). */
const STEPS: Record<ReasonStep, (actor: Actor, id: string, reason: string) => Promise<{ reinstated: boolean }>> = {
  suspend: async (actor, id, reason) => {
    await suspendAgreement(actor, id, reason);
    return { reinstated: false };
  },
  reinstate: (actor, id, reason) => reinstateAgreement(actor, id, reason),
  revoke: async (actor, id, reason) => {
    await revokeAgreement(actor, id, reason);
    return { reinstated: false };
  },
};
const DONE = { suspend: "suspended", reinstate: "reinstated", revoke: "revoked" } as const;

export async function loadReasonStep(step: ReasonStep, { request, context, params }: LoaderFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), step);
  const now = clock.now();
  if (!availableSteps(auth.ability, auth.user, agreement, now).includes(step)) throw redirect(`/agreements/${agreement.id}`);
  return {
    agreement: {
      id: agreement.id,
      reference: agreement.reference,
      title: agreement.title,
      displayStatus: displayStatus(agreement, now),
      startDate: agreement.startDate,
    },
    sharedTotal: (await sharedCounts(agreement.id)).total,
    // Other parties' suspensions that stay in place after this one is lifted (reinstate only).
    otherSuspensions: [
      ...new Set(
        agreement.suspensions
          .filter((s) => s.liftedAt === null && s.organisationId !== auth.user.organisationId)
          .map((s) => s.organisation.name),
      ),
    ],
  };
}

export async function takeReasonStep(step: ReasonStep, { request, context, params }: ActionFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), step);
  const form = await parseForm(request, reasonFormSchema);
  if (!form.success) return formError(form.errors, form.values);
  const outcome = await runStep(auth, request, agreement.id, form.values, () => STEPS[step](actorOf(auth), agreement.id, form.data.reason));
  if (!outcome.ok) return outcome.response;
  // Lifting one party's suspension while others remain does not reinstate the agreement.
  const done = step === "reinstate" && !outcome.result.reinstated ? "suspension-lifted" : DONE[step];
  return redirect(`/agreements/${agreement.id}?done=${done}`);
}

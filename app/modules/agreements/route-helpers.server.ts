import { data, type AppLoadContext } from "@remix-run/node";
import { subject } from "@casl/ability";
import { requireUser, type AuthenticatedRequest } from "~/modules/auth/auth.server";
import { recordDenial } from "~/modules/authorization/deny.server";
import type { Action } from "~/modules/authorization/ability.server";
import type { FormValues } from "~/utils/forms.server";
import { AgreementNotFound, AgreementStepRefused, type Actor } from "./lifecycle.server";
import { findReadableAgreement, type AgreementRecord } from "./queries.server";

/**
 * What every agreement route does first: sign-in, find the agreement the user may read (404 and
 * an audit event otherwise), check the action (403 and an audit event otherwise). Keeps each route
 * file to parsing, one domain call and rendering.
 */

export function actorOf(auth: AuthenticatedRequest): Actor {
  return { user: auth.user, ability: auth.ability, audit: auth.audit };
}

/** Records the refusal of `action` on the agreement (authorization's deny()) and returns its answer. */
function denied(auth: AuthenticatedRequest, request: Request, action: string, agreementId: string | undefined, status: 403 | 404) {
  return recordDenial(auth, {
    action,
    recordType: "Agreement",
    recordId: agreementId,
    reason: status === 404 ? "RECORD_NOT_VISIBLE" : agreementId ? "ACTION_NOT_PERMITTED_ON_RECORD" : "ACTION_NOT_PERMITTED",
    status,
    request,
  });
}

export async function requireAgreementAbility(request: Request, context: AppLoadContext, action: Action) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can(action, "Agreement")) {
    throw await denied(auth, request, action, undefined, 403);
  }
  return auth;
}

/**
 * The agreement at `params.id` if the user may read it and (when given) take `action` on it.
 * The ability check for `action` uses the loaded row, so party conditions apply.
 */
export async function requireAgreement(
  request: Request,
  context: AppLoadContext,
  id: string | undefined,
  action?: Action,
): Promise<{ auth: AuthenticatedRequest; agreement: AgreementRecord }> {
  const auth = await requireUser(request, context);
  const agreement = id ? await findReadableAgreement(auth.ability, id) : null;
  if (!agreement) throw await denied(auth, request, action ?? "read", id, 404);
  if (action && !auth.ability.can(action, subject("Agreement", agreement))) {
    throw await denied(auth, request, action, agreement.id, 403);
  }
  return { auth, agreement };
}

/**
 * Runs a lifecycle step for a form: a refusal about the agreement's state comes back as a form
 * error (what the user typed is kept); a refusal about the person is a 403, a hidden agreement a
 * 404, both audited.
 */
export async function runStep<T>(
  auth: AuthenticatedRequest,
  request: Request,
  agreementId: string | undefined,
  values: FormValues,
  step: () => Promise<T>,
): Promise<{ ok: true; result: T } | { ok: false; response: ReturnType<typeof stepError> }> {
  try {
    return { ok: true, result: await step() };
  } catch (error) {
    if (error instanceof AgreementNotFound) throw await denied(auth, request, "step", agreementId, 404);
    if (error instanceof AgreementStepRefused) {
      if (error.status === 403) throw await denied(auth, request, "step", agreementId, 403);
      return { ok: false, response: stepError({ [error.field]: error.message }, values) };
    }
    throw error;
  }
}

export function stepError(errors: Record<string, string>, values: FormValues, status = 409) {
  return data({ errors, values }, { status });
}

export function formError(errors: Record<string, string>, values: FormValues) {
  return data({ errors, values }, { status: 400 });
}

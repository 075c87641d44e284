import { data, type AppLoadContext } from "@remix-run/node";
import { subject } from "@casl/ability";
import { notFound, requireUser, type AuthenticatedRequest } from "~/modules/auth/auth.server";
import { audit } from "~/modules/audit/audit.server";
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

export async function denied(auth: AuthenticatedRequest, details: { action: string; agreementId?: string; status: 403 | 404; path: string }) {
  await audit(auth.audit, {
    action: "access.denied",
    outcome: "DENIED",
    recordType: "Agreement",
    recordId: details.agreementId,
    details: { attempted: details.action, status: details.status, path: details.path },
  });
}

function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export async function requireAgreementAbility(request: Request, context: AppLoadContext, action: Action) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can(action, "Agreement")) {
    await denied(auth, { action, status: 403, path: new URL(request.url).pathname });
    throw forbidden();
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
  const path = new URL(request.url).pathname;
  const agreement = id ? await findReadableAgreement(auth.ability, id) : null;
  if (!agreement) {
    await denied(auth, { action: action ?? "read", agreementId: id, status: 404, path });
    throw notFound();
  }
  if (action && !auth.ability.can(action, subject("Agreement", agreement))) {
    await denied(auth, { action, agreementId: agreement.id, status: 403, path });
    throw forbidden();
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
  const path = new URL(request.url).pathname;
  try {
    return { ok: true, result: await step() };
  } catch (error) {
    if (error instanceof AgreementNotFound) {
      await denied(auth, { action: "step", agreementId, status: 404, path });
      throw notFound();
    }
    if (error instanceof AgreementStepRefused) {
      if (error.status === 403) {
        await denied(auth, { action: "step", agreementId, status: 403, path });
        throw forbidden();
      }
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

import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, TextInput } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { redirectWithSession, requirePendingMfaSession, signInAttempt } from "~/modules/auth/auth.server";
import { RECOVERY_CODE_WRONG, tooManyAttempts } from "~/modules/auth/messages";
import { redirectQuery, safeRedirect, withRedirectTo } from "~/modules/auth/redirect";
import { verifyRecoveryCode } from "~/modules/auth/sign-in.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Use a recovery code – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePendingMfaSession(request, context, "code");
  return { redirectTo: parseQuery(request, redirectQuery).redirectTo };
}

const recoverySchema = z.object({
  recoveryCode: z.string().trim().min(1, "Enter a recovery code").max(64, RECOVERY_CODE_WRONG),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingMfaSession(request, context, "code");
  const form = await parseForm(request, recoverySchema);
  if (!form.success) return data({ errors: form.errors }, { status: 400 });
  const result = await verifyRecoveryCode(pending, form.data.recoveryCode, signInAttempt(request, context));
  switch (result.outcome) {
    case "failed":
      return data({ errors: { recoveryCode: RECOVERY_CODE_WRONG } }, { status: 401 });
    case "throttled":
      return data({ errors: { recoveryCode: tooManyAttempts(result.wait) } }, { status: 429 });
    case "signed-in": {
      // With few codes left, go to the account page, where a new set can be made.
      const destination = (result.remaining ?? 0) <= 3 ? "/account?notice=recovery-codes-low" : safeRedirect(form.data.redirectTo);
      return redirectWithSession(destination, result.session);
    }
  }
}

export default function RecoveryCode() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const fresh = useFreshKey(actionData);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Use a recovery code</h1>
        <p className="govuk-body">
          Enter one of the recovery codes you saved when you set up your authenticator app. Each code
          works once.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            key={fresh}
            name="recoveryCode"
            label="Recovery code"
            hint="For example, abcde-fghij"
            autoComplete="off"
            spellCheck={false}
            width="10"
            error={errors?.recoveryCode}
          />
          <Button>Continue</Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to={withRedirectTo("/sign-in/code", redirectTo)}>
            Use your authenticator app instead
          </Link>
        </p>
      </div>
    </div>
  );
}

import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { securityCodeField } from "~/modules/auth/forms";
import { Button, ErrorSummary, SecurityCodeInput } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { redirectWithSession, requirePendingMfaSession, signInAttempt } from "~/modules/auth/auth.server";
import { SECURITY_CODE_WRONG, tooManyAttempts } from "~/modules/auth/messages";
import { redirectQuery, safeRedirect, withRedirectTo } from "~/modules/auth/redirect";
import { verifySecurityCode } from "~/modules/auth/sign-in.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Enter your security code – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePendingMfaSession(request, context, "code");
  return { redirectTo: parseQuery(request, redirectQuery).redirectTo };
}

const codeSchema = z.object({
  code: securityCodeField("Enter your security code"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingMfaSession(request, context, "code");
  const form = await parseForm(request, codeSchema);
  if (!form.success) return data({ errors: form.errors }, { status: 400 });
  const result = await verifySecurityCode(pending, form.data.code, signInAttempt(request, context));
  switch (result.outcome) {
    case "failed":
      return data({ errors: { code: SECURITY_CODE_WRONG } }, { status: 401 });
    case "throttled":
      return data({ errors: { code: tooManyAttempts(result.wait) } }, { status: 429 });
    case "signed-in":
      return redirectWithSession(safeRedirect(form.data.redirectTo), result.session);
  }
}

export default function SecurityCode() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const fresh = useFreshKey(actionData);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Enter your security code</h1>
        <p className="govuk-body">Open the authenticator app on your phone and enter the 6-digit code it shows for this service.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <SecurityCodeInput key={fresh} hint="The code changes every 30 seconds" error={errors?.code} />
          <Button>Continue</Button>
        </Form>
        <p className="govuk-body">
          <Link className="govuk-link" to={withRedirectTo("/sign-in/recovery", redirectTo)}>
            Use a recovery code instead
          </Link>
        </p>
        <Form method="post" action="/sign-out">
          <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Cancel and sign out
          </button>
        </Form>
      </div>
    </div>
  );
}

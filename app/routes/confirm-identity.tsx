import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, SecurityCodeInput, TextInput } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { requireUser, signInAttempt } from "~/modules/auth/auth.server";
import { securityCodeField } from "~/modules/auth/forms";
import { IDENTITY_NOT_CONFIRMED, tooManyAttempts } from "~/modules/auth/messages";
import { REAUTHENTICATION_WINDOW_MS } from "~/modules/auth/reauthentication.server";
import { redirectQuery, safeRedirect } from "~/modules/auth/redirect";
import { confirmIdentity } from "~/modules/auth/sign-in.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Confirm it's you – Partnership Intelligence Portal" }];

/** "Confirm it's you": password and a fresh security code before signing an agreement or exporting. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return { redirectTo: parseQuery(request, redirectQuery).redirectTo, minutes: REAUTHENTICATION_WINDOW_MS / 60_000 };
}

const confirmSchema = z.object({
  password: z.string().min(1, "Enter your password").max(1024, "Password must be 1024 characters or fewer"),
  code: securityCodeField("Enter your security code"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const form = await parseForm(request, confirmSchema);
  if (!form.success) return data({ errors: form.errors }, { status: 400 });
  const result = await confirmIdentity(auth, form.data, signInAttempt(request, context));
  switch (result.outcome) {
    case "failed":
      return data({ errors: { password: IDENTITY_NOT_CONFIRMED } }, { status: 401 });
    case "throttled":
      return data({ errors: { password: tooManyAttempts(result.wait) } }, { status: 429 });
    case "confirmed":
      return redirect(safeRedirect(form.data.redirectTo));
  }
}

export default function ConfirmIdentity() {
  const { redirectTo, minutes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const fresh = useFreshKey(actionData);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Confirm it&rsquo;s you</h1>
        <p className="govuk-body">
          Before you sign an agreement or download an export, enter your password and a security code again. You will not be asked
          again for {minutes} minutes.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput key={`password-${fresh}`} name="password" label="Password" type="password" autoComplete="current-password" error={errors && "password" in errors ? errors.password : undefined} />
          <SecurityCodeInput key={`code-${fresh}`} hint="Open the authenticator app on your phone and enter the 6-digit code it shows for this service" error={errors && "code" in errors ? errors.code : undefined} />
          <Button>Continue</Button>
        </Form>
      </div>
    </div>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, TextInput } from "~/components/form";
import { requestAuditContext } from "~/modules/auth/auth.server";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-strength";
import { activateAccount, findActivation, TOKEN_PATTERN } from "~/modules/users/activation.server";
import { parseForm } from "~/utils/forms.server";
import { parseParams } from "~/utils/request.server";

/**
 * Where a one-time link from an administrator lands: the person chooses their password (a new
 * account, or a reset), then signs in; a new account sets up MFA at that first sign-in.
 */
export const meta: MetaFunction = () => [{ title: "Set your password – Partnership Intelligence Portal" }];

/** An activation token as issued (base32, 32 characters); anything else is no page (404). */
function tokenParam(params: LoaderFunctionArgs["params"]): string {
  return parseParams(params, z.object({ token: z.string().regex(TOKEN_PATTERN) })).token;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const activation = await findActivation(tokenParam(params));
  if (!activation) return { valid: false as const, email: null, isNewAccount: false };
  return { valid: true as const, email: activation.user.email, isNewAccount: activation.user.totpEnrolledAt === null };
}

const passwordFormSchema = z.object({
  password: z.string().min(1, "Enter a password"),
  confirmPassword: z.string().min(1, "Enter the password again"),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = tokenParam(params);
  const form = await parseForm(request, passwordFormSchema);
  // Passwords are never sent back to the page.
  if (!form.success) return { errors: form.errors, invalidLink: false };
  const result = await activateAccount(token, form.data, requestAuditContext(request, context, null));
  if (result.ok) throw redirect("/sign-in");
  if (result.reason === "invalid-link") return { errors: null, invalidLink: true };
  return { errors: result.errors, invalidLink: false };
}

export default function Activate() {
  const { valid, email, isNewAccount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!valid || actionData?.invalidLink) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">This link has expired or has already been used</h1>
          <p className="govuk-body">
            Activation links work once, for 72 hours, and only the newest link for an account works.
          </p>
          <p className="govuk-body">Ask your organisation&apos;s portal administrator for a new link.</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={actionData?.errors ?? undefined} />
        <h1 className="govuk-heading-l">{isNewAccount ? "Set up your account" : "Set a new password"}</h1>
        <p className="govuk-body">
          Choose a password for <strong className="app-break-anywhere">{email}</strong>.
        </p>
        <p className="govuk-body">
          Use at least {PASSWORD_MIN_LENGTH} characters. A few unrelated words together make a strong password that is
          easy to remember. A password manager can create and remember one for you.
        </p>
        <Form method="post" noValidate>
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" autoComplete="username" value={email ?? ""} />
          <TextInput
            name="password"
            type="password"
            label="New password"
            error={actionData?.errors?.password}
            autoComplete="new-password"
            spellCheck={false}
          />
          <TextInput
            name="confirmPassword"
            type="password"
            label="Confirm new password"
            error={actionData?.errors?.confirmPassword}
            autoComplete="new-password"
            spellCheck={false}
          />
          <Button>{isNewAccount ? "Set password and continue" : "Set new password"}</Button>
        </Form>
        {isNewAccount ? (
          <p className="govuk-body">
            Next you will sign in and set up an authenticator app on your phone for a security code.
          </p>
        ) : null}
      </div>
    </div>
  );
}

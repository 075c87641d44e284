import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, TextInput } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { changePassword } from "~/modules/auth/account.server";
import { requireUser } from "~/modules/auth/auth.server";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "~/modules/auth/password.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Change your password – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return { minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH };
}

const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(1024, "Enter your current password"),
    newPassword: z.string().min(1, "Enter a new password"),
    confirmPassword: z.string().min(1, "Confirm your new password"),
  })
  .refine((form) => form.confirmPassword === "" || form.newPassword === form.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const form = await parseForm(request, changePasswordSchema);
  // Passwords are never sent back to the page, even after an error.
  if (!form.success) return data({ errors: form.errors }, { status: 400 });
  const result = await changePassword(auth, form.data);
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirect("/account?notice=password-changed");
}

export default function ChangePassword() {
  const { minLength, maxLength } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const fresh = useFreshKey(actionData);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/account" className="govuk-back-link">
          Back to your account
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Change your password</h1>
        <p className="govuk-body">Changing your password signs you out of every other browser.</p>
        <Form key={fresh} method="post" noValidate>
          <TextInput
            name="currentPassword"
            label="Current password"
            type="password"
            autoComplete="current-password"
            error={errors?.currentPassword}
          />
          <TextInput
            name="newPassword"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${minLength} characters (up to ${maxLength}). A few unrelated words make a strong password that is easy to remember. Common passwords and ones built from your name or email address are refused.`}
            error={errors?.newPassword}
          />
          <TextInput
            name="confirmPassword"
            label="Confirm new password"
            type="password"
            autoComplete="new-password"
            error={errors?.confirmPassword}
          />
          <Button>Change password</Button>
        </Form>
      </div>
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, TextInput, valueOf } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { NotificationBanner } from "~/components/notification-banner";
import { getSession, redirectWithSession, signInAttempt } from "~/modules/auth/auth.server";
import { SESSION_ENDED, SESSION_TIMED_OUT, SIGN_IN_FAILED, tooManyAttempts } from "~/modules/auth/messages";
import { dummyPasswordHash } from "~/modules/auth/password.server";
import { redirectQuery, safeRedirect, withRedirectTo } from "~/modules/auth/redirect";
import { readSessionToken } from "~/modules/auth/session.server";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "~/modules/auth/session-timing";
import { signInWithPassword } from "~/modules/auth/sign-in.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";
import { queryFlag } from "~/utils/input";

export const meta: MetaFunction = () => [{ title: "Sign in – Partnership Intelligence Portal" }];

const signInPageQuery = redirectQuery.extend({ expired: queryFlag, signedOut: queryFlag, timedOut: queryFlag });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { redirectTo, expired, signedOut, timedOut } = parseQuery(request, signInPageQuery);
  const current = await getSession(request, context);
  if (current?.session.mfaVerified) throw redirect(redirectTo);
  // Compute the dummy hash now, so the first attempt with an unknown email is not slower than others.
  void dummyPasswordHash();
  return {
    redirectTo,
    expired,
    signedOut,
    timedOut,
  };
}

const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address")
    .max(320, "Email address must be 320 characters or fewer")
    .regex(/^[^\s@]+@[^\s@]+$/, "Enter an email address in the correct format, like name@example.com"),
  password: z.string().min(1, "Enter your password").max(1024, "Password must be 1024 characters or fewer"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await parseForm(request, signInSchema);
  // The password is never sent back to the page.
  const values = { email: valueOf(form.values, "email") ?? "" };
  if (!form.success) return data({ errors: form.errors, values }, { status: 400 });

  const redirectTo = safeRedirect(form.data.redirectTo);
  const result = await signInWithPassword(form.data, signInAttempt(request, context), readSessionToken(request));
  switch (result.outcome) {
    case "failed":
      return data({ errors: { email: SIGN_IN_FAILED }, values }, { status: 401 });
    case "throttled":
      return data({ errors: { email: tooManyAttempts(result.wait) }, values }, { status: 429 });
    case "password-accepted":
      return redirectWithSession(withRedirectTo(result.next, redirectTo), result.session);
  }
}

export default function SignIn() {
  const { redirectTo, expired, signedOut, timedOut } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const fresh = useFreshKey(actionData);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {expired && !errors ? <NotificationBanner heading={SESSION_ENDED} /> : null}
        {signedOut && !errors ? <NotificationBanner kind="success" heading="You have signed out" /> : null}
        {timedOut && !errors ? (
          <NotificationBanner heading={SESSION_TIMED_OUT}>
            <p className="govuk-body">You had not used the service for {SESSION_IDLE_MS / 60_000} minutes, or you had been signed in for {SESSION_ABSOLUTE_MS / 3_600_000} hours. Anything you had not saved was not kept.</p>
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          Sign in with the email address and password for your account. You will then be asked for a
          security code from your authenticator app.
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextInput
            name="email"
            label="Email address"
            type="email"
            autoComplete="username"
            spellCheck={false}
            defaultValue={actionData?.values.email}
            error={errors && "email" in errors ? errors.email : undefined}
          />
          <TextInput
            key={fresh}
            name="password"
            label="Password"
            type="password"
            autoComplete="current-password"
            error={errors && "password" in errors ? errors.password : undefined}
          />
          <Button>Sign in</Button>
        </Form>
        <p className="govuk-body">
          If you have forgotten your password or lost your authenticator app and recovery codes, ask
          your organisation&apos;s system administrator to reset your account.
        </p>
      </div>
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { securityCodeField } from "~/modules/auth/forms";
import { Button, ErrorSummary, SecurityCodeInput } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { RecoveryCodeList } from "~/components/recovery-code-list";
import { getSession, requirePendingMfaSession, signInAttempt } from "~/modules/auth/auth.server";
import { SECURITY_CODE_WRONG, tooManyAttempts } from "~/modules/auth/messages";
import { qrCodeDataUrl } from "~/modules/auth/qr-code.server";
import { redirectQuery, safeRedirect, withRedirectTo } from "~/modules/auth/redirect";
import { sessionCookieHeader } from "~/modules/auth/session.server";
import { confirmEnrolment, pendingEnrolmentSecret } from "~/modules/auth/sign-in.server";
import { decodeTotpSecret, totpKeyUri } from "~/modules/auth/totp.server";
import { parseForm } from "~/utils/forms.server";
import { parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Set up your authenticator app – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { redirectTo } = parseQuery(request, redirectQuery);
  // Just enrolled (this loader runs again after the action): the page shows the recovery codes
  // from the action's response, so it must not redirect away from them.
  const current = await getSession(request, context);
  if (current?.session.mfaVerified) return { stage: "done" as const, redirectTo };

  const pending = await requirePendingMfaSession(request, context, "enrol");
  const secret = await pendingEnrolmentSecret(pending.user.id);
  if (!secret) throw redirect(withRedirectTo("/sign-in/code", redirectTo));
  return {
    stage: "enrol" as const,
    redirectTo,
    qrCode: await qrCodeDataUrl(totpKeyUri(pending.user.email, decodeTotpSecret(secret))),
    // Groups of four are easier to copy into an app by hand.
    secretForDisplay: secret.match(/.{1,4}/g)?.join(" ") ?? secret,
  };
}

const enrolSchema = z.object({
  code: securityCodeField("Enter the security code from your authenticator app"),
  redirectTo: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePendingMfaSession(request, context, "enrol");
  const form = await parseForm(request, enrolSchema);
  if (!form.success) return data({ errors: form.errors, recoveryCodes: null }, { status: 400 });
  const result = await confirmEnrolment(pending, form.data.code, signInAttempt(request, context));
  switch (result.outcome) {
    case "already-enrolled":
      throw redirect(withRedirectTo("/sign-in/code", safeRedirect(form.data.redirectTo)));
    case "failed":
      return data({ errors: { code: SECURITY_CODE_WRONG }, recoveryCodes: null }, { status: 401 });
    case "throttled":
      return data({ errors: { code: tooManyAttempts(result.wait) }, recoveryCodes: null }, { status: 429 });
    case "enrolled":
      // Shown once, from this response only: the database keeps just their hashes.
      return data(
        { errors: undefined, recoveryCodes: result.recoveryCodes },
        { headers: { "Set-Cookie": sessionCookieHeader(result.session.token, result.session.expiresAt) } },
      );
  }
}

export default function Enrol() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fresh = useFreshKey(actionData);
  const continueTo = loaderData.redirectTo;

  if (actionData?.recoveryCodes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Save your recovery codes</h1>
          <p className="govuk-body">Your authenticator app is set up.</p>
          <RecoveryCodeList codes={actionData.recoveryCodes} />
          <Link to={continueTo} className="govuk-button" role="button" draggable="false" data-module="govuk-button">
            I have saved my recovery codes
          </Link>
        </div>
      </div>
    );
  }

  if (loaderData.stage === "done") {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Your authenticator app is set up</h1>
          <p className="govuk-body">
            You can get a new set of recovery codes from{" "}
            <Link className="govuk-link" to="/account">
              your account
            </Link>
            .
          </p>
          <Link to={continueTo} className="govuk-button" role="button" draggable="false" data-module="govuk-button">
            Continue
          </Link>
        </div>
      </div>
    );
  }

  const errors = actionData?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Set up your authenticator app</h1>
        <p className="govuk-body">
          Every account on this service needs a second step to sign in: a security code from an
          authenticator app on your phone, such as Microsoft Authenticator or Google Authenticator.
        </p>
        <ol className="govuk-list govuk-list--number">
          <li>Install an authenticator app on your phone if you do not have one.</li>
          <li>In the app, choose to add an account, then scan this QR code.</li>
        </ol>
        <div className="app-qr govuk-!-margin-bottom-4">
          <img
            src={loaderData.qrCode}
            alt="QR code to add the Partnership Intelligence Portal to your authenticator app. If you cannot scan it, enter the setup key shown below instead."
          />
        </div>
        <p className="govuk-body">If you cannot scan the QR code, choose to enter a setup key in the app and type in this key:</p>
        <p className="govuk-body app-secret" data-testid="totp-secret">
          {loaderData.secretForDisplay}
        </p>
        <p className="govuk-body">Choose a time-based code if the app asks.</p>
        <Form method="post" noValidate>
          <input type="hidden" name="redirectTo" value={continueTo} />
          <SecurityCodeInput key={fresh} hint="Enter the 6-digit code your app now shows for this service" error={errors?.code} />
          <Button>Continue</Button>
        </Form>
      </div>
    </div>
  );
}

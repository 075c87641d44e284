import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, TextInput } from "~/components/form";
import { useFreshKey } from "~/components/use-fresh-key";
import { RecoveryCodeList } from "~/components/recovery-code-list";
import { regenerateRecoveryCodes } from "~/modules/auth/account.server";
import { requireUser } from "~/modules/auth/auth.server";
import { RECOVERY_CODE_COUNT, unusedRecoveryCodeCount } from "~/modules/auth/recovery-codes.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Get new recovery codes – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { unused: await unusedRecoveryCodeCount(auth.user.id), total: RECOVERY_CODE_COUNT };
}

const regenerateSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s+/g, ""))
    .pipe(z.string().min(1, "Enter your security code").regex(/^\d{6}$/, "Enter the 6-digit security code")),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const form = await parseForm(request, regenerateSchema);
  if (!form.success) return data({ errors: form.errors, codes: null }, { status: 400 });
  const result = await regenerateRecoveryCodes(auth, form.data.code);
  if (!result.ok) return data({ errors: { code: result.error }, codes: null }, { status: 400 });
  // Shown once, from this response only: the database keeps just their hashes.
  return { errors: undefined, codes: result.codes };
}

export default function RecoveryCodes() {
  const { unused, total } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fresh = useFreshKey(actionData);
  if (actionData?.codes) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Your new recovery codes</h1>
          <p className="govuk-body">Your old recovery codes no longer work.</p>
          <RecoveryCodeList codes={actionData.codes} />
          <Link to="/account" className="govuk-button" role="button" draggable="false" data-module="govuk-button">
            I have saved my recovery codes
          </Link>
        </div>
      </div>
    );
  }
  const errors = actionData?.errors;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link to="/account" className="govuk-back-link">
          Back to your account
        </Link>
        <ErrorSummary errors={errors} />
        <h1 className="govuk-heading-l">Get new recovery codes</h1>
        <p className="govuk-body">
          You have {unused} of {total} recovery codes unused. A new set of {total} replaces them all: the
          old codes will stop working.
        </p>
        <Form method="post" noValidate>
          <TextInput
            key={fresh}
            name="code"
            label="Security code"
            hint="To confirm it is you, enter the 6-digit code your authenticator app shows now"
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            width="5"
            error={errors?.code}
          />
          <Button>Get new recovery codes</Button>
        </Form>
      </div>
    </div>
  );
}

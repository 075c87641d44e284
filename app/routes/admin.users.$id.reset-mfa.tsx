import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { idParam } from "~/utils/request.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { reasonFormSchema } from "~/modules/users/user-form";
import { ConfirmAccountChange } from "~/modules/users/user-fields";
import { getUserForAdmin, resetUserMfa } from "~/modules/users/users.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Reset MFA for ${data?.user.name ?? "account"} – Administration – Partnership Intelligence Portal` },
];

const schema = reasonFormSchema("Enter why you are resetting MFA for this account");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const user = await getUserForAdmin(auth.ability, idParam(params));
  return { user: { id: user.id, name: user.name, email: user.email, organisation: user.organisation.name } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const id = idParam(params);
  const form = await parseForm(request, schema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await resetUserMfa(auth, id, form.data.reason);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(`/admin/users/${id}?done=mfa-reset`);
}

export default function ResetUserMfa() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reason = actionData?.values?.reason;
  return (
    <ConfirmAccountChange
      user={user}
      heading="Are you sure you want to reset MFA for this account?"
      warning={`${user.name}'s authenticator and recovery codes stop working and they are signed out everywhere. They set up a new authenticator at their next sign-in. Check who is asking before you reset it.`}
      reasonLabel="Why are you resetting MFA?"
      reasonHint="For example, they lost their phone and recovery codes, and you confirmed it was them. This is recorded in the audit trail."
      errors={actionData?.errors}
      reason={typeof reason === "string" ? reason : undefined}
      button="Reset MFA"
    />
  );
}

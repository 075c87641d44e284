import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { idParam } from "~/utils/request.server";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { reasonFormSchema } from "~/modules/users/user-form";
import { ConfirmAccountChange } from "~/modules/users/user-fields";
import { disableUser, getUserForAdmin } from "~/modules/users/users.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Disable ${data?.user.name ?? "account"} – Administration – Partnership Intelligence Portal` },
];

const schema = reasonFormSchema("Enter why you are disabling this account");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const user = await getUserForAdmin(auth.ability, idParam(params));
  if (user.disabledAt) throw redirect(`/admin/users/${user.id}`);
  return { user: { id: user.id, name: user.name, email: user.email, organisation: user.organisation.name } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const id = idParam(params);
  const form = await parseForm(request, schema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await disableUser(auth, id, form.data.reason);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(`/admin/users/${id}?done=disabled`);
}

export default function DisableUser() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const reason = actionData?.values?.reason;
  return (
    <ConfirmAccountChange
      user={user}
      heading="Are you sure you want to disable this account?"
      warning={`${user.name} will be signed out everywhere at once and cannot sign in until the account is enabled again. Their records and the audit trail are kept.`}
      reasonLabel="Why are you disabling this account?"
      reasonHint="For example, they have left the organisation, or their account may be misused. This is recorded in the audit trail."
      errors={actionData?.errors}
      reason={typeof reason === "string" ? reason : undefined}
      button="Disable account"
    />
  );
}

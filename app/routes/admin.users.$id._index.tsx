import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { z } from "zod";
import { Button, ErrorSummary } from "~/components/form";
import { Breadcrumbs, SuccessBanner } from "~/components/navigation";
import { formatDateTime } from "~/utils/dates";
import { pluralise } from "~/utils/plural";
import { requireAdministrator } from "~/modules/administration/require-administrator.server";
import { audit } from "~/modules/audit/audit.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { activationPath } from "~/modules/users/activation.server";
import { ActivationLinkPanel, roleApproverText } from "~/modules/users/user-fields";
import { UserStatusTag } from "~/modules/users/user-status-tag";
import { enableUser, getUserForAdmin, issueUserActivation } from "~/modules/users/users.server";
import { parseForm } from "~/utils/forms.server";
import { idParam, parseQuery } from "~/utils/request.server";
import { optionalQuery } from "~/utils/input";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.user.name ?? "User account"} – Administration – Partnership Intelligence Portal` },
];

const DONE_MESSAGES = {
  updated: "The account details have been saved.",
  "roles-requested":
    "The account details have been saved. The roles you added give no access until a second person approves them.",
  disabled: "The account has been disabled and its sessions ended.",
  enabled: "The account has been enabled. The person can sign in again.",
  "mfa-reset": "MFA has been reset and the account's sessions ended. The person will set up MFA at their next sign-in.",
} as const;

const doneQuery = z.object({ done: optionalQuery(z.enum(Object.keys(DONE_MESSAGES) as (keyof typeof DONE_MESSAGES)[])) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const user = await getUserForAdmin(auth.ability, idParam(params));
  await audit(auth.audit, { action: "record.viewed", recordType: "User", recordId: user.id });
  const { done } = parseQuery(request, doneQuery);
  const isSelf = user.id === auth.user.id;
  return {
    user: {
      ...user,
      lastSignInAt: user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never",
      createdAt: formatDateTime(user.createdAt),
      disabledAt: user.disabledAt ? formatDateTime(user.disabledAt) : null,
      activationExpiresAt: user.activationExpiresAt ? formatDateTime(user.activationExpiresAt) : null,
      roles: user.roles.map((role) => ROLE_LABELS[role]),
      pendingRoles: user.pendingRoles.map((request) => ({
        id: request.id,
        role: ROLE_LABELS[request.role],
        approver: roleApproverText(request.role),
        requestedBy: request.requestedBy.name,
        requestedAt: formatDateTime(request.requestedAt),
      })),
    },
    isSelf,
    message: done ? DONE_MESSAGES[done] : null,
  };
}

// Disabling and resetting MFA ask for confirmation and a reason on their own pages
// (admin.users.$id.disable.tsx, admin.users.$id.reset-mfa.tsx).
const intentSchema = z.object({ intent: z.enum(["enable", "activation-link"]) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireAdministrator(request, context);
  const id = idParam(params);
  const form = await parseForm(request, intentSchema);
  if (!form.success) return { errors: { form: "Choose an action" }, link: null };
  const here = `/admin/users/${id}`;
  switch (form.data.intent) {
    case "enable": {
      const result = await enableUser(auth, id);
      return result.ok ? redirectTo(`${here}?done=enabled`) : { errors: result.errors, link: null };
    }
    case "activation-link": {
      const result = await issueUserActivation(auth, id);
      if (!result.ok) return { errors: result.errors, link: null };
      // Shown once, in this response only.
      return {
        errors: null,
        link: {
          url: new URL(activationPath(result.token), request.url).toString(),
          expiresAt: formatDateTime(result.expiresAt),
        },
      };
    }
  }
}

function redirectTo(location: string): never {
  throw redirect(location);
}

export default function UserAccount() {
  const { user, isSelf, message } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const link = actionData?.link;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Administration", to: "/admin" },
          { label: "User accounts", to: "/admin/users" },
        ]}
      />
      <ErrorSummary errors={actionData?.errors ?? undefined} />
      {message && !link ? <SuccessBanner>{message}</SuccessBanner> : null}
      {link ? (
        <SuccessBanner title="Activation link issued">
          <h3 className="govuk-notification-banner__heading">New activation link for {user.name}</h3>
          <ActivationLinkPanel url={link.url} expiresAt={link.expiresAt} name={user.name} />
        </SuccessBanner>
      ) : null}
      <span className="govuk-caption-l">{user.organisation.name}</span>
      <h1 className="govuk-heading-l">{user.name}</h1>
      <dl className="govuk-summary-list">
        <Row label="Email address" value={<span className="app-break-anywhere">{user.email}</span>} />
        <Row label="Status" value={<UserStatusTag status={user.status} />} />
        <Row
          label="Organisation"
          value={
            <Link className="govuk-link" to={`/admin/organisations/${user.organisation.id}`}>
              {user.organisation.name}
            </Link>
          }
        />
        <Row label="Roles" value={user.roles.join(", ") || "None"} />
        {user.pendingRoles.length > 0 ? (
          <Row
            label="Awaiting approval"
            value={
              <ul className="govuk-list">
                {user.pendingRoles.map((request) => (
                  <li key={request.id}>
                    <strong>{request.role}</strong>: asked for by {request.requestedBy} on {request.requestedAt}; to be
                    approved by {request.approver}. It gives no access until then.
                  </li>
                ))}
              </ul>
            }
          />
        ) : null}
        <Row label="Can sign agreements" value={user.isAgreementSignatory ? "Yes" : "No"} />
        <Row label="MFA" value={user.mfaEnrolled ? "Set up" : "Not set up: they will set it up at their next sign-in"} />
        <Row label="Signed in now" value={user.activeSessions === 0 ? "No" : `Yes (${pluralise(user.activeSessions, "session")})`} />
        <Row label="Last signed in" value={user.lastSignInAt} />
        <Row label="Account created" value={user.createdAt} />
        {user.disabledAt ? <Row label="Disabled" value={user.disabledAt} /> : null}
        {user.activationExpiresAt ? <Row label="Activation link expires" value={user.activationExpiresAt} /> : null}
      </dl>
      <p className="govuk-body">
        <Link className="govuk-button govuk-button--secondary" to={`/admin/users/${user.id}/edit`} role="button" data-module="govuk-button">
          Change account details<span className="govuk-visually-hidden"> for {user.name}</span>
        </Link>
      </p>

      {isSelf ? (
        <div className="govuk-inset-text">
          This is your own account. Another administrator must disable it, reset its MFA or issue it an activation link.
        </div>
      ) : (
        <>
          <h2 className="govuk-heading-m">Password</h2>
          {user.disabledAt ? (
            <p className="govuk-body">Enable the account before issuing an activation link.</p>
          ) : (
            <Form method="post">
              <p className="govuk-body">
                {user.status === "awaiting-activation"
                  ? "If the first link was lost or has expired, issue a new one. Only the newest link works."
                  : "If the person has forgotten their password, issue a one-time link for them to set a new one. Their current password keeps working until they use it; using it signs them out everywhere."}
              </p>
              <Button variant="secondary" name="intent" value="activation-link">
                Issue a new activation link
              </Button>
            </Form>
          )}

          <h2 className="govuk-heading-m">Multi-factor authentication</h2>
          <p className="govuk-body">
            If the person has lost their authenticator and their recovery codes, reset MFA. This signs them out
            everywhere and they set up a new authenticator at their next sign-in.
          </p>
          <p className="govuk-body">
            <Link className="govuk-button govuk-button--warning" to={`/admin/users/${user.id}/reset-mfa`} role="button" data-module="govuk-button">
              Reset MFA<span className="govuk-visually-hidden"> for {user.name}</span>
            </Link>
          </p>

          <h2 className="govuk-heading-m">Access</h2>
          {user.disabledAt ? (
            <Form method="post">
              <p className="govuk-body">The account is disabled: the person cannot sign in.</p>
              <Button name="intent" value="enable">
                Enable account
              </Button>
            </Form>
          ) : (
            <>
              <p className="govuk-body">
                Disabling the account signs the person out everywhere at once and stops them signing in. Their records
                and the audit trail are kept.
              </p>
              <p className="govuk-body">
                <Link className="govuk-button govuk-button--warning" to={`/admin/users/${user.id}/disable`} role="button" data-module="govuk-button">
                  Disable account<span className="govuk-visually-hidden"> of {user.name}</span>
                </Link>
              </p>
            </>
          )}
        </>
      )}
    </>
  );
}

function Row({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{value}</dd>
    </div>
  );
}

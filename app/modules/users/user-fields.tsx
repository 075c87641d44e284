import { Form, Link } from "@remix-run/react";
import { Button, Choices, ErrorSummary, Select, Textarea, TextInput, valueOf, valuesOf, type Errors } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { Role } from "~/generated/prisma/enums";
import { ROLE_GRANT_APPROVER } from "~/modules/authorization/rules/role-grants";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/modules/organisations/labels";

/** "an intelligence supervisor of the person's organisation": who approves a role, in words. */
export function roleApproverText(role: Role): string {
  const approver = ROLE_LABELS[ROLE_GRANT_APPROVER[role]].toLowerCase();
  return `${/^[aeiou]/.test(approver) ? "an" : "a"} ${approver} of the person's organisation`;
}

/** Tells an administrator that the roles they give wait for a second person. */
export function RoleApprovalExplanation() {
  return (
    <div className="govuk-inset-text">
      A role you add gives no access until a second person approves it: police roles an intelligence supervisor,
      partner roles a partner manager, and the data protection officer and system administrator roles a data protection
      officer, each of the person&apos;s organisation. Roles you take off end at once.
    </div>
  );
}

/** The questions shared by "create a user account" and "change account details". */
export function UserAccountFields({
  organisations,
  errors,
  values,
  withEmail,
  pendingRoles = [],
}: {
  organisations: { id: string; name: string }[];
  errors: Errors;
  values: Record<string, string | string[]> | undefined;
  withEmail: boolean;
  /** Roles asked for and not yet approved: marked as such. */
  pendingRoles?: Role[];
}) {
  return (
    <>
      <TextInput name="name" label="Full name" error={errors?.name} defaultValue={valueOf(values, "name")} autoComplete="off" spellCheck={false} />
      {withEmail ? (
        <TextInput
          name="email"
          type="email"
          label="Work email address"
          hint="They sign in with this. It cannot be changed later."
          error={errors?.email}
          defaultValue={valueOf(values, "email")}
          autoComplete="off"
          spellCheck={false}
        />
      ) : null}
      <Select
        name="organisationId"
        label="Organisation"
        error={errors?.organisationId}
        defaultValue={valueOf(values, "organisationId") ?? ""}
        options={[{ value: "", label: "Select an organisation" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
      />
      <Choices
        kind="checkbox"
        name="roles"
        legend="Roles"
        hint="Select all that apply. Give people only the roles their work needs."
        error={errors?.roles}
        options={Object.values(Role).map((role) => ({
          value: role,
          label: pendingRoles.includes(role) ? `${ROLE_LABELS[role]} (awaiting approval)` : ROLE_LABELS[role],
          hint: `${ROLE_DESCRIPTIONS[role]} Approved by ${roleApproverText(role)}.`,
        }))}
        selected={valuesOf(values, "roles")}
      />
      <Choices
        kind="radio"
        name="isAgreementSignatory"
        legend="Can this person sign information sharing agreements for their organisation?"
        error={errors?.isAgreementSignatory}
        options={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        selected={valueOf(values, "isAgreementSignatory")}
        inline
      />
    </>
  );
}

/** The one-time link, shown once, with what to do with it. */
export function ActivationLinkPanel({ url, expiresAt, name }: { url: string; expiresAt: string; name: string }) {
  return (
    <>
      <p className="govuk-body">
        Give this one-time link to {name} by a secure route (for example in person, or by a message on your
        organisation&apos;s secure network). It is shown only once and works until <strong>{expiresAt}</strong>.
      </p>
      <p className="govuk-body app-activation-link" data-testid="activation-link">
        {url}
      </p>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Anyone with this link can set the account&apos;s password. Do not send it by ordinary email. If it is lost,
          issue a new link: that cancels this one.
        </strong>
      </div>
    </>
  );
}

/**
 * The confirmation page of a warning action on an account (disable, reset MFA): who, what will
 * happen, and the reason, which is recorded in the audit trail.
 */
export function ConfirmAccountChange({
  user,
  heading,
  warning,
  reasonLabel,
  reasonHint,
  errors,
  reason,
  button,
}: {
  user: { id: string; name: string; organisation: string };
  heading: string;
  warning: string;
  reasonLabel: string;
  reasonHint: string;
  errors?: Record<string, string>;
  reason?: string;
  button: string;
}) {
  return (
    <>
      <Breadcrumbs
        items={[
          { label: "Administration", to: "/admin" },
          { label: "User accounts", to: "/admin/users" },
          { label: user.name, to: `/admin/users/${user.id}` },
        ]}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l app-break-anywhere">
            {user.name}, {user.organisation}
          </span>
          <h1 className="govuk-heading-l">{heading}</h1>
          <Form method="post" noValidate>
            <div className="govuk-warning-text">
              <span className="govuk-warning-text__icon" aria-hidden="true">
                !
              </span>
              <strong className="govuk-warning-text__text">
                <span className="govuk-visually-hidden">Warning</span>
                {warning}
              </strong>
            </div>
            <Textarea name="reason" label={reasonLabel} hint={reasonHint} error={errors?.reason} defaultValue={reason} rows={3} />
            <div className="govuk-button-group">
              <Button variant="warning">{button}</Button>
              <Link className="govuk-link" to={`/admin/users/${user.id}`}>
                Cancel
              </Link>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

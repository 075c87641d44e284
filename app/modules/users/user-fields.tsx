import { Choices, Select, TextInput, valueOf, valuesOf, type Errors } from "~/components/form";
import { Role } from "~/generated/prisma/enums";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "~/modules/organisations/labels";

/** The questions shared by "create a user account" and "change account details". */
export function UserAccountFields({
  organisations,
  errors,
  values,
  withEmail,
}: {
  organisations: { id: string; name: string }[];
  errors: Errors;
  values: Record<string, string | string[]> | undefined;
  withEmail: boolean;
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
        options={Object.values(Role).map((role) => ({ value: role, label: ROLE_LABELS[role], hint: ROLE_DESCRIPTIONS[role] }))}
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

import { DateInput } from "~/components/date-input";
import { Choices, Select, Textarea, TextInput, valueOf, valuesOf, type Errors } from "~/components/form";
import {
  CLASSIFICATION_LABELS,
  DATA_CATEGORY_LABELS,
  DPIA_STATUS_LABELS,
  FOUR_P_LABELS,
  LAWFUL_BASIS_LABELS,
  PARTY_ROLE_LABELS,
  optionsFrom,
} from "~/modules/agreements/labels";
import type { AgreementTerms } from "~/modules/agreements/terms";

type Values = Record<string, string | string[]> | undefined;

/** Form values for the terms fields from a stored version (to edit or amend it). */
export function termsToValues(terms: AgreementTerms): Record<string, string | string[]> {
  return { ...terms, retentionMonths: String(terms.retentionMonths) };
}

/** The terms of an agreement, grouped as the ICO data sharing code lists them. */
export function TermsFields({ values, errors }: { values: Values; errors: Errors }) {
  const v = (name: string) => valueOf(values, name);
  const e = (name: string) => errors?.[name];
  return (
    <>
      <h2 className="govuk-heading-m">Purpose</h2>
      <TextInput name="title" label="Title" error={e("title")} defaultValue={v("title")} />
      <Textarea
        name="purpose"
        label="Purpose of sharing"
        hint="What the sharing is for and the benefit it brings. Be specific: the purpose limits what may be shared."
        error={e("purpose")}
        defaultValue={v("purpose")}
      />
      <Choices
        kind="checkbox"
        name="fourPStrands"
        legend="Which 4P strands does the sharing serve?"
        hint="Select all that apply."
        error={e("fourPStrands")}
        options={optionsFrom(FOUR_P_LABELS)}
        selected={valuesOf(values, "fourPStrands")}
        small
      />

      <h2 className="govuk-heading-m">Lawful basis</h2>
      <Choices
        kind="checkbox"
        name="lawfulBases"
        legend="Lawful basis and power to share"
        hint="Select all that apply. Police process under Part 3 of the Data Protection Act 2018; partners usually disclose under section 115 of the Crime and Disorder Act 1998 with a UK GDPR basis."
        error={e("lawfulBases")}
        options={optionsFrom(LAWFUL_BASIS_LABELS)}
        selected={valuesOf(values, "lawfulBases")}
        small
      />
      <Textarea
        name="lawfulBasisNotes"
        label="Notes on the lawful basis (optional)"
        hint="For example the Article 9 or 10 condition relied on. Required if you selected Other."
        error={e("lawfulBasisNotes")}
        defaultValue={v("lawfulBasisNotes")}
        rows={3}
      />

      <h2 className="govuk-heading-m">Data</h2>
      <Choices
        kind="checkbox"
        name="dataCategories"
        legend="Data categories that may be shared"
        hint="Intelligence may only carry the categories selected here."
        error={e("dataCategories")}
        options={optionsFrom(DATA_CATEGORY_LABELS)}
        selected={valuesOf(values, "dataCategories")}
        small
      />
      <Choices
        kind="radio"
        name="classificationCeiling"
        legend="Highest classification that may be shared"
        error={e("classificationCeiling")}
        options={[
          { value: "OFFICIAL", label: CLASSIFICATION_LABELS.OFFICIAL },
          { value: "OFFICIAL_SENSITIVE", label: CLASSIFICATION_LABELS.OFFICIAL_SENSITIVE, hint: "Needs stricter need-to-know handling." },
        ]}
        selected={v("classificationCeiling")}
        small
      />

      <h2 className="govuk-heading-m">Security and handling</h2>
      <Textarea
        name="handlingConditions"
        label="Handling conditions (optional)"
        hint="Conditions every recipient must follow, for example no onward sharing without consent."
        error={e("handlingConditions")}
        defaultValue={v("handlingConditions")}
        rows={3}
      />
      <Textarea
        name="sharingMethod"
        label="Method and security of sharing"
        error={e("sharingMethod")}
        defaultValue={v("sharingMethod") ?? "Through the Partnership Intelligence Portal only"}
        rows={2}
      />

      <h2 className="govuk-heading-m">Retention, rights and breaches</h2>
      <TextInput
        name="retentionMonths"
        label="Retention of shared records, in months"
        hint="Shared records are reviewed for disposal after this period."
        error={e("retentionMonths")}
        defaultValue={v("retentionMonths") ?? "24"}
        inputMode="numeric"
        width="3"
      />
      <Textarea name="disposalMethod" label="How shared records are disposed of" error={e("disposalMethod")} defaultValue={v("disposalMethod")} rows={2} />
      <Textarea name="rightsRequests" label="How rights requests are handled" hint="For example subject access requests: who answers, who is consulted." error={e("rightsRequests")} defaultValue={v("rightsRequests")} rows={2} />
      <Textarea name="breachProcedure" label="Breach procedure (optional)" error={e("breachProcedure")} defaultValue={v("breachProcedure")} rows={2} />

      <h2 className="govuk-heading-m">Dates and DPIA</h2>
      <DateInput name="startDate" legend="Start date" hint="Sharing can begin on this day, once every party has signed. For example, 1 4 2026" error={e("startDate")} values={values} />
      <DateInput name="endDate" legend="End date" hint="Sharing stops at the start of this day. For example, 1 4 2028" error={e("endDate")} values={values} />
      <DateInput name="reviewDate" legend="Review date" hint="No later than the end date. Reviews due within 30 days are shown on the home page." error={e("reviewDate")} values={values} />
      <TextInput name="dpiaReference" label="DPIA reference (optional)" error={e("dpiaReference")} defaultValue={v("dpiaReference")} width="20" />
      <Choices
        kind="radio"
        name="dpiaStatus"
        legend="Data protection impact assessment (DPIA) status"
        error={e("dpiaStatus")}
        options={optionsFrom(DPIA_STATUS_LABELS)}
        selected={v("dpiaStatus")}
        small
      />
    </>
  );
}

/** Party slots: each a fieldset with organisation, role and named lead. Empty slots are ignored. */
export function PartyFields({
  values,
  errors,
  organisations,
  slots,
}: {
  values: Values;
  errors: Errors;
  organisations: { id: string; name: string }[];
  slots: number;
}) {
  const organisationOptions = [{ value: "", label: "Choose an organisation" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))];
  const roleOptions = [{ value: "", label: "Choose a role" }, ...optionsFrom(PARTY_ROLE_LABELS)];
  return (
    <div id="parties" className={`govuk-form-group${errors?.parties ? " govuk-form-group--error" : ""}`}>
      <h2 className="govuk-heading-m">Parties</h2>
      <p className="govuk-body">
        Add every organisation that shares or receives under this agreement, at least two. Controllers and joint
        controllers sign the agreement; processors and recipients are bound through the controller they work with.
        Leave unused parties blank.
      </p>
      {errors?.parties ? (
        <p id="parties-error" className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errors.parties}
        </p>
      ) : null}
      {Array.from({ length: slots }, (_, index) => {
        const name = (field: string) => `parties.${index}.${field}`;
        return (
          <fieldset className="govuk-fieldset app-party" key={index}>
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Party {index + 1}</legend>
            <Select name={name("organisationId")} label="Organisation" options={organisationOptions} error={errors?.[name("organisationId")]} defaultValue={valueOf(values, name("organisationId")) ?? ""} />
            <Select name={name("role")} label="Role" options={roleOptions} error={errors?.[name("role")]} defaultValue={valueOf(values, name("role")) ?? ""} />
            <TextInput name={name("leadName")} label="Lead's name" error={errors?.[name("leadName")]} defaultValue={valueOf(values, name("leadName"))} autoComplete="off" />
            <TextInput name={name("leadEmail")} type="email" label="Lead's email address" error={errors?.[name("leadEmail")]} defaultValue={valueOf(values, name("leadEmail"))} autoComplete="off" spellCheck={false} />
          </fieldset>
        );
      })}
    </div>
  );
}

/** Form values for the party slots from stored parties. */
export function partiesToValues(parties: { organisationId: string; role: string; leadName: string; leadEmail: string }[]) {
  const values: Record<string, string> = {};
  parties.forEach((party, index) => {
    values[`parties.${index}.organisationId`] = party.organisationId;
    values[`parties.${index}.role`] = party.role;
    values[`parties.${index}.leadName`] = party.leadName;
    values[`parties.${index}.leadEmail`] = party.leadEmail;
  });
  return values;
}

import { Choices, TextInput, valueOf, valuesOf, type Errors } from "~/components/form";
import { OrganisationType } from "~/generated/prisma/enums";
import { ORGANISATION_TYPE_LABELS } from "./labels";

/** The questions for adding or editing an organisation; `values` are what to show in them. */
export function OrganisationFields({
  areas,
  errors,
  values,
}: {
  areas: { id: string; name: string }[];
  errors: Errors;
  values: Record<string, string | string[]> | undefined;
}) {
  return (
    <>
      <TextInput name="name" label="Name" error={errors?.name} defaultValue={valueOf(values, "name")} spellCheck={false} />
      <TextInput
        name="shortName"
        label="Short name (optional)"
        hint="Shown where space is tight, for example ‘Telford & Wrekin CSP’"
        error={errors?.shortName}
        defaultValue={valueOf(values, "shortName")}
        width="20"
        spellCheck={false}
      />
      <Choices
        kind="radio"
        name="type"
        legend="Type of organisation"
        hint="Police forces and regional organised crime units see police-only assessments; every other type is a partner."
        error={errors?.type}
        options={Object.values(OrganisationType).map((type) => ({ value: type, label: ORGANISATION_TYPE_LABELS[type] }))}
        selected={valueOf(values, "type")}
        small
      />
      <Choices
        kind="checkbox"
        name="areas"
        legend="Areas the organisation covers"
        hint="Select all that apply."
        error={errors?.areas}
        options={areas.map((area) => ({ value: area.id, label: area.name }))}
        selected={valuesOf(values, "areas")}
        small
      />
    </>
  );
}

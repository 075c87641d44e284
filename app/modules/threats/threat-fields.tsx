import type { Classification, ThreatKind, ThreatType } from "~/generated/prisma/enums";
import { Choices, Select, Textarea, TextInput, valueOf, valuesOf, type Errors } from "~/components/form";
import { CLASSIFICATION_LABELS } from "~/modules/agreements/labels";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { THREAT_KIND_LABELS } from "./labels";

export interface ThreatFieldDefaults {
  title: string;
  kind: ThreatKind;
  threatType: ThreatType;
  areaIds: string[];
  leadAnalystId: string | null;
  classification: Classification;
  summary: string | null;
}

/** The threat's details, as the new and edit pages ask for them. */
export function ThreatFields({
  areas,
  leads,
  errors,
  values,
  defaults,
}: {
  areas: { id: string; name: string }[];
  leads: { id: string; name: string }[];
  errors: Errors;
  values?: Record<string, string | string[]>;
  defaults?: ThreatFieldDefaults;
}) {
  const v = (name: string, fallback?: string | null) => (values ? valueOf(values, name) : (fallback ?? undefined));
  return (
    <>
      <TextInput name="title" label="Title" hint="For example, the 'Bravo' line into Telford" error={errors?.title} defaultValue={v("title", defaults?.title)} />
      <Choices
        kind="radio"
        name="kind"
        legend="What kind of threat is it?"
        error={errors?.kind}
        selected={v("kind", defaults?.kind)}
        options={Object.entries(THREAT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Select
        name="threatType"
        label="Type of serious and organised crime"
        error={errors?.threatType}
        defaultValue={v("threatType", defaults?.threatType) ?? ""}
        options={[{ value: "", label: "Choose a type" }, ...Object.entries(THREAT_TYPE_LABELS).map(([value, label]) => ({ value, label }))]}
      />
      <Choices
        kind="checkbox"
        name="areaIds"
        legend="Areas affected"
        hint="Select all that apply"
        small
        error={errors?.areaIds}
        selected={values ? valuesOf(values, "areaIds") : defaults?.areaIds}
        options={areas.map((a) => ({ value: a.id, label: a.name }))}
      />
      <Select
        name="leadAnalystId"
        label="Lead analyst"
        hint="An analyst or intelligence supervisor of your force"
        error={errors?.leadAnalystId}
        defaultValue={v("leadAnalystId", defaults?.leadAnalystId) ?? ""}
        options={[{ value: "", label: "Choose the lead analyst" }, ...leads.map((l) => ({ value: l.id, label: l.name }))]}
      />
      <Choices
        kind="radio"
        name="classification"
        legend="Classification"
        hint="The highest classification of what this threat record holds"
        small
        error={errors?.classification}
        selected={v("classification", defaults?.classification ?? "OFFICIAL")}
        options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))}
      />
      <Textarea name="summary" label="Summary (optional)" error={errors?.summary} defaultValue={v("summary", defaults?.summary)} />
    </>
  );
}

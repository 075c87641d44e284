import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, Select, Textarea, TextInput, valueOf } from "~/components/form";
import { AreaSelect, FormPage } from "~/components/plans";
import { DateInput } from "~/components/date-input";
import { requireUser } from "~/modules/auth/auth.server";
import { deny } from "~/modules/authorization/deny.server";
import { outcomeFormOptions, recordOutcome } from "~/modules/outcomes/outcomes.server";
import { outcomeSchema } from "~/modules/plans/forms.server";
import { OUTCOME_KIND_LABELS, OUTCOME_KINDS } from "~/modules/plans/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Record an outcome – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { ...(await outcomeFormOptions(auth)), formToken: newFormToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("create", "Outcome")) await deny(auth, { action: "outcome.recorded", recordType: "Outcome", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const form = await parseForm(request, outcomeSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await recordOutcome(auth, form.data);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(result.location);
}

export default function NewOutcome() {
  const { areas, threats, actions, areaPlans, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const typed = (name: string) => valueOf(values, name);
  const pick = (name: string, label: string, options: { value: string; label: string }[]) => (
    <Select name={name} label={label} error={errors?.[name]} defaultValue={typed(name) ?? ""} options={[{ value: "", label: "None" }, ...options]} />
  );
  return (
    <FormPage back={{ to: "/outcomes", label: "Outcomes" }} heading="Record an outcome" errors={errors} formToken={formToken}>
      <Choices
        kind="radio"
        name="kind"
        legend="What was the outcome?"
        small
        error={errors?.kind}
        selected={typed("kind")}
        options={OUTCOME_KINDS.map((k) => ({ value: k, label: OUTCOME_KIND_LABELS[k] }))}
      />
      <DateInput name="occurredOn" legend="When did it happen?" hint="For example, 14 2 2026" error={errors?.occurredOn} values={values} />
      <AreaSelect areas={areas} error={errors?.areaId} selected={typed("areaId")} />
      <TextInput
        name="quantity"
        label="Number"
        hint="People arrested, charged, convicted or safeguarded; weapons; closures; disruptions; seizures"
        width="5"
        inputMode="numeric"
        error={errors?.quantity}
        defaultValue={typed("quantity") ?? "1"}
      />
      <TextInput name="valuePence" label="Value in pounds (drugs' estimated street value, or cash seized)" hint="For example, 12,500" width="10" error={errors?.valuePence} defaultValue={typed("valuePence")} />
      <TextInput name="drugType" label="Drug type (drugs seized)" width="20" error={errors?.drugType} defaultValue={typed("drugType")} />
      <TextInput name="drugQuantityGrams" label="Quantity of drugs in grams (drugs seized)" width="5" inputMode="numeric" error={errors?.drugQuantityGrams} defaultValue={typed("drugQuantityGrams")} />
      <TextInput name="sentenceMonths" label="Sentence length in months (convictions)" width="5" inputMode="numeric" error={errors?.sentenceMonths} defaultValue={typed("sentenceMonths")} />
      <Textarea name="description" label="Description (optional)" hint="No personal data" rows={3} error={errors?.description} defaultValue={typed("description") ?? ""} />
      <h2 className="govuk-heading-m">What it was against</h2>
      {pick("threatId", "Threat", threats.map((t) => ({ value: t.id, label: `${t.reference}: ${t.title}` })))}
      {pick("actionId", "Action", actions.map((a) => ({ value: a.id, label: `${a.reference}: ${a.title}` })))}
      {pick("areaPlanId", "Clear, Hold, Build plan", areaPlans.map((p) => ({ value: p.id, label: `${p.reference}: ${p.name}` })))}
      <Button>Record outcome</Button>
    </FormPage>
  );
}

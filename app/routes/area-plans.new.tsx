import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, Textarea, TextInput, valueOf, valuesOf } from "~/components/form";
import { AreaSelect, FormPage } from "~/components/plans";
import { DateInput } from "~/components/date-input";
import { requireUser } from "~/modules/auth/auth.server";
import { deny } from "~/modules/authorization/deny.server";
import { areaPlanFormOptions, createAreaPlan } from "~/modules/plans/area-plans.server";
import { areaPlanSchema } from "~/modules/plans/forms.server";
import { PHASE_LABELS, PHASES } from "~/modules/plans/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Start a Clear, Hold, Build plan – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { ...(await areaPlanFormOptions(auth)), formToken: newFormToken() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("create", "AreaPlan")) await deny(auth, { action: "area_plan.created", recordType: "AreaPlan", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const form = await parseForm(request, areaPlanSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  const result = await createAreaPlan(auth, form.data);
  if (!result.ok) return { errors: result.errors, values: form.values };
  throw redirect(result.location);
}

export default function NewAreaPlan() {
  const { areas, partners, threats, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const typed = (name: string) => valueOf(values, name);
  return (
    <FormPage back={{ to: "/area-plans", label: "Clear, Hold, Build plans" }} heading="Start a Clear, Hold, Build plan" errors={errors} formToken={formToken}>
      <TextInput name="name" label="Name of the plan" error={errors?.name} defaultValue={typed("name")} />
      <TextInput name="neighbourhood" label="Neighbourhood" hint="For example, Oswestry town centre" error={errors?.neighbourhood} defaultValue={typed("neighbourhood")} />
      <AreaSelect areas={areas} error={errors?.areaId} selected={typed("areaId")} />
      <Choices
        kind="radio"
        name="phase"
        legend="Phase"
        small
        error={errors?.phase}
        selected={typed("phase") ?? "PLANNING"}
        options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
      />
      <DateInput name="clearStart" legend="Clear phase starts (optional)" error={errors?.clearStart} values={values} />
      <DateInput name="holdStart" legend="Hold phase starts (optional)" error={errors?.holdStart} values={values} />
      <DateInput name="buildStart" legend="Build phase starts (optional)" error={errors?.buildStart} values={values} />
      <DateInput name="endDate" legend="Plan ends (optional)" error={errors?.endDate} values={values} />
      <Textarea name="summary" label="Summary (optional)" rows={4} error={errors?.summary} defaultValue={typed("summary") ?? ""} />
      {partners.length > 0 ? (
        <Choices
          kind="checkbox"
          name="partnerIds"
          legend="Partners involved"
          hint="Partners with an agreement in force with your force. They can read the plan."
          small
          error={errors?.partnerIds}
          selected={valuesOf(values, "partnerIds")}
          options={partners.map((p) => ({ value: p.id, label: p.name }))}
        />
      ) : (
        <p className="govuk-body">No partner has an agreement in force with your force.</p>
      )}
      {threats.length > 0 ? (
        <Choices
          kind="checkbox"
          name="threatIds"
          legend="Threats it targets (optional)"
          small
          error={errors?.threatIds}
          selected={valuesOf(values, "threatIds")}
          options={threats.map((t) => ({ value: t.id, label: `${t.reference}: ${t.title}` }))}
        />
      ) : null}
      <Button>Start plan</Button>
    </FormPage>
  );
}

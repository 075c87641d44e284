import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button, Choices, ErrorSummary, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { Breadcrumbs } from "~/components/navigation";
import { PriorityTag, ThreatSections } from "~/components/threats";
import { requireUser } from "~/modules/auth/auth.server";
import { scoreFormSchema } from "~/modules/threats/forms.server";
import { CONFIDENCE_LABELS, HARM_FIELDS, HARM_SCALE, LIKELIHOOD_SCALE, POSITION_SCALE } from "~/modules/threats/labels";
import { requireThreatAccess, scoreThreatRecord, threatForEditing, ThreatRefused } from "~/modules/threats/threats.server";
import { newFormToken } from "~/utils/form-token.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Score a threat – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  await requireThreatAccess(auth, id, "score", "threat.scored");
  const threat = await threatForEditing(auth, id);
  return { threat: { id: threat.id, reference: threat.reference, title: threat.title, priority: threat.priority, priorityScore: threat.priorityScore }, formToken: newFormToken() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  await requireThreatAccess(auth, id, "score", "threat.scored");
  const form = await parseForm(request, scoreFormSchema);
  if (!form.success) return { errors: form.errors, values: form.values };
  try {
    const { location } = await scoreThreatRecord(auth, id, form.data);
    return redirect(location);
  } catch (error) {
    if (error instanceof ThreatRefused) return { errors: { [error.field]: error.message }, values: form.values };
    throw error;
  }
}

const scaleOptions = (scale: Record<number, string>) => Object.entries(scale).map(([value, label]) => ({ value, label: `${value}: ${label}` }));

export default function ScoreThreat() {
  const { threat: t, formToken } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors;
  const selected = (name: string) => valueOf(actionData?.values, name);
  return (
    <>
      <Breadcrumbs items={[{ label: "Threats", to: "/threats" }, { label: t.reference, to: `/threats/${t.id}` }]} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <span className="govuk-caption-l">{t.reference}</span>
          <h1 className="govuk-heading-l">Score the threat</h1>
          <ThreatSections id={t.id} current="/score" />
          <p className="govuk-body">
            Current priority: <PriorityTag priority={t.priority} score={t.priorityScore} />. Each scoring is kept, with who scored it, when and why, so
            the trend shows on the threat&apos;s page.
          </p>
          <Form method="post" noValidate>
            <FormTokenInput token={formToken} />
            <h2 className="govuk-heading-m">Harm</h2>
            {HARM_FIELDS.map((f) => (
              <Choices key={f.name} kind="radio" name={f.name} legend={f.label} small inline error={errors?.[f.name]} selected={selected(f.name)} options={scaleOptions(HARM_SCALE)} />
            ))}
            <h2 className="govuk-heading-m">Likelihood</h2>
            <Choices kind="radio" name="likelihood" legend="How likely is the harm?" small inline error={errors?.likelihood} selected={selected("likelihood")} options={scaleOptions(LIKELIHOOD_SCALE)} />
            <h2 className="govuk-heading-m">Your force&apos;s position</h2>
            <Choices kind="radio" name="capacity" legend="Capacity: people and time to act" small inline error={errors?.capacity} selected={selected("capacity")} options={scaleOptions(POSITION_SCALE)} />
            <Choices kind="radio" name="capability" legend="Capability: skills, powers and tools to act" small inline error={errors?.capability} selected={selected("capability")} options={scaleOptions(POSITION_SCALE)} />
            <Choices
              kind="radio"
              name="confidence"
              legend="Confidence in this assessment"
              small
              inline
              error={errors?.confidence}
              selected={selected("confidence")}
              options={Object.entries(CONFIDENCE_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Textarea name="reason" label="Why are you scoring it now?" hint="For example, new intelligence of a second trap house" rows={3} error={errors?.reason} defaultValue={selected("reason")} />
            <Button>Record the score</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Choices, ErrorSummary, FormTokenInput, TextInput } from "~/components/form";
import { BackLink, PlainText, SummaryList } from "~/components/intelligence";
import { NotificationBanner } from "~/components/notification-banner";
import { DateInput } from "~/components/date-input";
import { ActionFields, dayValues, OverdueTag, StrandTables } from "~/components/plans";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { createAction } from "~/modules/plans/actions.server";
import { achieveMilestone, addMilestone, areaPlanDetail, changePhase, requireUpdatablePlan } from "~/modules/plans/area-plans.server";
import { achieveMilestoneSchema, milestoneSchema, newActionSchema, phaseSchema } from "~/modules/plans/forms.server";
import { PHASE_LABELS, PHASES } from "~/modules/plans/labels";
import { newFormToken } from "~/utils/form-token.server";
import { parseForm, readForm, type FieldErrors } from "~/utils/forms.server";
import { optionalQuery } from "~/utils/input";
import { badRequest, idParam, notFound, parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Clear, Hold, Build plan – Partnership Intelligence Portal" }];

const BANNERS = {
  created: "The Clear, Hold, Build plan has been started.",
  phase: "The phase has been saved.",
  milestone: "The milestone has been added.",
  achieved: "The milestone has been marked as achieved.",
  action: "The action has been added to the plan.",
} as const;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const query = parseQuery(
    request,
    z.object({ created: optionalQuery(z.literal("1")), saved: optionalQuery(z.enum(["phase", "milestone", "achieved", "action"])) }),
  );
  const banner = query.created ? BANNERS.created : query.saved ? BANNERS[query.saved] : null;
  return { ...(await areaPlanDetail(auth, id)), formToken: newFormToken(), banner };
}

const intentSchema = z.object({ intent: z.enum(["phase", "milestone", "achieved", "addAction"]) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const parsed = intentSchema.safeParse({ intent: (await readForm(request.clone())).get("intent") });
  if (!parsed.success) throw badRequest("The form is not valid.");
  const { intent } = parsed.data;
  await requireUpdatablePlan(auth, id);
  const here = `/area-plans/${id}`;
  switch (intent) {
    case "phase": {
      const form = await parseForm(request, phaseSchema);
      if (!form.success) return { errors: form.errors, values: form.values, intent };
      await changePhase(auth, id, form.data);
      throw redirect(`${here}?saved=phase`);
    }
    case "milestone": {
      const form = await parseForm(request, milestoneSchema);
      if (!form.success) return { errors: form.errors, values: form.values, intent };
      const result = await addMilestone(auth, id, form.data, `${here}?saved=milestone`);
      if (!result.ok) return { errors: result.errors, values: form.values, intent };
      throw redirect(result.location);
    }
    case "achieved": {
      const form = await parseForm(request, achieveMilestoneSchema);
      if (!form.success) return { errors: { form: "Choose a milestone to mark as achieved." } as FieldErrors, values: form.values, intent };
      await achieveMilestone(auth, id, form.data.milestoneId);
      throw redirect(`${here}?saved=achieved`);
    }
    case "addAction": {
      const form = await parseForm(request, newActionSchema);
      if (!form.success) return { errors: form.errors, values: form.values, intent };
      const result = await createAction(auth, { areaPlanId: id }, form.data, `${here}?saved=action`);
      if (!result) throw notFound();
      if (!result.ok) return { errors: result.errors, values: form.values, intent };
      throw redirect(result.location);
    }
  }
}

export default function AreaPlanPage() {
  const { plan, strands, threats, planner, owners, formToken, banner } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const valuesFor = (intent: string) => (actionData?.intent === intent ? actionData.values : undefined);
  const phaseValues = { ...dayValues({ clearStart: plan.clearStart, holdStart: plan.holdStart, buildStart: plan.buildStart, endDate: plan.endDate }), ...valuesFor("phase") };
  return (
    <>
      <BackLink to="/area-plans">Clear, Hold, Build plans</BackLink>
      {banner ? <NotificationBanner kind="success" heading={banner} /> : null}
      <ErrorSummary errors={actionData?.errors} />
      <span className="govuk-caption-l">{plan.reference}</span>
      <h1 className="govuk-heading-l">{plan.name}</h1>
      <p className="govuk-body">
        <strong className="govuk-tag govuk-tag--purple">{PHASE_LABELS[plan.phase]} phase</strong>
      </p>
      <SummaryList
        rows={[
          { key: "Neighbourhood", value: `${plan.neighbourhood}, ${plan.area.name}` },
          { key: "Led by", value: plan.leadOrganisation.name },
          { key: "Partners involved", value: plan.partners.map((p) => p.name).join(", ") || "None" },
          { key: "Clear phase starts", value: formatDate(plan.clearStart) || "Not set" },
          { key: "Hold phase starts", value: formatDate(plan.holdStart) || "Not set" },
          { key: "Build phase starts", value: formatDate(plan.buildStart) || "Not set" },
          { key: "Plan ends", value: formatDate(plan.endDate) || "Not set" },
          { key: "Summary", value: <PlainText text={plan.summary} /> },
          ...(planner ? [{ key: "Threats it targets", value: threats.map((t) => `${t.reference}: ${t.title}`).join("; ") || "None" }] : []),
        ]}
      />
      <h2 className="govuk-heading-m">Milestones</h2>
      {plan.milestones.length === 0 ? (
        <p className="govuk-body">No milestones yet.</p>
      ) : (
        <ScrollableTable label="Milestones by due date">
          <table className="govuk-table" data-testid="milestones">
            <caption className="govuk-table__caption govuk-visually-hidden">Milestones by due date</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Milestone</th>
                <th scope="col" className="govuk-table__header">Phase</th>
                <th scope="col" className="govuk-table__header">Due</th>
                <th scope="col" className="govuk-table__header">Achieved</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {plan.milestones.map((m) => (
                <tr key={m.id} className="govuk-table__row">
                  <td className="govuk-table__cell">{m.title}</td>
                  <td className="govuk-table__cell">{PHASE_LABELS[m.phase]}</td>
                  <td className="govuk-table__cell">
                    {formatDate(m.dueDate)}
                    <OverdueTag overdue={m.overdue} />
                  </td>
                  <td className="govuk-table__cell">
                    {m.achievedAt ? (
                      formatDate(m.achievedAt)
                    ) : planner ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="achieved" />
                        <input type="hidden" name="milestoneId" value={m.id} />
                        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
                          Mark achieved<span className="govuk-visually-hidden">: {m.title}</span>
                        </button>
                      </Form>
                    ) : (
                      "Not yet"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <h2 className="govuk-heading-m">Actions</h2>
      <StrandTables strands={strands} />
      {planner ? (
        <>
          <details className="govuk-details" open={actionData?.intent === "phase"}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Change the phase and its dates</span>
            </summary>
            <div className="govuk-details__text">
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="phase" />
                <Choices
                  kind="radio"
                  name="phase"
                  legend="Phase"
                  small
                  error={errorsFor("phase")?.phase}
                  selected={plan.phase}
                  options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
                />
                <DateInput name="clearStart" legend="Clear phase starts" error={errorsFor("phase")?.clearStart} values={phaseValues} />
                <DateInput name="holdStart" legend="Hold phase starts" error={errorsFor("phase")?.holdStart} values={phaseValues} />
                <DateInput name="buildStart" legend="Build phase starts" error={errorsFor("phase")?.buildStart} values={phaseValues} />
                <DateInput name="endDate" legend="Plan ends" error={errorsFor("phase")?.endDate} values={phaseValues} />
                <Button variant="secondary">Save phase</Button>
              </Form>
            </div>
          </details>
          <details className="govuk-details" open={actionData?.intent === "milestone"}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Add a milestone</span>
            </summary>
            <div className="govuk-details__text">
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="milestone" />
                <FormTokenInput token={formToken} />
                <TextInput name="milestoneTitle" label="Milestone" error={errorsFor("milestone")?.milestoneTitle} />
                <Choices
                  kind="radio"
                  name="milestonePhase"
                  legend="Phase"
                  small
                  inline
                  error={errorsFor("milestone")?.milestonePhase}
                  selected={plan.phase}
                  options={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
                />
                <DateInput name="milestoneDue" legend="Due date" error={errorsFor("milestone")?.milestoneDue} values={valuesFor("milestone")} />
                <Button variant="secondary">Add milestone</Button>
              </Form>
            </div>
          </details>
          <details className="govuk-details" open={actionData?.intent === "addAction"}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Add an action</span>
            </summary>
            <div className="govuk-details__text">
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="addAction" />
                <FormTokenInput token={formToken} />
                <ActionFields owners={owners} errors={errorsFor("addAction")} values={valuesFor("addAction")} />
                <Button variant="secondary">Add action</Button>
              </Form>
            </div>
          </details>
        </>
      ) : null}
    </>
  );
}

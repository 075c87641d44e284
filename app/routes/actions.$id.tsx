import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Choices, ErrorSummary, Textarea } from "~/components/form";
import { BackLink, PlainText, SummaryList } from "~/components/intelligence";
import { DownloadLinks } from "~/components/navigation";
import { NotificationBanner } from "~/components/notification-banner";
import { ActionFields, ActionStatusTag, OverdueTag } from "~/components/plans";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { actionDetail, editAction, recordProgress, requireUpdatableAction } from "~/modules/plans/actions.server";
import { editActionSchema, progressSchema } from "~/modules/plans/forms.server";
import { ACTION_STATUS_LABELS, PHASE_LABELS, STRAND_LABELS } from "~/modules/plans/labels";
import { THREAT_KIND_LABELS, THREAT_STATUS_LABELS } from "~/modules/threats/labels";
import { parseForm, readForm } from "~/utils/forms.server";
import { queryFlag } from "~/utils/input";
import { badRequest, idParam, parseQuery } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Action – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const { saved } = parseQuery(request, z.object({ saved: queryFlag }));
  return { ...(await actionDetail(auth, id)), saved };
}

const intentSchema = z.object({ intent: z.enum(["progress", "edit"]) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request.clone());
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw badRequest("The form is not valid.");
  const { intent } = parsed.data;
  await requireUpdatableAction(auth, id, intent === "edit");
  if (intent === "progress") {
    const form = await parseForm(request, progressSchema);
    if (!form.success) return { errors: form.errors, values: form.values, intent };
    await recordProgress(auth, id, form.data);
  } else {
    const form = await parseForm(request, editActionSchema);
    if (!form.success) return { errors: form.errors, values: form.values, intent };
    const errors = await editAction(auth, id, form.data);
    if (errors) return { errors, values: form.values, intent };
  }
  throw redirect(`/actions/${id}?saved=1`);
}

export default function ActionPage() {
  const { action: a, planner, owners, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const progressErrors = actionData?.intent === "progress" ? actionData.errors : undefined;
  const editErrors = actionData?.intent === "edit" ? actionData.errors : undefined;
  const typed = (name: string) => {
    const v = actionData?.values?.[name];
    return typeof v === "string" ? v : undefined;
  };
  return (
    <>
      <BackLink to="/actions">Actions</BackLink>
      {saved ? <NotificationBanner kind="success" heading="The action has been updated." /> : null}
      <ErrorSummary errors={actionData?.errors} />
      <span className="govuk-caption-l">{a.reference}</span>
      <h1 className="govuk-heading-l">{a.title}</h1>
      <p className="govuk-body">
        <ActionStatusTag status={a.status} />
        <OverdueTag overdue={a.overdue} />
      </p>
      <SummaryList
        rows={[
          { key: "Strand", value: STRAND_LABELS[a.strand] },
          { key: "Owner", value: a.ownerOrganisation.name },
          { key: "Due", value: formatDate(a.dueDate) },
          { key: "Details", value: <PlainText text={a.description} /> },
          { key: "Result", value: <PlainText text={a.result} /> },
          ...(a.completedAt ? [{ key: "Completed", value: formatDate(a.completedAt) }] : []),
        ]}
      />
      {a.threat ? (
        <>
          <h2 className="govuk-heading-m">The threat</h2>
          <SummaryList
            rows={[
              {
                key: "Threat",
                value: a.threatId ? (
                  <Link className="govuk-link" to={`/threats/${a.threatId}/plan`}>
                    {a.threat.title}
                  </Link>
                ) : (
                  a.threat.title
                ),
              },
              { key: "Kind", value: THREAT_KIND_LABELS[a.threat.kind] },
              { key: "Status", value: THREAT_STATUS_LABELS[a.threat.status] },
              { key: "Areas", value: a.threat.areas.map((area) => area.name).join(", ") },
            ]}
          />
          {a.planExportThreatId ? <DownloadLinks path={`/threats/${a.planExportThreatId}/plan/export`} what="the actions you can see on this threat's plan" /> : null}
        </>
      ) : null}
      {a.areaPlan ? (
        <>
          <h2 className="govuk-heading-m">The Clear, Hold, Build plan</h2>
          <SummaryList
            rows={[
              { key: "Plan", value: a.areaPlanId ? <Link className="govuk-link" to={`/area-plans/${a.areaPlanId}`}>{a.areaPlan.name}</Link> : a.areaPlan.name },
              { key: "Neighbourhood", value: `${a.areaPlan.neighbourhood}, ${a.areaPlan.area.name}` },
              { key: "Phase", value: PHASE_LABELS[a.areaPlan.phase] },
            ]}
          />
        </>
      ) : null}
      <h2 className="govuk-heading-m" id="progress">
        Record progress
      </h2>
      <Form method="post" noValidate aria-labelledby="progress">
        <input type="hidden" name="intent" value="progress" />
        <Choices
          kind="radio"
          name="status"
          legend="Status"
          small
          error={progressErrors?.status}
          selected={typed("status") ?? a.status}
          options={Object.entries(ACTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Textarea name="result" label="Result" hint="What was done and what came of it" rows={4} error={progressErrors?.result} defaultValue={typed("result") ?? a.result ?? ""} />
        <Button>Save progress</Button>
      </Form>
      {planner ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Change the action</span>
          </summary>
          <div className="govuk-details__text">
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="edit" />
              <ActionFields
                owners={owners}
                errors={editErrors}
                values={actionData?.intent === "edit" ? actionData.values : undefined}
                defaults={{ strand: a.strand, title: a.title, description: a.description, ownerOrganisationId: a.ownerOrganisationId, dueDate: a.dueDate }}
              />
              <input type="hidden" name="status" value={a.status} />
              <input type="hidden" name="result" value={a.result ?? ""} />
              <Button variant="secondary">Save changes</Button>
            </Form>
          </div>
        </details>
      ) : null}
    </>
  );
}

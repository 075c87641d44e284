import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, ErrorSummary, FormTokenInput, Textarea, valueOf } from "~/components/form";
import { PlainText } from "~/components/intelligence";
import { TriageHeader } from "~/components/triage";
import { formatDateTime } from "~/utils/dates";
import { sanitisedDecisionSchema, sanitisedSchema } from "~/modules/intelligence/forms";
import { SANITISED_STATUS_LABELS } from "~/modules/intelligence/labels";
import { handleTriageForm, loadTriagePage, readTriageAction } from "~/modules/intelligence/triage-route.server";
import { addSanitisedVersion, decideSanitised, requireApprover, requireAssessable } from "~/modules/intelligence/triage.server";
import { triagePath } from "~/modules/intelligence/triage-pages";
import { badRequest } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Sanitised versions – Assess intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, submission, header, notice, formToken } = await loadTriagePage(request, context, params);
  return {
    header,
    notice,
    formToken,
    reports: submission.sanitisedReports,
    userId: auth.user.id,
    canApprove: auth.ability.can("approve", "SanitisedReport"),
  };
}

const intentSchema = z.object({ intent: z.enum(["sanitise", "decide"]) });
type Intent = z.infer<typeof intentSchema>["intent"];

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, id, formData } = await readTriageAction(request, context, params);
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw badRequest("Unknown action");
  const intent = parsed.data.intent;
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  if (intent === "sanitise") {
    await requireAssessable(auth, id, "sanitised.created");
    return handleTriageForm(intent, formData, sanitisedSchema, triagePath(id, "sanitise", "sanitised-sent"), (data, once) => addSanitisedVersion(auth, id, data, once));
  }
  await requireApprover(auth, "sanitised.approved");
  // The approve rule (four eyes, a submission the supervisor may see) is part of the module's query.
  const decision = formData.get("decision") === "approve" ? "approved" : "rejected";
  return handleTriageForm(intent, formData, sanitisedDecisionSchema, triagePath(id, "sanitise", decision), (data, once) => decideSanitised(auth, data, once));
}

export default function SanitisePage() {
  const { header, notice, formToken, reports, userId, canApprove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: Intent) => (result?.intent === intent ? result.errors : undefined);
  // One decision form per report awaiting approval: each reason box has an id of its own, and an
  // error belongs to the form that was sent (and the summary links to that box).
  const decided = result?.intent === "decide" ? valueOf(result.values, "sanitisedId") : undefined;
  const noteId = (reportId: string) => `decisionNote-${reportId}`;
  const decideErrors = (reportId: string) => (reportId === decided ? errorsFor("decide") : undefined);
  const summaryErrors =
    decided && result?.errors.decisionNote
      ? Object.fromEntries(Object.entries(result.errors).map(([field, message]) => [field === "decisionNote" ? noteId(decided) : field, message]))
      : result?.errors;
  return (
    <>
      <TriageHeader submission={header} current="sanitise" notice={result ? null : notice} errorSummary={<ErrorSummary errors={summaryErrors} />} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l">Sanitised versions</h2>
          <p className="govuk-body">
            A sanitised version may be disseminated to partners once an intelligence supervisor other than its author approves it.
            Remove anything that could identify the source.
          </p>
          {reports.length > 0 ? (
            <ul className="govuk-list" data-testid="sanitised-reports">
              {reports.map((r) => (
                <li key={r.id} className="govuk-inset-text">
                  <strong className="govuk-tag govuk-tag--grey">{SANITISED_STATUS_LABELS[r.status]}</strong>
                  <span className="govuk-body-s govuk-!-display-block">
                    Written by {r.author.name}, {formatDateTime(r.createdAt)}
                    {r.approver ? `; decided by ${r.approver.name}, ${formatDateTime(r.decidedAt)}` : ""}
                  </span>
                  <PlainText text={r.text} />
                  {r.decisionNote ? <p className="govuk-body-s">Reason: {r.decisionNote}</p> : null}
                  {r.status === "AWAITING_APPROVAL" && canApprove && r.authorId !== userId ? (
                    <Form method="post" noValidate key={`${result ? "failed" : formToken}-decide-${r.id}`}>
                      <input type="hidden" name="intent" value="decide" />
                      <FormTokenInput token={formToken} />
                      <input type="hidden" name="sanitisedId" value={r.id} />
                      <Textarea name="decisionNote" id={noteId(r.id)} label="Reason (needed to reject)" error={decideErrors(r.id)?.decisionNote} rows={2} />
                      <div className="govuk-button-group">
                        <Button name="decision" value="approve">Approve for dissemination</Button>
                        <Button name="decision" value="reject" variant="warning">Reject</Button>
                      </div>
                    </Form>
                  ) : null}
                  {r.status === "AWAITING_APPROVAL" && r.authorId === userId ? (
                    <p className="govuk-body-s">Another intelligence supervisor must approve this (four eyes).</p>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="govuk-body">No sanitised version has been written yet.</p>
          )}
          <Form method="post" noValidate key={`${result ? "failed" : formToken}-sanitise`}>
            <input type="hidden" name="intent" value="sanitise" />
            <FormTokenInput token={formToken} />
            <Textarea name="text" label="Write a sanitised version" error={errorsFor("sanitise")?.text}
              defaultValue={result?.intent === "sanitise" ? valueOf(result.values, "text") : ""} rows={6} />
            <Button variant="secondary">Send for approval</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

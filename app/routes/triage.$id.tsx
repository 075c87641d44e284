import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Choices, ErrorSummary, Select, Textarea, TextInput, valueOf, valuesOf } from "~/components/form";
import {
  BackLink,
  ClassificationMarking,
  HandlingConditions,
  PlainText,
  StatusTag,
  SubmissionDetails,
  SummaryList,
} from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { formatUkDate, formatUkDateTime } from "~/modules/intelligence/dates";
import { describeKey, summariseEntities } from "~/modules/intelligence/entities";
import {
  assessmentSchema,
  createThreatSchema,
  feedbackSchema,
  linkThreatSchema,
  noFurtherActionSchema,
  sanitisedDecisionSchema,
  sanitisedSchema,
  statusChangeSchema,
} from "~/modules/intelligence/forms";
import {
  enumOptions,
  gradingCode,
  HANDLING_CODE,
  INTELLIGENCE_ASSESSMENT,
  RISK_LEVELS,
  SANITISED_STATUS_LABELS,
  SOURCE_EVALUATION,
  STATUS_LABELS,
  THREAT_TYPE_LABELS,
} from "~/modules/intelligence/labels";
import type { AuditAction } from "~/modules/audit/actions";
import {
  addSanitisedVersion,
  AssessmentRefused,
  assessOptions,
  changeStatus,
  CORRELATION_LIMIT,
  correlations,
  createThreatAndLink,
  decideSanitised,
  linkThreat,
  noFurtherAction,
  requireApprover,
  requireAssessable,
  saveAssessment,
  sendFeedback,
  submissionForTriage,
} from "~/modules/intelligence/triage.server";
import { STATUS_TRANSITIONS } from "~/modules/intelligence/workflow";
import { parseFormData, readForm, type FormValues } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Assess intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const submission = await submissionForTriage(auth, idParam(params));
  const [{ matches, more: moreMatches }, options] = await Promise.all([correlations(auth, submission), assessOptions(auth)]);
  return {
    submission: { ...submission, entities: summariseEntities(submission.entities) },
    matches: matches.map((m) => ({ ...m, keys: m.entities.map((e) => `${describeKey(e)} (${e.displayValue})`) })),
    moreMatches,
    options,
    userId: auth.user.id,
    canApprove: auth.ability.can("approve", "SanitisedReport"),
  };
}

const intentSchema = z.object({
  intent: z.enum(["assessment", "status", "linkThreat", "createThreat", "nfa", "sanitise", "decide", "feedback"]),
});

type Intent = z.infer<typeof intentSchema>["intent"];

/** What each change is recorded as, also when it is refused. */
const ATTEMPTED: Record<Exclude<Intent, "decide">, AuditAction> = {
  assessment: "submission.regraded",
  status: "submission.status_changed",
  linkThreat: "submission.linked",
  createThreat: "threat.created",
  nfa: "submission.no_further_action",
  sanitise: "sanitised.created",
  feedback: "submission.feedback_sent",
};
type ActionResult = { intent: Intent; errors: Record<string, string>; values: FormValues };

export async function action({ request, context, params }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const formData = await readForm(request);
  const parsedIntent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsedIntent.success) throw new Response("Unknown action", { status: 400 });
  const intent = parsedIntent.data.intent;
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  if (intent === "decide") await requireApprover(auth, "sanitised.approved");
  else await requireAssessable(auth, id, ATTEMPTED[intent]);
  const fail = (errors: Record<string, string>, values: FormValues): ActionResult => ({ intent, errors, values });
  const handle = async <S extends z.ZodType>(schema: S, run: (data: z.infer<S>) => Promise<unknown>) => {
    const form = parseFormData(formData, schema);
    if (!form.success) return fail(form.errors, form.values);
    try {
      await run(form.data);
    } catch (error) {
      if (error instanceof AssessmentRefused) return fail({ [error.field]: error.message }, form.values);
      throw error;
    }
    return redirect(`/triage/${id}#${intent}`);
  };
  switch (intent) {
    case "assessment":
      return handle(assessmentSchema, (data) => saveAssessment(auth, id, data));
    case "status":
      return handle(statusChangeSchema, (data) => changeStatus(auth, id, data.status));
    case "linkThreat":
      return handle(linkThreatSchema, (data) => linkThreat(auth, id, data.threatId));
    case "createThreat":
      return handle(createThreatSchema, (data) => createThreatAndLink(auth, id, data));
    case "nfa":
      return handle(noFurtherActionSchema, (data) => noFurtherAction(auth, id, data));
    case "sanitise":
      return handle(sanitisedSchema, (data) => addSanitisedVersion(auth, id, data));
    case "decide":
      // The approve rule (four eyes, a submission the supervisor may see) is part of the module's query.
      return handle(sanitisedDecisionSchema, (data) => decideSanitised(auth, data));
    case "feedback":
      return handle(feedbackSchema, (data) => sendFeedback(auth, id, data));
  }
}

function Intent({ value }: { value: Intent }) {
  return <input type="hidden" name="intent" value={value} />;
}

export default function AssessSubmission() {
  const { submission: s, matches, moreMatches, options, userId, canApprove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errorsFor = (intent: Intent) => (result && "intent" in result && result.intent === intent ? result.errors : undefined);
  const valuesFor = (intent: Intent) => (result && "intent" in result && result.intent === intent ? result.values : undefined);
  const pick = (intent: Intent, name: string, fallback: string | null | undefined) => {
    const values = valuesFor(intent);
    return values ? valueOf(values, name) : (fallback ?? undefined);
  };
  const transitions = STATUS_TRANSITIONS[s.status].filter((to) => to !== "DRAFT");
  return (
    <>
      <BackLink to="/triage">Triage queue</BackLink>
      <ErrorSummary errors={result && "errors" in result ? result.errors : undefined} />
      <ClassificationMarking classification={s.classification} />
      <span className="govuk-caption-l">
        From {s.organisation.name} under {s.agreement?.reference}
      </span>
      <h1 className="govuk-heading-l">Assess {s.reference}</h1>
      <HandlingConditions code={s.handlingCode} conditions={s.handlingConditions} />
      {s.analystHandlingCode === "C" && s.handlingCode !== "C" ? (
        <HandlingConditions code="C" conditions="An analyst has re-graded this record as handling code C: see the analyst notes for the conditions." />
      ) : null}
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={s.status} /> },
          { key: "Risk level", value: s.riskLevel ? RISK_LEVELS[s.riskLevel] : "Not assessed" },
          { key: "Received", value: formatUkDateTime(s.submittedAt) },
          { key: "Submitted by", value: `${s.submitter.name}, ${s.organisation.name}` },
          { key: "Original grading", value: gradingCode(s.sourceEvaluation, s.intelligenceAssessment, s.handlingCode) },
          {
            key: "Analyst grading",
            value: s.analystSourceEvaluation ? gradingCode(s.analystSourceEvaluation, s.analystIntelligenceAssessment, s.analystHandlingCode) : "Not re-graded",
          },
          { key: "Assigned analyst", value: s.assignedAnalyst?.name ?? "Nobody yet" },
          { key: "Threat", value: s.threat ? <Link className="govuk-link" to={`/threats/${s.threat.id}`}>{`${s.threat.reference}: ${s.threat.title}`}</Link> : "Not linked" },
          ...(s.noFurtherActionReason ? [{ key: "No further action", value: <PlainText text={s.noFurtherActionReason} /> }] : []),
          { key: "Review due", value: formatUkDate(s.reviewDueAt) },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={`/intelligence/${s.id}/export`} reloadDocument>
          Export as a spreadsheet (CSV)
        </Link>
      </p>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l">As submitted</h2>
          <SubmissionDetails submission={s} />
        </div>
        <div className="govuk-grid-column-one-third">
          <section aria-labelledby="matches-heading" data-testid="correlations">
            <h2 className="govuk-heading-m" id="matches-heading">Matches in other intelligence</h2>
            {matches.length === 0 ? (
              <p className="govuk-body">No other intelligence you can see names the same people, vehicles, addresses, phones or handles.</p>
            ) : (
              <>
              {moreMatches ? (
                <p className="govuk-body" data-testid="more-matches">
                  More than {CORRELATION_LIMIT} other submissions match. These are the {CORRELATION_LIMIT} newest.
                </p>
              ) : null}
              <ul className="govuk-list">
                {matches.map((m) => (
                  <li key={m.id} className="govuk-!-margin-bottom-4">
                    <Link className="govuk-link" to={`/triage/${m.id}`}>{m.reference}</Link>{" "}
                    <StatusTag status={m.status} />
                    <span className="govuk-body-s govuk-!-display-block">
                      {m.threatType ? THREAT_TYPE_LABELS[m.threatType] : ""}, {m.area?.name}, {formatUkDate(m.submittedAt)}
                    </span>
                    <span className="govuk-body-s govuk-!-display-block">Shares: {m.keys.join("; ")}</span>
                  </li>
                ))}
              </ul>
              </>
            )}
          </section>
        </div>
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l" id="assessment">Assessment (police only)</h2>
          <Form method="post">
            <Intent value="assessment" />
            <Choices kind="radio" name="analystSourceEvaluation" legend="Source evaluation" small inline
              hint={`Submitted as ${s.sourceEvaluation ? SOURCE_EVALUATION[s.sourceEvaluation].label : "not graded"}. The original grading is kept.`}
              error={errorsFor("assessment")?.analystSourceEvaluation}
              options={Object.entries(SOURCE_EVALUATION).map(([value, v]) => ({ value, label: v.label }))}
              selected={pick("assessment", "analystSourceEvaluation", s.analystSourceEvaluation ?? s.sourceEvaluation)} />
            <Choices kind="radio" name="analystIntelligenceAssessment" legend="Intelligence assessment" small
              hint={`Submitted as ${s.intelligenceAssessment ?? "not graded"}.`}
              error={errorsFor("assessment")?.analystIntelligenceAssessment}
              options={Object.entries(INTELLIGENCE_ASSESSMENT).map(([value, v]) => ({ value, label: v.label }))}
              selected={pick("assessment", "analystIntelligenceAssessment", s.analystIntelligenceAssessment ?? s.intelligenceAssessment)} />
            <Choices kind="radio" name="analystHandlingCode" legend="Handling code" small
              hint={`Submitted as ${s.handlingCode ?? "not graded"}.`}
              error={errorsFor("assessment")?.analystHandlingCode}
              options={Object.entries(HANDLING_CODE).map(([value, v]) => ({ value, label: v.label }))}
              selected={pick("assessment", "analystHandlingCode", s.analystHandlingCode ?? s.handlingCode)} />
            <Choices kind="radio" name="riskLevel" legend="Risk level" small
              error={errorsFor("assessment")?.riskLevel}
              options={Object.entries(RISK_LEVELS).map(([value, label]) => ({ value, label }))}
              selected={pick("assessment", "riskLevel", s.riskLevel ? String(s.riskLevel) : null)} />
            <Textarea name="analystNotes" label="Analyst notes (police only, never shown to partners)"
              hint="Mark any sensitive parts here; they are never disseminated."
              error={errorsFor("assessment")?.analystNotes}
              defaultValue={pick("assessment", "analystNotes", s.analystNotes)} rows={6} />
            <Button>Save assessment</Button>
          </Form>

          <h2 className="govuk-heading-l" id="status">Status</h2>
          {transitions.length > 0 ? (
            <Form method="post">
              <Intent value="status" />
              <Select name="status" label={`Move from ${STATUS_LABELS[s.status].toLowerCase()} to`} error={errorsFor("status")?.status}
                options={transitions.map((t) => ({ value: t, label: STATUS_LABELS[t] }))} />
              <Button variant="secondary">Change status</Button>
            </Form>
          ) : null}

          <h2 className="govuk-heading-l" id="linkThreat">Threat</h2>
          {options.threats.length > 0 ? (
            <Form method="post">
              <Intent value="linkThreat" />
              <Select name="threatId" label="Link to an existing threat" error={errorsFor("linkThreat")?.threatId}
                defaultValue={s.threatId ?? ""}
                options={[{ value: "", label: "Choose a threat" }, ...options.threats.map((t) => ({ value: t.id, label: `${t.reference}: ${t.title}` }))]} />
              <Button variant="secondary">Link to threat</Button>
            </Form>
          ) : null}
          <details className="govuk-details" id="createThreat" open={Boolean(errorsFor("createThreat"))}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">Create a new threat and link this submission</span>
            </summary>
            <div className="govuk-details__text">
              <Form method="post">
                <Intent value="createThreat" />
                <TextInput name="title" label="Title" error={errorsFor("createThreat")?.title} defaultValue={pick("createThreat", "title", "")} />
                <Select name="threatType" label="Type" error={errorsFor("createThreat")?.threatType}
                  defaultValue={pick("createThreat", "threatType", s.threatType)} options={enumOptions(THREAT_TYPE_LABELS)} />
                <Choices kind="checkbox" name="areaIds" legend="Areas" small error={errorsFor("createThreat")?.areaIds}
                  options={options.areas.map((a) => ({ value: a.id, label: a.name }))}
                  selected={valuesFor("createThreat") ? valuesOf(valuesFor("createThreat"), "areaIds") : s.areaId ? [s.areaId] : []} />
                <Select name="leadAnalystId" label="Lead analyst" error={errorsFor("createThreat")?.leadAnalystId}
                  defaultValue={pick("createThreat", "leadAnalystId", userId)}
                  options={options.analysts.map((a) => ({ value: a.id, label: a.name }))} />
                <Textarea name="summary" label="Summary (optional)" error={errorsFor("createThreat")?.summary} defaultValue={pick("createThreat", "summary", "")} rows={3} />
                <Button variant="secondary">Create threat and link</Button>
              </Form>
            </div>
          </details>

          {s.status !== "CLOSED" ? (
            <>
              <h2 className="govuk-heading-m" id="nfa">No further action</h2>
              <Form method="post">
                <Intent value="nfa" />
                <Textarea name="reason" label="Why is no further action needed?" error={errorsFor("nfa")?.reason} defaultValue={pick("nfa", "reason", "")} rows={3} />
                <Button variant="warning">Close with no further action</Button>
              </Form>
            </>
          ) : null}

          <h2 className="govuk-heading-l" id="sanitise">Sanitised versions</h2>
          <p className="govuk-body">
            A sanitised version may be disseminated to partners once an intelligence supervisor other than its author approves it.
            Remove anything that could identify the source.
          </p>
          {s.sanitisedReports.length > 0 ? (
            <ul className="govuk-list" data-testid="sanitised-reports">
              {s.sanitisedReports.map((r) => (
                <li key={r.id} className="govuk-inset-text">
                  <strong className="govuk-tag govuk-tag--grey">{SANITISED_STATUS_LABELS[r.status]}</strong>
                  <span className="govuk-body-s govuk-!-display-block">
                    Written by {r.author.name}, {formatUkDateTime(r.createdAt)}
                    {r.approver ? `; decided by ${r.approver.name}, ${formatUkDateTime(r.decidedAt)}` : ""}
                  </span>
                  <PlainText text={r.text} />
                  {r.decisionNote ? <p className="govuk-body-s">Reason: {r.decisionNote}</p> : null}
                  {r.status === "AWAITING_APPROVAL" && canApprove && r.authorId !== userId ? (
                    <Form method="post" id="decide">
                      <Intent value="decide" />
                      <input type="hidden" name="sanitisedId" value={r.id} />
                      <Textarea name="decisionNote" label="Reason (needed to reject)" error={errorsFor("decide")?.decisionNote} rows={2} />
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
          ) : null}
          <Form method="post">
            <Intent value="sanitise" />
            <Textarea name="text" label="Write a sanitised version" error={errorsFor("sanitise")?.text} defaultValue={pick("sanitise", "text", "")} rows={6} />
            <Button variant="secondary">Send for approval</Button>
          </Form>

          <h2 className="govuk-heading-l" id="feedback">Feedback to the partner</h2>
          <p className="govuk-body">A short update the submitting organisation will see: you said, we did.</p>
          {s.feedback.length > 0 ? (
            <ul className="govuk-list">
              {s.feedback.map((f) => (
                <li key={f.id} className="govuk-inset-text">
                  <span className="govuk-body-s govuk-!-display-block">{f.author.name}, {formatUkDateTime(f.createdAt)}</span>
                  <PlainText text={f.message} />
                </li>
              ))}
            </ul>
          ) : null}
          <Form method="post">
            <Intent value="feedback" />
            <Textarea name="message" label="Feedback" error={errorsFor("feedback")?.message} defaultValue={pick("feedback", "message", "")} rows={3} />
            <Button variant="secondary">Send feedback</Button>
          </Form>
        </div>
      </div>
    </>
  );
}

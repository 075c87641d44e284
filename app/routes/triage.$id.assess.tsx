import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button, Choices, ErrorSummary, FormTokenInput, Select, Textarea, valueOf } from "~/components/form";
import { TriageHeader } from "~/components/triage";
import type { AuditAction } from "~/modules/audit/actions";
import { assessmentSchema, noFurtherActionSchema, statusChangeSchema } from "~/modules/intelligence/forms";
import { HANDLING_CODE, INTELLIGENCE_ASSESSMENT, RISK_LEVELS, SOURCE_EVALUATION, STATUS_LABELS } from "~/modules/intelligence/labels";
import { handleTriageForm, loadTriagePage, readTriageAction } from "~/modules/intelligence/triage-route.server";
import { changeStatus, noFurtherAction, requireAssessable, saveAssessment } from "~/modules/intelligence/triage.server";
import { triagePath } from "~/modules/intelligence/triage-pages";
import { STATUS_TRANSITIONS } from "~/modules/intelligence/workflow";
import { badRequest } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Assess – Assess intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { submission: s, header, notice, formToken } = await loadTriagePage(request, context, params);
  return {
    header,
    notice,
    formToken,
    submitted: { sourceEvaluation: s.sourceEvaluation, intelligenceAssessment: s.intelligenceAssessment, handlingCode: s.handlingCode },
    // The analyst's own grading, never the partner's: an analyst who has not graded chooses.
    assessment: {
      analystSourceEvaluation: s.analystSourceEvaluation,
      analystIntelligenceAssessment: s.analystIntelligenceAssessment,
      analystHandlingCode: s.analystHandlingCode,
      riskLevel: s.riskLevel ? String(s.riskLevel) : null,
      analystNotes: s.analystNotes,
    },
    transitions: STATUS_TRANSITIONS[s.status].filter((to) => to !== "DRAFT"),
  };
}

const intentSchema = z.object({ intent: z.enum(["assessment", "status", "nfa"]) });
type Intent = z.infer<typeof intentSchema>["intent"];

/** What each change is recorded as, also when it is refused. */
const ATTEMPTED: Record<Intent, AuditAction> = {
  assessment: "submission.regraded",
  status: "submission.status_changed",
  nfa: "submission.no_further_action",
};

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, id, formData } = await readTriageAction(request, context, params);
  const parsed = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!parsed.success) throw badRequest("Unknown action");
  const intent = parsed.data.intent;
  // Who may act is asked before the form is read, so a refused user never gets field errors.
  await requireAssessable(auth, id, ATTEMPTED[intent]);
  switch (intent) {
    case "assessment":
      return handleTriageForm(intent, formData, assessmentSchema, triagePath(id, "assess", "assessed"), (data, once) => saveAssessment(auth, id, data, once));
    case "status":
      return handleTriageForm(intent, formData, statusChangeSchema, triagePath(id, "assess", "status-changed"), (data, once) => changeStatus(auth, id, data.status, once));
    case "nfa":
      return handleTriageForm(intent, formData, noFurtherActionSchema, triagePath(id, "summary", "closed"), (data, once) => noFurtherAction(auth, id, data, once));
  }
}

export default function AssessPage() {
  const { header, notice, formToken, submitted, assessment, transitions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = (intent: Intent) => (result?.intent === intent ? result : undefined);
  const errorsFor = (intent: Intent) => failed(intent)?.errors;
  const pick = (intent: Intent, name: string, saved: string | null | undefined) => {
    const values = failed(intent)?.values;
    return values ? valueOf(values, name) : (saved ?? undefined);
  };
  return (
    <>
      <TriageHeader submission={header} current="assess" notice={result ? null : notice} errorSummary={<ErrorSummary errors={result?.errors} />} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-l" id="assessment">Assessment (police only)</h2>
          <Form method="post" noValidate key={`${result ? "failed" : formToken}-assessment`}>
            <input type="hidden" name="intent" value="assessment" />
            <FormTokenInput token={formToken} />
            <Choices kind="radio" name="analystSourceEvaluation" legend="Source evaluation" small inline
              hint={`Submitted as ${submitted.sourceEvaluation ? SOURCE_EVALUATION[submitted.sourceEvaluation].label : "not graded"}. The original grading is kept.`}
              error={errorsFor("assessment")?.analystSourceEvaluation}
              options={Object.entries(SOURCE_EVALUATION).map(([value, v]) => ({ value, label: v.label }))}
              selected={pick("assessment", "analystSourceEvaluation", assessment.analystSourceEvaluation)} />
            <Choices kind="radio" name="analystIntelligenceAssessment" legend="Intelligence assessment" small
              hint={`Submitted as ${submitted.intelligenceAssessment ?? "not graded"}.`}
              error={errorsFor("assessment")?.analystIntelligenceAssessment}
              options={Object.entries(INTELLIGENCE_ASSESSMENT).map(([value, v]) => ({ value, label: v.label }))}
              selected={pick("assessment", "analystIntelligenceAssessment", assessment.analystIntelligenceAssessment)} />
            <Choices kind="radio" name="analystHandlingCode" legend="Handling code" small
              hint={`Submitted as ${submitted.handlingCode ?? "not graded"}.`}
              error={errorsFor("assessment")?.analystHandlingCode}
              options={Object.entries(HANDLING_CODE).map(([value, v]) => ({ value, label: v.label }))}
              selected={pick("assessment", "analystHandlingCode", assessment.analystHandlingCode)} />
            <Choices kind="radio" name="riskLevel" legend="Risk level" small
              error={errorsFor("assessment")?.riskLevel}
              options={Object.entries(RISK_LEVELS).map(([value, label]) => ({ value, label }))}
              selected={pick("assessment", "riskLevel", assessment.riskLevel)} />
            <Textarea name="analystNotes" label="Analyst notes (police only, never shown to partners)"
              hint="Mark any sensitive parts here; they are never disseminated."
              error={errorsFor("assessment")?.analystNotes}
              defaultValue={pick("assessment", "analystNotes", assessment.analystNotes)} rows={6} />
            <Button>Save assessment</Button>
          </Form>

          {transitions.length > 0 ? (
            <>
              <h2 className="govuk-heading-l" id="status">Status</h2>
              <Form method="post" noValidate key={`${result ? "failed" : formToken}-status`}>
                <input type="hidden" name="intent" value="status" />
                <FormTokenInput token={formToken} />
                <Select name="status" label={`Move from ${STATUS_LABELS[header.status].toLowerCase()} to`} error={errorsFor("status")?.status}
                  options={transitions.map((t) => ({ value: t, label: STATUS_LABELS[t] }))} />
                <Button variant="secondary">Change status</Button>
              </Form>
            </>
          ) : null}

          {header.status !== "CLOSED" ? (
            <>
              <h2 className="govuk-heading-m" id="nfa">No further action</h2>
              <Form method="post" noValidate key={`${result ? "failed" : formToken}-nfa`}>
                <input type="hidden" name="intent" value="nfa" />
                <FormTokenInput token={formToken} />
                <Textarea name="reason" label="Why is no further action needed?" error={errorsFor("nfa")?.reason} defaultValue={pick("nfa", "reason", "")} rows={3} />
                <Button variant="warning">Close with no further action</Button>
              </Form>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

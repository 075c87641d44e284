import { DateInput } from "~/components/date-input";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { recordHistoryHref } from "~/components/audit";
import { Button, Choices, ErrorSummary, Textarea, valueOf } from "~/components/form";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { audit } from "~/modules/audit/audit.server";
import { findForRetention, recordRetentionDecision, RetentionError, retentionDecisionSchema } from "~/modules/audit/retention.server";
import { formatDate } from "~/utils/dates";
import { deny } from "~/modules/authorization/deny.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";
import { clock } from "~/utils/clock";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Retention decision – Partnership Intelligence Portal" }];

async function load(request: Request, context: ActionFunctionArgs["context"], id: string) {
  const auth = await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  const submission = await findForRetention(auth.ability, id);
  if (!submission) {
    return deny(auth, { action: "retention.viewed", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE", request });
  }
  return { auth, submission };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, submission } = await load(request, context, idParam(params));
  await audit(auth.audit, {
    action: "retention.viewed",
    recordType: "Submission",
    recordId: submission.id,
    agreementId: submission.agreementId,
    justification: "RETENTION_REVIEW",
  });
  return {
    submission: {
      id: submission.id,
      reference: submission.reference,
      status: submission.status,
      organisation: submission.organisation.name,
      agreement: submission.agreement?.reference ?? null,
      retentionMonths: submission.agreement?.retentionMonths ?? null,
      submittedAt: submission.submittedAt?.toISOString() ?? null,
      reviewDueAt: submission.reviewDueAt?.toISOString() ?? null,
      disposedAt: submission.disposedAt?.toISOString() ?? null,
      counts: submission._count,
      decisions: submission.retentionDecisions.map((d) => ({
        ...d,
        decidedAt: d.decidedAt.toISOString(),
        nextReviewDate: d.nextReviewDate?.toISOString() ?? null,
      })),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, submission } = await load(request, context, idParam(params));
  const now = clock.now();
  const form = await parseForm(request, retentionDecisionSchema(now));
  if (!form.success) return { errors: form.errors, values: form.values };
  try {
    await recordRetentionDecision(submission.id, form.data, { id: auth.user.id, ability: auth.ability }, auth.audit, now);
  } catch (error) {
    if (error instanceof RetentionError) return { errors: { form: error.message }, values: form.values };
    throw error;
  }
  return redirect(`/dpo/retention/${submission.id}`);
}

export default function RetentionDecisionPage() {
  const { submission: s } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors;
  const values = data?.values;
  return (
    <>
      <Link to="/dpo/retention" className="govuk-back-link">
        Back to retention and review
      </Link>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">Retention and review</span>
      <h1 className="govuk-heading-l">{s.reference ?? "Submission"}</h1>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Submitted by</dt>
          <dd className="govuk-summary-list__value">
            {s.organisation}
            {s.submittedAt ? `, ${formatDate(s.submittedAt)}` : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Agreement</dt>
          <dd className="govuk-summary-list__value">
            {s.agreement ?? "None"}
            {s.retentionMonths ? ` (retention ${s.retentionMonths} months)` : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Review due</dt>
          <dd className="govuk-summary-list__value">{s.reviewDueAt ? formatDate(s.reviewDueAt) : "Not set"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Content held</dt>
          <dd className="govuk-summary-list__value">
            {s.disposedAt
              ? `Erased on ${formatDate(s.disposedAt)}`
              : `Narrative and location, ${s.counts.entities} named people or things, ${s.counts.sanitisedReports} sanitised versions, ${s.counts.feedback} feedback messages`}
          </dd>
        </div>
      </dl>
      <p className="govuk-body">
        <Link className="govuk-link" to={recordHistoryHref("Submission", s.id)}>
          See who has accessed this record
        </Link>
      </p>
      {s.decisions.length > 0 ? (
        <ScrollableTable label="Decisions so far">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">Decisions so far</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Date</th>
                <th scope="col" className="govuk-table__header">Decision</th>
                <th scope="col" className="govuk-table__header">Reason</th>
                <th scope="col" className="govuk-table__header">Next review</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {s.decisions.map((d) => (
                <tr key={d.id} className="govuk-table__row">
                  <td className="govuk-table__cell app-nowrap">{formatDate(d.decidedAt)}</td>
                  <td className="govuk-table__cell">{d.decision === "RETAIN" ? "Retain" : "Dispose"}</td>
                  <td className="govuk-table__cell">{d.reason}</td>
                  <td className="govuk-table__cell">{d.nextReviewDate ? formatDate(d.nextReviewDate) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      ) : null}
      {s.disposedAt ? (
        <p className="govuk-body">This record has been disposed of. Only the fact that it existed, and its history, remain.</p>
      ) : (
        <Form method="post">
          <Choices
            kind="radio"
            name="decision"
            legend="Your decision"
            error={errors?.decision}
            selected={valueOf(values, "decision")}
            options={[
              { value: "RETAIN", label: "Retain for a continuing policing purpose", hint: "Give the next review date below." },
              {
                value: "DISPOSE",
                label: "Dispose of it",
                hint: "The narrative, location, named people and things, sanitised versions, feedback and analyst notes are erased permanently.",
              },
            ]}
          />
          <DateInput name="nextReviewDate" legend="Next review date (if you retain it)" hint="For example, 27 3 2027" error={errors?.nextReviewDate} values={values} />
          <Choices
            kind="checkbox"
            name="confirmDisposal"
            legend="If you dispose of it"
            error={errors?.confirmDisposal}
            selected={valueOf(values, "confirmDisposal")}
            options={[{ value: "yes", label: "I understand the content will be erased and cannot be recovered" }]}
          />
          <Textarea name="reason" label="Reason for your decision" hint="This is recorded with your name." error={errors?.reason} defaultValue={valueOf(values, "reason")} />
          <Button>Record decision</Button>
        </Form>
      )}
    </>
  );
}

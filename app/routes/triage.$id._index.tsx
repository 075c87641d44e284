import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button, FormTokenInput } from "~/components/form";
import { PlainText, StatusTag, SubmissionDetails, SummaryList } from "~/components/intelligence";
import { TriageHeader } from "~/components/triage";
import { formatDate, formatDateTime } from "~/utils/dates";
import { describeKey, summariseEntities } from "~/modules/intelligence/entities";
import { gradingCode, RISK_LEVELS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { loadTriageSummary } from "~/modules/intelligence/triage-route.server";
import { CORRELATION_LIMIT } from "~/modules/intelligence/triage.server";
import { triagePath } from "~/modules/intelligence/triage-pages";

export const meta: MetaFunction = () => [{ title: "Assess intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { submission, matches, more, header, notice, formToken } = await loadTriageSummary(request, context, params);
  return {
    header,
    notice,
    formToken,
    submission: { ...submission, entities: summariseEntities(submission.entities) },
    matches: matches.map((m) => ({ ...m, keys: m.entities.map((e) => `${describeKey(e)} (${e.displayValue})`) })),
    moreMatches: more,
  };
}

export default function TriageSummary() {
  const { header, notice, formToken, submission: s, matches, moreMatches } = useLoaderData<typeof loader>();
  return (
    <>
      <TriageHeader submission={header} current="summary" notice={notice} />
      <SummaryList
        rows={[
          { key: "Status", value: <StatusTag status={s.status} /> },
          { key: "Risk level", value: s.riskLevel ? RISK_LEVELS[s.riskLevel] : "Not assessed" },
          { key: "Received", value: formatDateTime(s.submittedAt) },
          { key: "Submitted by", value: `${s.submitter.name}, ${s.organisation.name}` },
          { key: "Original grading", value: gradingCode(s.sourceEvaluation, s.intelligenceAssessment, s.handlingCode) },
          {
            key: "Analyst grading",
            value: s.analystSourceEvaluation ? gradingCode(s.analystSourceEvaluation, s.analystIntelligenceAssessment, s.analystHandlingCode) : "Not re-graded",
          },
          { key: "Assigned analyst", value: s.assignedAnalyst?.name ?? "Nobody yet" },
          { key: "Threat", value: s.threat ? <Link className="govuk-link" to={`/threats/${s.threat.id}`}>{`${s.threat.reference}: ${s.threat.title}`}</Link> : "Not linked" },
          ...(s.noFurtherActionReason ? [{ key: "No further action", value: <PlainText text={s.noFurtherActionReason} /> }] : []),
          { key: "Review due", value: formatDate(s.reviewDueAt) },
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
                      <Link className="govuk-link" to={triagePath(m.id, "summary")}>{m.reference}</Link> <StatusTag status={m.status} />
                      <span className="govuk-body-s govuk-!-display-block">
                        {m.threatType ? THREAT_TYPE_LABELS[m.threatType] : ""}, {m.area?.name}, {formatDate(m.submittedAt)}
                      </span>
                      <span className="govuk-body-s govuk-!-display-block">Shares: {m.keys.join("; ")}</span>
                      {m.threat ? (
                        <>
                          <span className="govuk-body-s govuk-!-display-block">
                            Linked to <Link className="govuk-link" to={`/threats/${m.threat.id}`}>{`${m.threat.reference}: ${m.threat.title}`}</Link>
                          </span>
                          {m.threat.id === s.threatId ? (
                            <span className="govuk-body-s govuk-!-display-block">This intelligence is linked to it too.</span>
                          ) : (
                            <Form method="post" action={triagePath(s.id, "link")} className="app-inline-form">
                              <input type="hidden" name="intent" value="linkThreat" />
                              <input type="hidden" name="threatId" value={m.threat.id} />
                              <FormTokenInput token={formToken} />
                              <Button variant="secondary">
                                Link this intelligence to {m.threat.reference}
                                <span className="govuk-visually-hidden">: {m.threat.title}</span>
                              </Button>
                            </Form>
                          )}
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

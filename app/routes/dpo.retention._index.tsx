import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollableTable } from "~/components/table";
import { Link, useLoaderData } from "@remix-run/react";
import { BackToAudit } from "~/components/audit";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { audit } from "~/modules/audit/audit.server";
import { listRetentionDue, parseRetentionCursor } from "~/modules/audit/retention.server";
import { formatDate } from "~/utils/dates";
import { z } from "zod";
import { parseQuery } from "~/utils/request.server";
import { optionalQuery } from "~/utils/input";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Retention and review – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ability, audit: auditContext } = await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  const query = parseQuery(request, z.object({ after: optionalQuery(z.string().refine((v) => parseRetentionCursor(v) !== undefined)) }));
  const after = parseRetentionCursor(query.after ?? null);
  const page = await listRetentionDue(ability, clock.now(), after);
  await audit(auditContext, {
    action: "retention.listed",
    recordType: "Submission",
    justification: "RETENTION_REVIEW",
    details: { count: page.submissions.length, submissionIds: page.submissions.map((s) => s.id) },
  });
  return {
    next: page.next,
    submissions: page.submissions.map((s) => ({
      id: s.id,
      reference: s.reference,
      organisation: s.organisation.name,
      agreement: s.agreement?.reference ?? null,
      submittedAt: s.submittedAt?.toISOString() ?? null,
      reviewDueAt: s.reviewDueAt?.toISOString() ?? null,
      retentionEndsAt: s.retentionEndsAt?.toISOString() ?? null,
    })),
  };
}

export default function RetentionList() {
  const { submissions, next } = useLoaderData<typeof loader>();
  return (
    <>
      <BackToAudit />
      <h1 className="govuk-heading-l">Retention and review</h1>
      <p className="govuk-body">
        Records whose retention period under their agreement has passed, or whose review date has come. For each, record a decision:
        retain it (with your reason and the next review date), or dispose of it, which erases its content and keeps only a record that it
        existed.
      </p>
      {submissions.length === 0 ? (
        <p className="govuk-body">No records are due for a decision.</p>
      ) : (
        <ScrollableTable label="Records due for review">
          <table className="govuk-table" data-testid="retention-due">
          <caption className="govuk-table__caption govuk-table__caption--m">Due for a decision, oldest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Record</th>
              <th scope="col" className="govuk-table__header">Submitted by</th>
              <th scope="col" className="govuk-table__header">Agreement</th>
              <th scope="col" className="govuk-table__header">Retention ends</th>
              <th scope="col" className="govuk-table__header">Review due</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {submissions.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/dpo/retention/${s.id}`}>
                    {s.reference ?? s.id}
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  {s.organisation}
                  {s.submittedAt ? `, ${formatDate(s.submittedAt)}` : ""}
                </td>
                <td className="govuk-table__cell">{s.agreement ?? "None"}</td>
                <td className="govuk-table__cell app-nowrap">{s.retentionEndsAt ? formatDate(s.retentionEndsAt) : ""}</td>
                <td className="govuk-table__cell app-nowrap">{s.reviewDueAt ? formatDate(s.reviewDueAt) : ""}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollableTable>
      )}
      {next ? (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Results pages">
          <div className="govuk-pagination__next">
            <Link className="govuk-link govuk-pagination__link" to={`?after=${encodeURIComponent(next)}`} rel="next">
              <span className="govuk-pagination__link-title">More records</span>
            </Link>
          </div>
        </nav>
      ) : null}
    </>
  );
}

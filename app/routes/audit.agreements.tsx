import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { BackToAudit, recordHistoryHref, Who } from "~/components/audit";
import { RECORD_TYPE_LABELS, type RecordType } from "~/modules/audit/record-types";
import { DateInput } from "~/components/date-input";
import { Button, ErrorSummary, Select } from "~/components/form";
import { auditActionLabel } from "~/modules/audit/actions";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { audit } from "~/modules/audit/audit.server";
import { periodSchema } from "~/modules/audit/period";
import { agreementAccessReport } from "~/modules/audit/reports.server";
import { formatDateTimeSeconds } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { zodFieldErrors } from "~/utils/forms.server";
import { safeParseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Access under an agreement – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { scope, audit: auditContext } = await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  const { values: typed, result: period } = safeParseQuery(request, periodSchema);
  const values = { agreement: "", from: "", to: "", ...typed };
  // Only agreements the DPO's organisation is party to are offered, or accepted.
  const agreements = await prisma.agreement.findMany({
    where: { id: { in: scope.agreementIds } },
    orderBy: { reference: "asc" },
    select: { id: true, reference: true, title: true, status: true },
  });
  if (!values.agreement) return { values, agreements, errors: null as Record<string, string> | null, report: null };
  const agreement = agreements.find((a) => a.id === values.agreement);
  const errors: Record<string, string> = {
    ...(agreement ? {} : { agreement: "Choose an agreement your organisation is party to" }),
    ...(period.success ? {} : zodFieldErrors(period.error)),
  };
  if (!agreement || !period.success) return { values, agreements, errors, report: null };
  const rows = await agreementAccessReport(scope, agreement.id, period.data);
  await audit(auditContext, {
    action: "audit.agreement_report_viewed",
    recordType: "Agreement",
    recordId: agreement.id,
    agreementId: agreement.id,
    justification: "DATA_PROTECTION_REVIEW",
    details: { from: period.data.fromDay, to: period.data.toDay, rowCount: rows.length },
  });
  const byOrganisation = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = row.organisationName ?? "No organisation (system or not signed in)";
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), row]);
  }
  return {
    values: { agreement: agreement.id, from: period.data.fromDay, to: period.data.toDay },
    agreements,
    errors: null,
    report: {
      agreement,
      organisations: [...byOrganisation.entries()].map(([name, list]) => ({
        name,
        events: list.reduce((n, r) => n + r.events, 0),
        rows: list.map((r) => ({ ...r, first: r.first.toISOString(), last: r.last.toISOString() })),
      })),
    },
  };
}

/** The records a row's events were about, by reference and title, linked to their histories. */
function AccessedRecords({ row }: { row: { recordType: string | null; records: number; named: { id: string; reference: string | null; title: string | null }[] } }) {
  if (!row.recordType) return null;
  const kind = RECORD_TYPE_LABELS[row.recordType as RecordType] ?? row.recordType;
  const unnamed = row.records - row.named.filter((r) => r.reference).length;
  return (
    <>
      <span className="govuk-!-display-block govuk-body-s govuk-!-margin-0">
        {kind}: {row.records} {row.records === 1 ? "record" : "records"}
      </span>
      <ul className="govuk-list govuk-body-s govuk-!-margin-0">
        {row.named
          .filter((r) => r.reference)
          .map((r) => (
            <li key={r.id}>
              <Link className="govuk-link" to={recordHistoryHref(row.recordType!, r.id)}>
                {r.reference}
              </Link>
              {r.title ? ` ${r.title}` : ""}
            </li>
          ))}
        {unnamed > 0 ? <li>{`and ${unnamed} more`}</li> : null}
      </ul>
    </>
  );
}

export default function AgreementAccess() {
  const { values, agreements, errors, report } = useLoaderData<typeof loader>();
  return (
    <>
      <BackToAudit />
      <ErrorSummary errors={errors ?? undefined} />
      <h1 className="govuk-heading-l">Access under an agreement</h1>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <Select
          name="agreement"
          label="Agreement"
          error={errors?.agreement}
          defaultValue={values.agreement}
          options={[{ value: "", label: "Choose an agreement" }, ...agreements.map((a) => ({ value: a.id, label: `${a.reference}: ${a.title}` }))]}
        />
        <DateInput name="from" legend="Date from" hint="Leave blank for the last 30 days. For example, 27 3 2026" error={errors?.from} values={values} />
        <DateInput name="to" legend="Date to" error={errors?.to} values={values} />
        <Button>Show access</Button>
      </Form>
      {report ? (
        <>
          <h2 className="govuk-heading-m">
            {report.agreement.reference}: {report.agreement.title}
          </h2>
          {report.organisations.length === 0 ? <p className="govuk-body">Nobody accessed anything under this agreement in this period.</p> : null}
          {report.organisations.map((organisation) => (
            <div key={organisation.name} className="app-table-scroll">
              <ScrollableTable label={`${organisation.name}: ${organisation.events} events`}>
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--s">
                    {organisation.name}: {organisation.events} events
                  </caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Who</th>
                      <th scope="col" className="govuk-table__header">What</th>
                      <th scope="col" className="govuk-table__header">Records</th>
                      <th scope="col" className="govuk-table__header govuk-table__header--numeric">Events</th>
                      <th scope="col" className="govuk-table__header">First and last (UK time)</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {organisation.rows.map((row, index) => (
                      <tr key={index} className="govuk-table__row">
                        <td className="govuk-table__cell">
                          <Who name={row.actorName} email={row.actorEmail} />
                        </td>
                        <td className="govuk-table__cell">
                          {auditActionLabel(row.action)}
                          {row.outcome === "DENIED" ? " (denied)" : ""}
                        </td>
                        <td className="govuk-table__cell" data-testid="records-accessed">
                          <AccessedRecords row={row} />
                        </td>
                        <td className="govuk-table__cell govuk-table__cell--numeric">{row.events}</td>
                        <td className="govuk-table__cell">
                          {formatDateTimeSeconds(row.first)} to {formatDateTimeSeconds(row.last)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollableTable>
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}

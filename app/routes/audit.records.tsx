import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackToAudit, EventsTable, Pager, Who } from "~/components/audit";
import { Button, ErrorSummary, Select, TextInput } from "~/components/form";
import { auditActionLabel } from "~/modules/audit/actions";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { recordDenial } from "~/modules/authorization/deny.server";
import { audit } from "~/modules/audit/audit.server";
import { recordAccessSummary, recordHistoryWhere, resolveRecord } from "~/modules/audit/reports.server";
import { RECORD_TYPE_LABELS, RECORD_TYPES } from "~/modules/audit/record-types";
import { eventLabels, pagingSchema, searchAuditEvents, serialiseEvent } from "~/modules/audit/search.server";
import { formatDateTimeSeconds } from "~/utils/dates";
import { zodFieldErrors } from "~/utils/forms.server";
import { parseQuery, queryValues } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "History of a record – Partnership Intelligence Portal" }];

const querySchema = z.object({
  recordType: z.enum(RECORD_TYPES, "Choose the type of record"),
  record: z.string().trim().min(1, "Enter the record's reference or ID").max(200, "Reference or ID must be 200 characters or fewer"),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  const { scope, audit: auditContext } = auth;
  const query = queryValues(request);
  const values = { recordType: query.recordType ?? "", record: query.record ?? "" };
  if (!values.record && !values.recordType) return { values, errors: null, result: null };
  const parsed = querySchema.safeParse(values);
  if (!parsed.success) return { values, errors: zodFieldErrors(parsed.error), result: null };
  const { id: existingId, record } = await resolveRecord(scope, parsed.data.recordType, parsed.data.record);
  if (!record) {
    // Outside the reader's scope is answered exactly like no such record; a refusal is recorded
    // against the record (when it exists), so its owner's and its agreement's DPOs see the attempt.
    await recordDenial(auth, {
      action: "audit.record_history_viewed",
      recordType: parsed.data.recordType,
      recordId: existingId ?? parsed.data.record,
      reason: "OUTSIDE_AUDIT_SCOPE",
      request,
    });
    return { values, errors: { record: "No record of that type has this reference or ID" }, result: null };
  }
  const paging = parseQuery(request, pagingSchema);
  const where = await recordHistoryWhere(parsed.data.recordType, record.id);
  const [page, summary] = await Promise.all([
    searchAuditEvents(scope, where, paging),
    recordAccessSummary(scope, where),
  ]);
  // Recorded against the record itself, so its history shows who looked at its history.
  await audit(auditContext, {
    action: "audit.record_history_viewed",
    recordType: parsed.data.recordType,
    recordId: record.id,
    justification: "DATA_PROTECTION_REVIEW",
    details: { rowCount: page.events.length, eventIds: page.events.map((e) => e.id.toString()) },
  });
  const labels = await eventLabels(scope, [
    ...page.events,
    ...summary.map((s) => ({ actorUserId: null, actorOrganisationId: s.actorOrganisationId, agreementId: s.agreementId, recordOrganisationId: null, recordType: null, recordId: null })),
  ]);
  return {
    values,
    errors: null,
    result: {
      label: record.label,
      recordType: parsed.data.recordType,
      events: page.events.map(serialiseEvent),
      older: page.older,
      newer: page.newer,
      summary,
      labels,
    },
  };
}

export default function RecordHistory() {
  const { values, errors, result } = useLoaderData<typeof loader>();
  return (
    <>
      <BackToAudit />
      <ErrorSummary errors={errors ?? undefined} />
      <h1 className="govuk-heading-l">History of a record</h1>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <Select
          name="recordType"
          label="Type of record"
          error={errors?.recordType}
          defaultValue={values.recordType}
          options={[{ value: "", label: "Choose a type" }, ...RECORD_TYPES.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] }))]}
        />
        <TextInput
          name="record"
          label="Reference or ID"
          hint="A submission reference like INT-2026-000123, an agreement reference like ISA-2026-0001, an email address for a user account, or an ID"
          spellCheck={false}
          error={errors?.record}
          defaultValue={values.record}
        />
        <Button>Show history</Button>
      </Form>
      {result ? (
        <>
          <h2 className="govuk-heading-m">
            {RECORD_TYPE_LABELS[result.recordType]} {result.label}
          </h2>
          <div className="app-table-scroll">
            <ScrollableTable label="Who saw or changed it">
              <table className="govuk-table" data-testid="record-access-summary">
                <caption className="govuk-table__caption govuk-table__caption--m">Who saw or changed it</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Who</th>
                    <th scope="col" className="govuk-table__header">What</th>
                    <th scope="col" className="govuk-table__header">Under agreement</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Times</th>
                    <th scope="col" className="govuk-table__header">Last (UK time)</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {result.summary.map((row, index) => (
                    <tr key={index} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Who email={row.actorEmail} organisation={row.actorOrganisationId ? result.labels.organisations[row.actorOrganisationId] : null} />
                      </td>
                      <td className="govuk-table__cell">
                        {auditActionLabel(row.action)}
                        {row.outcome === "DENIED" ? " (denied)" : ""}
                      </td>
                      <td className="govuk-table__cell">{row.agreementId ? (result.labels.agreements[row.agreementId] ?? "Unknown agreement") : "None"}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                      <td className="govuk-table__cell app-nowrap">{row.last ? formatDateTimeSeconds(row.last) : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          </div>
          <EventsTable events={result.events} labels={result.labels} caption="Every event, newest first" />
          <Pager baseParams={values} newer={result.newer} older={result.older} />
        </>
      ) : null}
    </>
  );
}

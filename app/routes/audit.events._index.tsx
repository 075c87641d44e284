import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { BackToAudit, EventsTable, Pager } from "~/components/audit";
import { DateInput } from "~/components/date-input";
import { Button, ErrorSummary, Select, TextInput } from "~/components/form";
import { AUDIT_ACTIONS, auditActionLabel, SECURITY_ACTIONS } from "~/modules/audit/actions";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { auditOrganisationsWhere } from "~/modules/authorization/audit-scope.server";
import { audit } from "~/modules/audit/audit.server";
import {
  eventLabels,
  filterQuery,
  filtersForLog,
  filtersWhere,
  pagingSchema,
  readAuditFilters,
  referenceNotFound,
  searchAuditEvents,
  serialiseEvent,
} from "~/modules/audit/search.server";
import { RECORD_TYPE_LABELS, RECORD_TYPES } from "~/modules/audit/record-types";
import { prisma } from "~/utils/db.server";
import { zodFieldErrors } from "~/utils/forms.server";
import { parseQuery, queryValues } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Search the audit trail – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { scope, ability, audit: auditContext } = await requireAuditAccess(request, context, { action: "read", subject: "AuditTrail" });
  const { values: typed, result: filters } = readAuditFilters(new URLSearchParams(queryValues(request)));
  const [organisations, agreements]: [{ id: string; name: string }[], { id: string; reference: string; title: string }[]] = await Promise.all([
    // Only organisations the reader may know of are named (an administrator runs them all).
    prisma.organisation.findMany({ where: auditOrganisationsWhere(scope), orderBy: { name: "asc" }, select: { id: true, name: true } }),
    scope.agreementIds.length
      ? prisma.agreement.findMany({ where: { id: { in: scope.agreementIds } }, orderBy: { reference: "asc" }, select: { id: true, reference: true, title: true } })
      : [],
  ]);
  const options = {
    organisations,
    agreements,
    actions: scope.organisationId ? AUDIT_ACTIONS : SECURITY_ACTIONS,
    canExport: ability.can("export", "AuditTrail"),
  };
  const paging = parseQuery(request, pagingSchema);
  if (!filters.success) {
    return { ...options, values: typed, errors: zodFieldErrors(filters.error), page: null, labels: null };
  }
  // From here on the dates are one "YYYY-MM-DD" each, for the form and the links alike.
  const values = filterQuery(filters.data);
  // A reference that names nothing the reader may see says so, rather than "no events".
  const unknownReference = await referenceNotFound(scope, filters.data);
  if (unknownReference) return { ...options, values, errors: { reference: unknownReference } as Record<string, string>, page: null, labels: null };
  const page = await searchAuditEvents(scope, await filtersWhere(filters.data, scope), paging);
  await audit(auditContext, {
    action: "audit.searched",
    justification: "DATA_PROTECTION_REVIEW",
    details: {
      filters: filtersForLog(filters.data),
      rowCount: page.events.length,
      eventIds: page.events.map((e) => e.id.toString()),
    },
  });
  return {
    ...options,
    values,
    errors: null,
    page: { events: page.events.map(serialiseEvent), older: page.older, newer: page.newer },
    labels: await eventLabels(scope, page.events),
  };
}

export default function AuditSearch() {
  const { values, errors, page, labels, organisations, agreements, actions, canExport } = useLoaderData<typeof loader>();
  return (
    <>
      <BackToAudit />
      <ErrorSummary errors={errors ?? undefined} />
      <h1 className="govuk-heading-l">Search the audit trail</h1>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput name="person" label="Person (email address)" type="email" spellCheck={false} error={errors?.person} defaultValue={values.person} />
            <Select
              name="organisation"
              label="Their organisation"
              error={errors?.organisation}
              defaultValue={values.organisation ?? ""}
              options={[{ value: "", label: "Any organisation" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
            />
            <Select
              name="action"
              label="Action"
              error={errors?.action}
              defaultValue={values.action ?? ""}
              options={[{ value: "", label: "Any action" }, ...actions.map((a) => ({ value: a, label: auditActionLabel(a) }))]}
            />
            <Select
              name="outcome"
              label="Outcome"
              error={errors?.outcome}
              defaultValue={values.outcome ?? ""}
              options={[
                { value: "", label: "Allowed or denied" },
                { value: "ALLOWED", label: "Allowed" },
                { value: "DENIED", label: "Denied" },
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              name="recordType"
              label="Record type"
              error={errors?.recordType}
              defaultValue={values.recordType ?? ""}
              options={[{ value: "", label: "Any record" }, ...RECORD_TYPES.map((t) => ({ value: t, label: RECORD_TYPE_LABELS[t] }))]}
            />
            <TextInput name="reference" label="Record reference" hint="For example, INT-2026-000006, ISA-2026-0001 or THR-2026-0001" spellCheck={false} error={errors?.reference} defaultValue={values.reference} />
            <TextInput name="recordId" label="Record ID" hint="With a record type: the ID shown on an event's page" spellCheck={false} error={errors?.recordId} defaultValue={values.recordId} />
            {agreements.length > 0 ? (
              <Select
                name="agreement"
                label="Agreement"
                error={errors?.agreement}
                defaultValue={values.agreement ?? ""}
                options={[{ value: "", label: "Any agreement" }, ...agreements.map((a) => ({ value: a.id, label: `${a.reference}: ${a.title}` }))]}
              />
            ) : null}
            <DateInput name="from" legend="Date from" hint="For example, 27 3 2026" error={errors?.from} values={values} />
            <DateInput name="to" legend="Date to" error={errors?.to} values={values} />
          </div>
        </div>
        <Button>Search</Button>
      </Form>
      {page && labels ? (
        <>
          <EventsTable events={page.events} labels={labels} caption="Events, newest first" />
          <Pager baseParams={values} newer={page.newer} older={page.older} />
          {canExport && page.events.length > 0 ? (
            <Form method="post" action="/audit/export" reloadDocument>
              {Object.entries(values).map(([key, value]) => (
                <input key={key} type="hidden" name={key} value={value} />
              ))}
              <Button variant="secondary">Download all matching events (CSV)</Button>
            </Form>
          ) : null}
        </>
      ) : null}
    </>
  );
}

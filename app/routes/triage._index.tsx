import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollableTable } from "~/components/table";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { Select } from "~/components/form";
import { NextPageLink, nextPageHref, StatusTag } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDateTime } from "~/utils/dates";
import {
  enumOptions,
  gradingCode,
  INTELLIGENCE_ASSESSMENT,
  RISK_LEVELS,
  SOURCE_EVALUATION,
  STATUS_LABELS,
  THREAT_TYPE_LABELS,
} from "~/modules/intelligence/labels";
import { triageFilterOptions, triageQueue, type TriageFilters } from "~/modules/intelligence/triage.server";
import { z } from "zod";
import { IntelligenceAssessment, SourceEvaluation, SubmissionStatus, ThreatType } from "~/generated/prisma/enums";
import { parseQuery } from "~/utils/request.server";
import { base64urlCursor, optionalQuery, uuid } from "~/utils/input";
import { describeAge } from "~/utils/age";
import { ALLOCATABLE_STATUSES } from "~/modules/authorization/rules/allocation";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Triage queue – Partnership Intelligence Portal" }];

const triageQuery = z.object({
  areaId: optionalQuery(uuid),
  threatType: optionalQuery(z.enum(ThreatType)),
  sourceEvaluation: optionalQuery(z.enum(SourceEvaluation)),
  intelligenceAssessment: optionalQuery(z.enum(IntelligenceAssessment)),
  agreementId: optionalQuery(uuid),
  status: optionalQuery(z.union([z.enum(["open", "all"]), z.enum(SubmissionStatus)])),
  queue: optionalQuery(z.enum(["mine"])),
  cursor: optionalQuery(base64urlCursor),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { cursor, ...filters }: TriageFilters & { cursor?: string } = parseQuery(request, triageQuery);
  const queue = await triageQueue(auth, filters, cursor ?? null);
  const now = clock.now();
  return {
    ...queue,
    items: queue.items.map((item) => ({
      ...item,
      age: item.submittedAt ? describeAge(item.submittedAt, now) : null,
      // Only open work is claimed or handed over (the assign rule, authorization/rules/allocation.ts).
      allocatable: ALLOCATABLE_STATUSES.includes(item.status),
    })),
    filters,
    options: await triageFilterOptions(auth),
  };
}

export default function TriageQueue() {
  const { items, nextCursor, filters, options } = useLoaderData<typeof loader>();
  const location = useLocation();
  const any = (label: string) => ({ value: "", label });
  return (
    <>
      <h1 className="govuk-heading-l">{filters.queue === "mine" ? "Your queue" : "Triage queue"}</h1>
      <p className="govuk-body">
        Intelligence shared with your force under agreements in force, highest risk first (not yet assessed at the top), then newest.
      </p>
      <Form method="get" className="govuk-!-margin-bottom-6">
        <div className="app-filter-row">
          <Select name="queue" label="Assigned to" defaultValue={filters.queue ?? ""} options={[{ value: "", label: "Anyone or nobody" }, { value: "mine", label: "Me (your queue)" }]} />
          <Select name="status" label="Status" defaultValue={filters.status ?? "open"} options={[{ value: "open", label: "Open (received or being assessed)" }, { value: "all", label: "All" }, ...enumOptions(STATUS_LABELS).filter((o) => o.value !== "DRAFT")]} />
          <Select name="areaId" label="Area" defaultValue={filters.areaId ?? ""} options={[any("All areas"), ...options.areas.map((a) => ({ value: a.id, label: a.name }))]} />
          <Select name="threatType" label="Threat type" defaultValue={filters.threatType ?? ""} options={[any("All types"), ...enumOptions(THREAT_TYPE_LABELS)]} />
          <Select
            name="sourceEvaluation"
            label="Source evaluation"
            defaultValue={filters.sourceEvaluation ?? ""}
            options={[any("Any"), ...Object.entries(SOURCE_EVALUATION).map(([value, v]) => ({ value, label: v.label }))]}
          />
          <Select
            name="intelligenceAssessment"
            label="Intelligence assessment"
            defaultValue={filters.intelligenceAssessment ?? ""}
            options={[any("Any"), ...Object.entries(INTELLIGENCE_ASSESSMENT).map(([value, v]) => ({ value, label: v.label }))]}
          />
          <Select name="agreementId" label="Agreement" defaultValue={filters.agreementId ?? ""} options={[any("All agreements"), ...options.agreements.map((a) => ({ value: a.id, label: a.reference }))]} />
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
      </Form>
      {items.length === 0 ? (
        <p className="govuk-body">Nothing matches these filters.</p>
      ) : (
        <ScrollableTable label="Triage queue">
          <table className="govuk-table" data-testid="triage-queue">
          <caption className="govuk-table__caption govuk-visually-hidden">Submissions to triage</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">Risk</th>
              <th scope="col" className="govuk-table__header">Type</th>
              <th scope="col" className="govuk-table__header">Area</th>
              <th scope="col" className="govuk-table__header">From</th>
              <th scope="col" className="govuk-table__header">Grading</th>
              <th scope="col" className="govuk-table__header">Received</th>
              <th scope="col" className="govuk-table__header">Waiting</th>
              <th scope="col" className="govuk-table__header">Assigned to</th>
              <th scope="col" className="govuk-table__header">Status</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/triage/${s.id}`}>{s.reference}</Link>
                  {s.handlingCode === "C" ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Conditions</strong> : null}
                </td>
                <td className="govuk-table__cell">{s.riskLevel ? RISK_LEVELS[s.riskLevel] : "Not assessed"}</td>
                <td className="govuk-table__cell">{s.threatType ? THREAT_TYPE_LABELS[s.threatType] : ""}</td>
                <td className="govuk-table__cell">{s.area?.name}</td>
                <td className="govuk-table__cell">{s.organisation.name}</td>
                <td className="govuk-table__cell">{gradingCode(s.sourceEvaluation, s.intelligenceAssessment, s.handlingCode)}</td>
                <td className="govuk-table__cell app-nowrap">{formatDateTime(s.submittedAt)}</td>
                <td className="govuk-table__cell" data-testid="age">{s.age}</td>
                <td className="govuk-table__cell">
                  {s.assignedAnalyst?.name ?? "Nobody"}
                  {s.allocatable ? (
                    <>
                      <br />
                      <Link className="govuk-link" to={`/triage/${s.id}/assign`}>
                        {s.assignedAnalyst ? "Reassign" : "Claim or assign"}
                        <span className="govuk-visually-hidden"> {s.reference}</span>
                      </Link>
                    </>
                  ) : null}
                </td>
                <td className="govuk-table__cell"><StatusTag status={s.status} /></td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollableTable>
      )}
      <NextPageLink href={nextPageHref(location.search, nextCursor)} />
    </>
  );
}

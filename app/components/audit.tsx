import { Link } from "@remix-run/react";
import { auditActionLabel } from "~/modules/audit/actions";
import { RECORD_TYPE_LABELS, type RecordType } from "~/modules/audit/record-types";
import { formatDateTimeSeconds } from "~/utils/dates";
import { ScrollableTable } from "./table";

/** Shared pieces of the audit and oversight screens. */

export interface EventRow {
  id: string;
  occurredAt: string;
  action: string;
  outcome: "ALLOWED" | "DENIED";
  actorUserId: string | null;
  actorEmail: string | null;
  actorOrganisationId: string | null;
  recordType: string | null;
  recordId: string | null;
  agreementId: string | null;
  justification: string | null;
}

export interface Labels {
  organisations: Record<string, string>;
  agreements: Record<string, string>;
  /** Names of the people who acted, by user id. */
  people: Record<string, string>;
  /** Records by `Type:id` (recordKey): reference and title, only within the reader's scope. */
  records: Record<string, { reference: string; title: string | null }>;
}

/** Who acted: name, email and organisation on lines of their own. */
export function Who({ name, email, organisation }: { name?: string | null; email: string | null; organisation?: string | null }) {
  if (!email && !name) return <>System or anonymous</>;
  return (
    <>
      {name ? <span className="app-who__name govuk-!-display-block govuk-!-font-weight-bold">{name}</span> : null}
      {email ? <span className="app-who__email govuk-!-display-block app-break-anywhere">{email}</span> : null}
      {organisation ? <span className="app-who__organisation govuk-!-display-block govuk-hint govuk-!-margin-0 govuk-body-s">{organisation}</span> : null}
    </>
  );
}

/** A record by its reference and title (or its kind alone when the reader may not know more). */
export function RecordName({ recordType, recordId, labels }: { recordType: string; recordId: string; labels: Labels }) {
  const label = labels.records[`${recordType}:${recordId}`];
  const kind = RECORD_TYPE_LABELS[recordType as RecordType] ?? recordType;
  if (!label) {
    return (
      <>
        {kind}
        <span className="govuk-visually-hidden"> {recordId}</span>
      </>
    );
  }
  return (
    <>
      <span className="govuk-!-display-block">{label.reference}</span>
      <span className="govuk-!-display-block govuk-hint govuk-!-margin-0 govuk-body-s">{label.title ? `${kind}: ${label.title}` : kind}</span>
    </>
  );
}

export function OutcomeTag({ outcome }: { outcome: "ALLOWED" | "DENIED" }) {
  return outcome === "DENIED" ? (
    <strong className="govuk-tag govuk-tag--red">Denied</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--green">Allowed</strong>
  );
}

export function recordHistoryHref(recordType: string, recordId: string): string {
  return `/audit/records?${new URLSearchParams({ recordType, record: recordId }).toString()}`;
}

export function EventsTable({ events, labels, caption }: { events: EventRow[]; labels: Labels; caption: string }) {
  if (events.length === 0) {
    return <p className="govuk-body">No events found.</p>;
  }
  return (
    <div className="app-table-scroll">
      <ScrollableTable label={caption}>
        <table className="govuk-table" data-testid="audit-events">
          <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">When (UK time)</th>
              <th scope="col" className="govuk-table__header">Who</th>
              <th scope="col" className="govuk-table__header">What</th>
              <th scope="col" className="govuk-table__header">Record</th>
              <th scope="col" className="govuk-table__header">Agreement</th>
              <th scope="col" className="govuk-table__header">Outcome</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {events.map((event) => (
              <tr key={event.id} className="govuk-table__row">
                <td className="govuk-table__cell app-nowrap">
                  <Link className="govuk-link" to={`/audit/events/${event.id}`}>
                    {formatDateTimeSeconds(event.occurredAt)}
                    <span className="govuk-visually-hidden"> (event {event.id})</span>
                  </Link>
                </td>
                <td className="govuk-table__cell">
                  <Who
                    name={event.actorUserId ? labels.people[event.actorUserId] : null}
                    email={event.actorEmail}
                    organisation={event.actorOrganisationId ? labels.organisations[event.actorOrganisationId] : null}
                  />
                </td>
                <td className="govuk-table__cell">{auditActionLabel(event.action)}</td>
                <td className="govuk-table__cell">
                  {event.recordType && event.recordId ? (
                    <Link className="govuk-link" to={recordHistoryHref(event.recordType, event.recordId)}>
                      <RecordName recordType={event.recordType} recordId={event.recordId} labels={labels} />
                    </Link>
                  ) : event.recordType ? (
                    RECORD_TYPE_LABELS[event.recordType as RecordType] ?? event.recordType
                  ) : (
                    ""
                  )}
                </td>
                <td className="govuk-table__cell">{event.agreementId ? (labels.agreements[event.agreementId] ?? "Unknown agreement") : ""}</td>
                <td className="govuk-table__cell">
                  <OutcomeTag outcome={event.outcome} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </div>
  );
}

/** Older/newer links for keyset paging (GOV.UK pagination, previous/next only). */
export function Pager({ baseParams, newer, older }: { baseParams: Record<string, string>; newer: string | null; older: string | null }) {
  if (!newer && !older) return null;
  const href = (key: "after" | "before", value: string) => `?${new URLSearchParams({ ...baseParams, [key]: value }).toString()}`;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Results pages">
      {newer ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={href("after", newer)} rel="prev">
            <span className="govuk-pagination__link-title">Newer events</span>
          </Link>
        </div>
      ) : null}
      {older ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={href("before", older)} rel="next">
            <span className="govuk-pagination__link-title">Older events</span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

export function BackToAudit() {
  return (
    <Link to="/audit" className="govuk-back-link">
      Back to audit and oversight
    </Link>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OutcomeTag, RecordName, recordHistoryHref, Who } from "~/components/audit";
import { JUSTIFICATIONS, auditActionLabel, type Justification } from "~/modules/audit/actions";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { audit } from "~/modules/audit/audit.server";
import { auditScopeWhere } from "~/modules/audit/scope.server";
import { eventLabels, serialiseEvent } from "~/modules/audit/search.server";
import { formatDateTimeSeconds } from "~/utils/dates";
import { eventForReader } from "~/modules/authorization/audit-scope.server";
import { deny } from "~/modules/authorization/deny.server";
import { ROLE_LABELS } from "~/modules/organisations/labels";
import { prisma } from "~/utils/db.server";
import { z } from "zod";
import { parseParams } from "~/utils/request.server";
import { bigintId } from "~/utils/input";

export const meta: MetaFunction = () => [{ title: "Audit event – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireAuditAccess(request, context, { action: "read", subject: "AuditTrail" });
  const { id } = parseParams(params, z.object({ id: bigintId }));
  // Outside the reader's scope answers 404, like an event that does not exist, and is recorded.
  const found = await prisma.auditEvent.findFirst({
    where: { AND: [auditScopeWhere(auth.scope), { id }] },
    include: { seal: { select: { position: true, prevHash: true, hash: true } } },
  });
  const event = found && eventForReader(auth.scope, found);
  if (!event) {
    return deny(auth, { action: "audit.event_viewed", recordType: "AuditEvent", recordId: id.toString(), reason: "OUTSIDE_AUDIT_SCOPE", request });
  }
  await audit(auth.audit, { action: "audit.event_viewed", justification: "DATA_PROTECTION_REVIEW", details: { eventId: id.toString() } });
  return { event: serialiseEvent(event), labels: await eventLabels(auth.scope, [event]) };
}

export default function AuditEventPage() {
  const { event, labels } = useLoaderData<typeof loader>();
  const rows: [string, React.ReactNode][] = [
    ["When", `${formatDateTimeSeconds(event.occurredAt)} (UK time); ${event.occurredAt} UTC`],
    ["Action", <>{auditActionLabel(event.action)} <span className="govuk-hint govuk-body-s govuk-!-margin-0">({event.action})</span></>],
    ["Outcome", <OutcomeTag key="o" outcome={event.outcome} />],
    ["Who", event.actorEmail ? <Who key="w" name={event.actorUserId ? labels.people[event.actorUserId] : null} email={event.actorEmail} /> : "System or not signed in"],
    ["Their organisation", event.actorOrganisationId ? (labels.organisations[event.actorOrganisationId] ?? event.actorOrganisationId) : "None"],
    ["Their roles", event.actorRoles.map((r) => ROLE_LABELS[r]).join(", ") || "None"],
    [
      "Record",
      event.recordType && event.recordId ? (
        <Link key="r" className="govuk-link" to={recordHistoryHref(event.recordType, event.recordId)}>
          <RecordName recordType={event.recordType} recordId={event.recordId} labels={labels} />
          <span className="govuk-!-display-block govuk-body-s govuk-!-margin-0">See its history (ID {event.recordId})</span>
        </Link>
      ) : (
        event.recordType ?? "None"
      ),
    ],
    ["Record owned by", event.recordOrganisationId ? (labels.organisations[event.recordOrganisationId] ?? event.recordOrganisationId) : "Not recorded"],
    ["Under agreement", event.agreementId ? (labels.agreements[event.agreementId] ?? event.agreementId) : "None"],
    [
      "Justification",
      event.justification
        ? `${JUSTIFICATIONS[event.justification as Justification] ?? event.justification}${event.justificationNote ? `: ${event.justificationNote}` : ""}`
        : "None given",
    ],
    ["Client address", event.ipAddress ?? "Not recorded"],
    ["Browser", event.userAgent ?? "Not recorded"],
    ["Details", <pre key="d" className="app-details">{JSON.stringify(event.details, null, 2)}</pre>],
    ["Request", event.requestId ?? "Not recorded"],
    ["Place in the chain", event.position ? `Sealed at position ${event.position}` : "Not sealed yet (the sequencer seals events within seconds)"],
    ["Previous hash", <span key="p" className="app-hash">{event.prevHash ?? "Not sealed yet"}</span>],
    ["Hash", <span key="h" className="app-hash">{event.hash ?? "Not sealed yet"}</span>],
  ];
  return (
    <>
      <Link to="/audit/events" className="govuk-back-link">
        Back to search
      </Link>
      <span className="govuk-caption-l">Audit event {event.id}</span>
      <h1 className="govuk-heading-l">{auditActionLabel(event.action)}</h1>
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div key={key} className="govuk-summary-list__row">
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

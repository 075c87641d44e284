import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { EXPORT_ACTIONS, FAILED_AUTHENTICATION_ACTIONS, PRIVILEGE_ACTIONS, VIEW_ACTIONS } from "./actions";
import { auditRecordWhere, eventForReader } from "~/modules/authorization/audit-scope.server";
import { auditScopeSql, auditScopeWhere, type AuditScope } from "./scope.server";
import type { RecordType } from "./record-types";
import { recordKey, recordLabels } from "./record-labels.server";

/**
 * The DPO's reports on the audit trail: one record's history, access under an agreement, and
 * unusual access. Aggregates run in SQL (GROUP BY), always within the reader's scope, and every
 * list is bounded.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record a DPO typed: its id, or a human reference (a submission's INT-… reference, an
 * agreement's ISA-… reference, a user's email address, an organisation's name). `id` is set when
 * such a record exists at all (for recording a refused look-up against it); `record` only when it
 * is within the reader's audit scope (auditRecordWhere). A page must answer a record outside the
 * scope exactly as one that does not exist.
 */
export async function resolveRecord(
  scope: AuditScope,
  recordType: RecordType,
  typed: string,
): Promise<{ id: string | null; record: { id: string; label: string } | null }> {
  const value = typed.trim();
  const inScope = auditRecordWhere(scope);
  const byId = UUID.test(value);
  const found = async (
    row: { id: string; label: string } | null,
    visible: (id: string) => Promise<unknown>,
  ): Promise<{ id: string | null; record: { id: string; label: string } | null }> => {
    if (!row) return { id: null, record: null };
    return { id: row.id, record: (await visible(row.id)) ? row : null };
  };
  switch (recordType) {
    case "Submission": {
      const row = await prisma.submission.findFirst({ where: byId ? { id: value } : { reference: value.toUpperCase() }, select: { id: true, reference: true } });
      return found(row && { id: row.id, label: row.reference ?? "Draft submission" }, (id) =>
        prisma.submission.findFirst({ where: { AND: [inScope.Submission, { id }] }, select: { id: true } }),
      );
    }
    case "Agreement": {
      const row = await prisma.agreement.findFirst({ where: byId ? { id: value } : { reference: value.toUpperCase() }, select: { id: true, reference: true } });
      return found(row && { id: row.id, label: row.reference }, (id) =>
        prisma.agreement.findFirst({ where: { AND: [inScope.Agreement, { id }] }, select: { id: true } }),
      );
    }
    case "User": {
      const row = await prisma.user.findFirst({ where: byId ? { id: value } : { email: value.toLowerCase() }, select: { id: true, email: true } });
      return found(row && { id: row.id, label: row.email }, (id) => prisma.user.findFirst({ where: { AND: [inScope.User, { id }] }, select: { id: true } }));
    }
    case "Organisation": {
      const row = await prisma.organisation.findFirst({ where: byId ? { id: value } : { name: value }, select: { id: true, name: true } });
      return found(row && { id: row.id, label: row.name }, (id) =>
        prisma.organisation.findFirst({ where: { AND: [inScope.Organisation, { id }] }, select: { id: true } }),
      );
    }
    case "Threat": {
      const row = await prisma.threat.findFirst({ where: byId ? { id: value } : { reference: value.toUpperCase() }, select: { id: true, reference: true } });
      return found(row && { id: row.id, label: row.reference }, (id) =>
        prisma.threat.findFirst({ where: { AND: [inScope.Threat, { id }] }, select: { id: true } }),
      );
    }
    case "SanitisedReport": {
      const row = byId ? await prisma.sanitisedReport.findUnique({ where: { id: value }, select: { id: true } }) : null;
      return found(row && { id: row.id, label: row.id }, (id) =>
        prisma.sanitisedReport.findFirst({ where: { AND: [inScope.SanitisedReport, { id }] }, select: { id: true } }),
      );
    }
    case "Feedback": {
      const row = byId ? await prisma.feedback.findUnique({ where: { id: value }, select: { id: true } }) : null;
      return found(row && { id: row.id, label: row.id }, (id) =>
        prisma.feedback.findFirst({ where: { AND: [inScope.Feedback, { id }] }, select: { id: true } }),
      );
    }
    case "RetentionDecision": {
      const row = byId ? await prisma.retentionDecision.findUnique({ where: { id: value }, select: { id: true } }) : null;
      return found(row && { id: row.id, label: row.id }, (id) =>
        prisma.retentionDecision.findFirst({ where: { AND: [inScope.RetentionDecision, { id }] }, select: { id: true } }),
      );
    }
    case "Session": {
      if (value.length === 0 || value.length > 200) return { id: null, record: null };
      const row = await prisma.session.findUnique({ where: { id: value }, select: { id: true } });
      if (row) return found({ id: row.id, label: row.id }, (id) => prisma.session.findFirst({ where: { AND: [inScope.Session, { id }] }, select: { id: true } }));
      // Sessions are deleted when they end; their history stays with the organisation of the
      // person whose session it was (recorded on its events).
      const ended = scope.organisationId
        ? await prisma.auditEvent.findFirst({
            where: { recordType: "Session", recordId: value, recordOrganisationId: scope.organisationId },
            select: { id: true },
          })
        : null;
      return ended ? { id: value, record: { id: value, label: value } } : { id: null, record: null };
    }
  }
}

/**
 * The events of one record's history: the record itself and, for a submission, its sanitised
 * reports, feedback and retention decisions (everything that happened to it).
 */
export async function recordHistoryWhere(recordType: RecordType, recordId: string): Promise<Prisma.AuditEventWhereInput> {
  const or: Prisma.AuditEventWhereInput[] = [{ recordType, recordId }];
  if (recordType === "Submission" && UUID.test(recordId)) {
    const [sanitised, feedback, decisions] = await Promise.all([
      prisma.sanitisedReport.findMany({ where: { submissionId: recordId }, select: { id: true } }),
      prisma.feedback.findMany({ where: { submissionId: recordId }, select: { id: true } }),
      prisma.retentionDecision.findMany({ where: { submissionId: recordId }, select: { id: true } }),
    ]);
    if (sanitised.length) or.push({ recordType: "SanitisedReport", recordId: { in: sanitised.map((r) => r.id) } });
    if (feedback.length) or.push({ recordType: "Feedback", recordId: { in: feedback.map((r) => r.id) } });
    if (decisions.length) or.push({ recordType: "RetentionDecision", recordId: { in: decisions.map((r) => r.id) } });
  }
  return { OR: or };
}

/** Who saw or touched the record: one row per person, action and agreement (GROUP BY). */
export async function recordAccessSummary(scope: AuditScope, where: Prisma.AuditEventWhereInput) {
  const groups = await prisma.auditEvent.groupBy({
    by: ["actorEmail", "actorOrganisationId", "action", "agreementId", "outcome"],
    where: { AND: [auditScopeWhere(scope), where] },
    _count: { _all: true },
    _min: { occurredAt: true },
    _max: { occurredAt: true },
    orderBy: [{ _max: { occurredAt: "desc" } }],
    take: 200,
  });
  return groups.map((g) => ({
    actorEmail: g.actorEmail,
    actorOrganisationId: g.actorOrganisationId,
    action: g.action,
    agreementId: g.agreementId,
    outcome: g.outcome,
    count: g._count._all,
    first: g._min.occurredAt?.toISOString() ?? null,
    last: g._max.occurredAt?.toISOString() ?? null,
  }));
}

export interface AgreementAccessRow {
  organisationId: string | null;
  organisationName: string | null;
  actorEmail: string | null;
  actorName: string | null;
  recordType: string | null;
  action: string;
  outcome: "ALLOWED" | "DENIED";
  events: number;
  records: number;
  /** The records accessed, by reference and title (the first RECORDS_NAMED; within the reader's scope). */
  named: { id: string; reference: string | null; title: string | null }[];
  first: Date;
  last: Date;
}

/** How many records each row of the agreement report names (the count says how many in all). */
export const RECORDS_NAMED = 20;

/** Who accessed what under an agreement in a period, by organisation (bounded to 1,000 rows). */
export async function agreementAccessReport(
  scope: AuditScope,
  agreementId: string,
  period: { from: Date; to: Date },
): Promise<AgreementAccessRow[]> {
  // Only an agreement the reader's organisation is party to; any other is treated as unknown.
  if (!scope.agreementIds.includes(agreementId)) return [];
  const rows = await prisma.$queryRaw<
    {
      organisationId: string | null;
      organisationName: string | null;
      actorEmail: string | null;
      actorName: string | null;
      recordType: string | null;
      action: string;
      outcome: "ALLOWED" | "DENIED";
      events: bigint | number;
      records: bigint | number;
      recordIds: string[] | null;
      first: Date;
      last: Date;
    }[]
  >(Prisma.sql`
    SELECT e."actorOrganisationId"::text AS "organisationId", o.name AS "organisationName", e."actorEmail", max(u.name) AS "actorName",
           e."recordType", e.action, e.outcome::text AS outcome,
           count(*) AS events, count(DISTINCT e."recordId") AS records,
           (array_agg(DISTINCT e."recordId") FILTER (WHERE e."recordId" IS NOT NULL))[1:${RECORDS_NAMED}] AS "recordIds",
           min(e."occurredAt") AS first, max(e."occurredAt") AS last
    FROM "AuditEvent" e
    LEFT JOIN "Organisation" o ON o.id = e."actorOrganisationId"
    LEFT JOIN "User" u ON u.id = e."actorUserId"
    WHERE e."agreementId" = ${agreementId}::uuid
      AND e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
      AND ${auditScopeSql(scope, "e")}
    GROUP BY e."actorOrganisationId", o.name, e."actorEmail", e."recordType", e.action, e.outcome
    ORDER BY o.name NULLS LAST, e."actorEmail" NULLS LAST, e."recordType" NULLS LAST, e.action
    LIMIT 1000`);
  // Named in one query per record type for the whole report (no N+1), only within the scope.
  const labels = await recordLabels(scope, rows.flatMap((r) => (r.recordIds ?? []).map((recordId) => ({ recordType: r.recordType, recordId }))));
  return rows.map(({ recordIds, ...r }) => ({
    ...r,
    events: Number(r.events),
    records: Number(r.records),
    named: (recordIds ?? []).map((id) => {
      const label = r.recordType ? labels[recordKey(r.recordType, id)] : undefined;
      return { id, reference: label?.reference ?? null, title: label?.title ?? null };
    }),
    first: new Date(r.first),
    last: new Date(r.last),
  }));
}

// ─── Unusual access ────────────────────────────────────────────────────────

export const UNUSUAL_KINDS = ["volume", "out-of-hours", "denied", "exports", "privileges"] as const;
export type UnusualKind = (typeof UNUSUAL_KINDS)[number];

/** Thresholds: stated on the screens so a DPO knows what "unusual" meant. */
export const UNUSUAL_THRESHOLDS = {
  /** A user is flagged when they viewed at least this many distinct records… */
  volumeMinimumRecords: 20,
  /** …and more than this many times the average of the other users of their organisation. */
  volumePeerFactor: 3,
  workingHoursStart: 7,
  workingHoursEnd: 19,
  deniedMinimum: 3,
  exportMinimumRows: 100,
} as const;

export interface VolumeRow {
  actorUserId: string;
  actorEmail: string | null;
  organisationId: string | null;
  organisationName: string | null;
  views: number;
  records: number;
  peerAverage: number;
  peers: number;
}

/** Users who viewed far more distinct records than the other users of their organisation. */
export async function unusualVolume(scope: AuditScope, period: { from: Date; to: Date }): Promise<VolumeRow[]> {
  const t = UNUSUAL_THRESHOLDS;
  const rows = await prisma.$queryRaw<
    {
      actorUserId: string;
      actorEmail: string | null;
      organisationId: string | null;
      organisationName: string | null;
      views: bigint | number;
      records: bigint | number;
      peerAverage: number | string;
      peers: bigint | number;
    }[]
  >(Prisma.sql`
    WITH per_user AS (
      SELECT e."actorUserId", e."actorOrganisationId", max(e."actorEmail") AS "actorEmail",
             count(*) AS views, count(DISTINCT (e."recordType", e."recordId")) AS records
      FROM "AuditEvent" e
      WHERE e.action IN (${Prisma.join([...VIEW_ACTIONS])}) AND e.outcome = 'ALLOWED'
        AND e."actorUserId" IS NOT NULL
        AND e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
        AND ${auditScopeSql(scope, "e")}
      GROUP BY e."actorUserId", e."actorOrganisationId"
    ), per_org AS (
      SELECT "actorOrganisationId", sum(records) AS total, count(*) AS users FROM per_user GROUP BY "actorOrganisationId"
    )
    SELECT u."actorUserId"::text AS "actorUserId", u."actorEmail", u."actorOrganisationId"::text AS "organisationId",
           o.name AS "organisationName", u.views, u.records,
           ((g.total - u.records)::float8 / (g.users - 1)) AS "peerAverage", (g.users - 1) AS peers
    FROM per_user u
    JOIN per_org g ON g."actorOrganisationId" IS NOT DISTINCT FROM u."actorOrganisationId"
    LEFT JOIN "Organisation" o ON o.id = u."actorOrganisationId"
    WHERE g.users > 1
      AND u.records >= ${t.volumeMinimumRecords}
      AND u.records > ${t.volumePeerFactor} * ((g.total - u.records)::float8 / (g.users - 1))
    ORDER BY u.records DESC
    LIMIT 200`);
  return rows.map((r) => ({
    ...r,
    views: Number(r.views),
    records: Number(r.records),
    peerAverage: Math.round(Number(r.peerAverage) * 10) / 10,
    peers: Number(r.peers),
  }));
}

/** Events by signed-in users outside 07:00–19:00 London time, newest first (keyset on id). */
export async function outOfHoursEvents(
  scope: AuditScope,
  period: { from: Date; to: Date },
  before: bigint | undefined,
  pageSize = 50,
): Promise<{ ids: bigint[]; older: string | null }> {
  const t = UNUSUAL_THRESHOLDS;
  const rows = await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    SELECT e.id FROM "AuditEvent" e
    WHERE e."actorUserId" IS NOT NULL
      AND e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
      AND (extract(hour FROM e."occurredAt" AT TIME ZONE 'Europe/London') < ${t.workingHoursStart}
        OR extract(hour FROM e."occurredAt" AT TIME ZONE 'Europe/London') >= ${t.workingHoursEnd})
      AND ${auditScopeSql(scope, "e")}
      ${before !== undefined ? Prisma.sql`AND e.id < ${before}` : Prisma.empty}
    ORDER BY e.id DESC
    LIMIT ${pageSize + 1}`);
  const ids = rows.slice(0, pageSize).map((r) => BigInt(r.id));
  return { ids, older: rows.length > pageSize ? ids[ids.length - 1]!.toString() : null };
}

export interface DeniedRow {
  actorUserId: string | null;
  actorEmail: string | null;
  ipAddress: string | null;
  organisationName: string | null;
  attempts: number;
  first: Date;
  last: Date;
}

/** People (or, when nobody was signed in, client addresses) with repeated denied or failed attempts. */
export async function repeatedDenials(scope: AuditScope, period: { from: Date; to: Date }): Promise<DeniedRow[]> {
  const rows = await prisma.$queryRaw<
    { actorUserId: string | null; actorEmail: string | null; ipAddress: string | null; organisationName: string | null; attempts: bigint | number; first: Date; last: Date }[]
  >(Prisma.sql`
    SELECT e."actorUserId"::text AS "actorUserId", e."actorEmail",
           CASE WHEN e."actorUserId" IS NULL THEN e."ipAddress" END AS "ipAddress",
           max(o.name) AS "organisationName", count(*) AS attempts,
           min(e."occurredAt") AS first, max(e."occurredAt") AS last
    FROM "AuditEvent" e
    LEFT JOIN "Organisation" o ON o.id = e."actorOrganisationId"
    WHERE (e.outcome = 'DENIED' OR e.action IN (${Prisma.join([...FAILED_AUTHENTICATION_ACTIONS])}))
      AND e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
      AND ${auditScopeSql(scope, "e")}
    GROUP BY e."actorUserId", e."actorEmail", CASE WHEN e."actorUserId" IS NULL THEN e."ipAddress" END
    HAVING count(*) >= ${UNUSUAL_THRESHOLDS.deniedMinimum}
    ORDER BY attempts DESC
    LIMIT 200`);
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts), first: new Date(r.first), last: new Date(r.last) }));
}

/** Export events of many records (details.rowCount, or details.count, at or above the threshold). */
export async function largeExports(
  scope: AuditScope,
  period: { from: Date; to: Date },
  before: bigint | undefined,
  pageSize = 50,
): Promise<{ ids: bigint[]; older: string | null }> {
  const rows = await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    SELECT e.id FROM "AuditEvent" e
    WHERE e.action IN (${Prisma.join([...EXPORT_ACTIONS])})
      AND e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
      AND COALESCE(
            CASE WHEN jsonb_typeof(e.details -> 'rowCount') = 'number' THEN (e.details ->> 'rowCount')::numeric END,
            CASE WHEN jsonb_typeof(e.details -> 'count') = 'number' THEN (e.details ->> 'count')::numeric END,
            0) >= ${UNUSUAL_THRESHOLDS.exportMinimumRows}
      AND ${auditScopeSql(scope, "e")}
      ${before !== undefined ? Prisma.sql`AND e.id < ${before}` : Prisma.empty}
    ORDER BY e.id DESC
    LIMIT ${pageSize + 1}`);
  const ids = rows.slice(0, pageSize).map((r) => BigInt(r.id));
  return { ids, older: rows.length > pageSize ? ids[ids.length - 1]!.toString() : null };
}

/**
 * Privilege changes, newest first (keyset on id): roles asked for, approved, refused or cancelled;
 * accounts created; edits that changed roles, organisation or the signatory flag; and refused
 * attempts to change roles or decide a role request (someone trying their own account, say).
 */
export async function privilegeChanges(
  scope: AuditScope,
  period: { from: Date; to: Date },
  before: bigint | undefined,
  pageSize = 50,
): Promise<{ ids: bigint[]; older: string | null }> {
  const rows = await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`
    SELECT e.id FROM "AuditEvent" e
    WHERE e."occurredAt" >= ${period.from} AND e."occurredAt" < ${period.to}
      AND (
        e.action IN (${Prisma.join([...PRIVILEGE_ACTIONS, "admin.user_created"])})
        OR (e.action = 'admin.user_updated' AND (
              e.details -> 'changes' -> 'roles' IS NOT NULL
           OR e.details -> 'changes' -> 'organisationId' IS NOT NULL
           OR e.details -> 'changes' -> 'isAgreementSignatory' IS NOT NULL))
        OR (e.action = 'access.denied' AND (
              (e."recordType" = 'User' AND e.details ->> 'attempted' IN ('grant', 'approve'))
           OR e."recordType" = 'RoleGrantRequest'))
      )
      AND ${auditScopeSql(scope, "e")}
      ${before !== undefined ? Prisma.sql`AND e.id < ${before}` : Prisma.empty}
    ORDER BY e.id DESC
    LIMIT ${pageSize + 1}`);
  const ids = rows.slice(0, pageSize).map((r) => BigInt(r.id));
  return { ids, older: rows.length > pageSize ? ids[ids.length - 1]!.toString() : null };
}

/** Loads listed events (already scoped by the query that found their ids) in id order. */
export async function eventsByIds(scope: AuditScope, ids: bigint[]) {
  if (ids.length === 0) return [];
  const events = await prisma.auditEvent.findMany({ where: { AND: [auditScopeWhere(scope), { id: { in: ids } }] }, orderBy: { id: "desc" } });
  return events.map((event) => eventForReader(scope, event));
}

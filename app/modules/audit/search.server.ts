import { z } from "zod";
import type { AuditEvent, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { bigintId } from "~/utils/input";
import { AUDIT_ACTIONS, auditActionLabel } from "./actions";
import { recordAuditEvent, type AuditContext } from "./audit.server";
import { csvRow } from "~/utils/csv";
import { eventForReader } from "~/modules/authorization/audit-scope.server";
import { auditScopeWhere, type AuditScope } from "./scope.server";
import { RECORD_TYPE_LABELS, RECORD_TYPES, type RecordType } from "./record-types";
import { recordByReference, recordKey, recordLabels } from "./record-labels.server";
import { recordHistoryWhere } from "./reports.server";
import { ukDayEnd, ukDayStart } from "~/utils/dates";
import { DATE_PARTS, foldDateInputs, optionalDateInput } from "~/utils/date-input";
import { clock } from "~/utils/clock";

export { RECORD_TYPE_LABELS, RECORD_TYPES } from "./record-types";

/**
 * Searching the audit trail: filters from the query string (zod), always ANDed with the reader's
 * scope, keyset paging by id (newest first) so page 10,000 costs what page 1 costs, and a CSV
 * export of the same search that is itself recorded.
 */

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blank, schema.optional());
const uuid = z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Choose from the list");
// An event id: a positive BIGINT (a larger number would make the database query fail: 400 instead).
const cursor = bigintId;

export const auditFiltersSchema = z
  .object({
    person: optional(z.string().trim().toLowerCase().max(254, "Email address must be 254 characters or fewer")),
    organisation: optional(uuid),
    recordType: optional(z.enum(RECORD_TYPES, "Choose a record type from the list")),
    recordId: optional(z.string().trim().max(200, "Record ID must be 200 characters or fewer")),
    /** A record's reference as people quote it: INT-…, ISA-…, THR-…. */
    reference: optional(z.string().trim().max(60, "Reference must be 60 characters or fewer").regex(/^(INT|ISA|THR)-[A-Za-z0-9-]+$/i, "Enter a reference like INT-2026-000006, ISA-2026-0001 or THR-2026-0001")),
    agreement: optional(uuid),
    action: optional(z.enum(AUDIT_ACTIONS, "Choose an action from the list")),
    outcome: optional(z.enum(["ALLOWED", "DENIED"], "Choose allowed or denied")),
    /** GOV.UK date inputs (from-day, from-month, from-year), or "YYYY-MM-DD" from links. */
    from: optionalDateInput("Date from"),
    to: optionalDateInput("Date to"),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Date to must be the same as or after date from" });
    if (f.recordId && !f.recordType) ctx.addIssue({ code: "custom", path: ["recordType"], message: "Choose the type of the record" });
  });

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const pagingSchema = z.object({
  before: optional(cursor),
  after: optional(cursor),
});

export const FILTER_KEYS = ["person", "organisation", "reference", "recordType", "recordId", "agreement", "action", "outcome", "from", "to"] as const;

const DATE_FILTERS = ["from", "to"] as const;

/** The filters as typed, a plain object (for re-displaying the form); each date as its three fields or one "YYYY-MM-DD". */
export function filterValues(params: URLSearchParams | FormData): Record<string, string> {
  const values: Record<string, string> = {};
  const keys = [...FILTER_KEYS, ...DATE_FILTERS.flatMap((name) => DATE_PARTS.map((part) => `${name}-${part}`))];
  for (const key of keys) {
    const v = params.get(key);
    if (typeof v === "string" && v.trim() !== "") values[key] = v;
  }
  return values;
}

/** The filters of a query string or form: as typed, and parsed. */
export function readAuditFilters(params: URLSearchParams | FormData) {
  const values = filterValues(params);
  return { values, result: auditFiltersSchema.safeParse(foldDateInputs(values)) };
}

/** Valid filters as query values for links (paging, the export form): each date as one "YYYY-MM-DD". */
export function filterQuery(filters: AuditFilters): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * The filters' Prisma condition (without the scope itself). With the reader's scope, an agreement
 * outside it is treated as one that does not exist: no events.
 */
export async function filtersWhere(filters: AuditFilters, scope?: AuditScope): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (scope && filters.agreement && !scope.agreementIds.includes(filters.agreement)) and.push({ id: { lt: 0n } });
  if (filters.person) {
    // By the person's account when it exists, else by the email recorded. One column either way,
    // each with an (column, id) index that the id-ordered page walks: an OR of the two cannot be
    // walked in id order and made the planner scan the whole trail backwards (issue 12, cause 2).
    // Every event with an actor records the account id and its email together, so the account's
    // id finds all of that person's events (even from before an email change).
    const user = await prisma.user.findUnique({ where: { email: filters.person }, select: { id: true } });
    and.push(user ? { actorUserId: user.id } : { actorEmail: filters.person });
  }
  if (filters.organisation) and.push({ actorOrganisationId: filters.organisation });
  if (filters.recordType) and.push({ recordType: filters.recordType });
  if (filters.recordId) and.push({ recordId: filters.recordId });
  if (filters.reference) {
    // The record and everything that happened to it (a submission's sanitised versions, feedback
    // and retention decisions too). Outside the reader's scope or unknown: nothing matches (the
    // search page says the reference was not found: `referenceNotFound`).
    const record = scope ? await recordByReference(scope, filters.reference) : null;
    and.push(record ? await recordHistoryWhere(record.recordType, record.recordId) : { id: { lt: 0n } });
  }
  if (filters.agreement) and.push({ agreementId: filters.agreement });
  if (filters.action) and.push({ action: filters.action });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.from) and.push({ occurredAt: { gte: ukDayStart(filters.from)! } });
  if (filters.to) and.push({ occurredAt: { lt: ukDayEnd(filters.to)! } });
  return { AND: and };
}

/** The message for a reference that names no record the reader may see (null when it does, or none was given). */
export async function referenceNotFound(scope: AuditScope, filters: AuditFilters): Promise<string | null> {
  if (!filters.reference) return null;
  return (await recordByReference(scope, filters.reference)) ? null : `No record with the reference ${filters.reference.toUpperCase()} was found`;
}

export const PAGE_SIZE = 50;

export interface AuditPage {
  events: AuditEvent[];
  /** Cursor for the next page of older events, if any. */
  older: string | null;
  /** Cursor for the previous page of newer events, if any. */
  newer: string | null;
}

/** One page of events, newest first, within the scope: keyset on id, never OFFSET. */
export async function searchAuditEvents(
  scope: AuditScope,
  where: Prisma.AuditEventWhereInput,
  paging: { before?: bigint; after?: bigint },
  pageSize = PAGE_SIZE,
): Promise<AuditPage> {
  const base: Prisma.AuditEventWhereInput = { AND: [auditScopeWhere(scope), where] };
  if (paging.after !== undefined) {
    const rows = await prisma.auditEvent.findMany({
      where: { AND: [base, { id: { gt: paging.after } }] },
      orderBy: { id: "asc" },
      take: pageSize + 1,
    });
    const hasNewer = rows.length > pageSize;
    const events = rows.slice(0, pageSize).reverse().map((event) => eventForReader(scope, event));
    return {
      events,
      newer: hasNewer ? events[0]!.id.toString() : null,
      older: events.length > 0 ? events[events.length - 1]!.id.toString() : null,
    };
  }
  const rows = await prisma.auditEvent.findMany({
    where: paging.before !== undefined ? { AND: [base, { id: { lt: paging.before } }] } : base,
    orderBy: { id: "desc" },
    take: pageSize + 1,
  });
  const events = rows.slice(0, pageSize).map((event) => eventForReader(scope, event));
  return {
    events,
    older: rows.length > pageSize ? events[events.length - 1]!.id.toString() : null,
    newer: paging.before !== undefined && events.length > 0 ? events[0]!.id.toString() : null,
  };
}

type LabelledEvent = Pick<AuditEvent, "actorUserId" | "actorOrganisationId" | "agreementId" | "recordOrganisationId" | "recordType" | "recordId">;

/**
 * Names for a page of events: organisations, agreements, the people who acted, and the records
 * (by reference and title, within the reader's scope: record-labels.server.ts). One query per kind
 * for the whole page (no N+1).
 */
export async function eventLabels(scope: AuditScope, events: LabelledEvent[]) {
  const organisationIds = [
    ...new Set(events.flatMap((e) => [e.actorOrganisationId, e.recordOrganisationId]).filter((v): v is string => !!v)),
  ];
  const agreementIds = [...new Set(events.map((e) => e.agreementId).filter((v): v is string => !!v))];
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((v): v is string => !!v))];
  const [organisations, agreements, people, records] = await Promise.all([
    organisationIds.length
      ? prisma.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, name: true } })
      : [],
    agreementIds.length
      ? prisma.agreement.findMany({ where: { id: { in: agreementIds } }, select: { id: true, reference: true, title: true } })
      : [],
    // The person's name beside the email the event recorded (which the reader already sees).
    userIds.length ? prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    recordLabels(scope, events),
  ]);
  return {
    organisations: Object.fromEntries(organisations.map((o) => [o.id, o.name])) as Record<string, string>,
    agreements: Object.fromEntries(agreements.map((a) => [a.id, a.reference])) as Record<string, string>,
    people: Object.fromEntries(people.map((u) => [u.id, u.name])) as Record<string, string>,
    records,
  };
}

/** An event with its place in the sealed chain, when the query included it (`include: { seal: true }`). */
type EventWithSeal = AuditEvent & { seal?: { position: bigint; prevHash: string; hash: string } | null };

/** The JSON-safe view of an event for the browser. */
export function serialiseEvent(event: EventWithSeal) {
  return {
    id: event.id.toString(),
    occurredAt: event.occurredAt.toISOString(),
    action: event.action,
    outcome: event.outcome,
    actorUserId: event.actorUserId,
    actorEmail: event.actorEmail,
    actorOrganisationId: event.actorOrganisationId,
    actorRoles: event.actorRoles,
    recordType: event.recordType,
    recordId: event.recordId,
    recordOrganisationId: event.recordOrganisationId,
    agreementId: event.agreementId,
    justification: event.justification,
    justificationNote: event.justificationNote,
    ipAddress: event.ipAddress,
    userAgent: event.userAgent,
    details: event.details,
    requestId: event.requestId,
    /** Null until the sequencer seals the event (or when the query did not include the seal). */
    position: event.seal?.position.toString() ?? null,
    prevHash: event.seal?.prevHash ?? null,
    hash: event.seal?.hash ?? null,
  };
}

export type SerialisedEvent = ReturnType<typeof serialiseEvent>;

/** Filters as recorded in the audit trail (no cursor noise). */
export function filtersForLog(filters: AuditFilters): Prisma.InputJsonObject {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Prisma.InputJsonObject;
}

// ─── CSV export ────────────────────────────────────────────────────────────

/** Exports larger than this must be narrowed (by date, person, ...). */
export const EXPORT_MAX_ROWS = 100_000;
const EXPORT_BATCH = 1000;

export const CSV_COLUMNS = [
  "id",
  "occurredAt (UTC)",
  "what",
  "action",
  "outcome",
  "actorName",
  "actorEmail",
  "actorOrganisation",
  "actorRoles",
  "recordType",
  "recordReference",
  "recordTitle",
  "recordId",
  "recordOrganisation",
  "agreement",
  "justification",
  "justificationNote",
  "ipAddress",
  "userAgent",
  "details",
  "requestId",
  "chainPosition",
  "prevHash",
  "hash",
] as const;

export type ExportOutcome =
  | { ok: true; rowCount: number; body: ReadableStream<Uint8Array>; filename: string }
  /** More than `limit` events match (the count stops there). */
  | { ok: false; limit: number };

/**
 * Exports the search as CSV. The rows are fixed first (everything matching, up to the current
 * chain head: the trail is append-only, so that set cannot change), the export is recorded with
 * its count and range, and then the rows stream out in keyset batches.
 */
export async function exportAuditCsv(
  scope: AuditScope,
  filters: AuditFilters,
  context: AuditContext,
  limit = EXPORT_MAX_ROWS,
): Promise<ExportOutcome> {
  const head = await prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  const upTo = head?.id ?? 0n;
  const where: Prisma.AuditEventWhereInput = {
    AND: [auditScopeWhere(scope), await filtersWhere(filters, scope), { id: { lte: upTo } }],
  };
  // Counted only up to the cap: knowing that a search exceeds it is enough to refuse, and counting
  // a whole DPO scope of millions of events first took half a minute (issue 12).
  const rowCount = await prisma.auditEvent.count({ where, take: limit + 1 });
  if (rowCount > limit) return { ok: false, limit };
  await recordAuditEvent(prisma, context, {
    action: "audit.exported",
    details: { filters: filtersForLog(filters), rowCount, upToEventId: upTo.toString(), format: "csv" },
  });
  const encoder = new TextEncoder();
  let last: bigint | null = null;
  let headerSent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvRow([...CSV_COLUMNS])));
        return;
      }
      const batch: EventWithSeal[] = (
        await prisma.auditEvent.findMany({
          where: last === null ? where : { AND: [where, { id: { gt: last } }] },
          orderBy: { id: "asc" },
          take: EXPORT_BATCH,
          include: { seal: { select: { position: true, prevHash: true, hash: true } } },
        })
      ).map((event) => eventForReader(scope, event));
      if (batch.length === 0) {
        controller.close();
        return;
      }
      last = batch[batch.length - 1]!.id;
      const labels = await eventLabels(scope, batch);
      controller.enqueue(
        encoder.encode(
          batch
            .map((e) => {
              const record = e.recordType && e.recordId ? labels.records[recordKey(e.recordType, e.recordId)] : undefined;
              return csvRow([
                e.id.toString(),
                e.occurredAt.toISOString(),
                auditActionLabel(e.action),
                e.action,
                e.outcome,
                e.actorUserId ? labels.people[e.actorUserId] ?? null : null,
                e.actorEmail,
                e.actorOrganisationId ? labels.organisations[e.actorOrganisationId] ?? e.actorOrganisationId : null,
                e.actorRoles.join(" "),
                e.recordType ? RECORD_TYPE_LABELS[e.recordType as RecordType] ?? e.recordType : null,
                record?.reference ?? null,
                record?.title ?? null,
                e.recordId,
                e.recordOrganisationId ? labels.organisations[e.recordOrganisationId] ?? e.recordOrganisationId : null,
                e.agreementId ? labels.agreements[e.agreementId] ?? e.agreementId : null,
                e.justification,
                e.justificationNote,
                e.ipAddress,
                e.userAgent,
                e.details,
                e.requestId,
                e.seal?.position.toString() ?? null,
                e.seal?.prevHash ?? null,
                e.seal?.hash ?? null,
              ]);
            })
            .join(""),
        ),
      );
      if (batch.length < EXPORT_BATCH) controller.close();
    },
  });
  const stamp = clock.now().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return { ok: true, rowCount, body, filename: `audit-trail-${stamp}.csv` };
}

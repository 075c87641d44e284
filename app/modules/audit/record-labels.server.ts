import { auditRecordWhere } from "~/modules/authorization/audit-scope.server";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { prisma } from "~/utils/db.server";
import type { RecordType } from "./record-types";
import type { AuditScope } from "./scope.server";

/**
 * Records named the way people know them (INT-2026-000006 "Cuckooing", ISA-2026-0001 "Tenancy
 * enforcement…") on the audit screens and in the CSV, instead of a UUID.
 *
 * One query per record type for a whole page (no N+1), and only records within the reader's
 * audit scope (auditRecordWhere): a record outside it gets no label, exactly like one that no
 * longer exists, so a label never confirms what the reader may not know.
 */
export interface RecordLabel {
  /** The reference people quote (INT-…, ISA-…, THR-…), an email or a name. */
  reference: string;
  /** What it is about: a title, a threat type, the record it belongs to. */
  title: string | null;
}

export type RecordLabels = Record<string, RecordLabel>;

export const recordKey = (recordType: string, recordId: string) => `${recordType}:${recordId}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const submissionTitle = (s: { reference: string | null; threatType: keyof typeof THREAT_TYPE_LABELS | null }) =>
  `${s.threatType ? THREAT_TYPE_LABELS[s.threatType] : "Intelligence"}${s.reference ? "" : " (draft)"}`;

export async function recordLabels(scope: AuditScope, records: { recordType: string | null; recordId: string | null }[]): Promise<RecordLabels> {
  const ids = new Map<string, Set<string>>();
  for (const { recordType, recordId } of records) {
    if (!recordType || !recordId || !UUID.test(recordId)) continue;
    if (!ids.has(recordType)) ids.set(recordType, new Set());
    ids.get(recordType)!.add(recordId);
  }
  const inScope = auditRecordWhere(scope);
  const of = (type: RecordType) => [...(ids.get(type) ?? [])];
  const when = <T,>(type: RecordType, query: (list: string[]) => Promise<T[]>): Promise<T[]> => {
    const list = of(type);
    return list.length > 0 ? query(list) : Promise.resolve([]);
  };
  const submissionSelect = { reference: true, threatType: true } as const;
  const [submissions, agreements, threats, users, organisations, sanitised, feedback, decisions] = await Promise.all([
    when("Submission", (list) => prisma.submission.findMany({ where: { AND: [inScope.Submission, { id: { in: list } }] }, select: { id: true, ...submissionSelect } })),
    when("Agreement", (list) => prisma.agreement.findMany({ where: { AND: [inScope.Agreement, { id: { in: list } }] }, select: { id: true, reference: true, title: true } })),
    when("Threat", (list) => prisma.threat.findMany({ where: { AND: [inScope.Threat, { id: { in: list } }] }, select: { id: true, reference: true, title: true } })),
    when("User", (list) => prisma.user.findMany({ where: { AND: [inScope.User, { id: { in: list } }] }, select: { id: true, email: true, name: true } })),
    when("Organisation", (list) => prisma.organisation.findMany({ where: { AND: [inScope.Organisation, { id: { in: list } }] }, select: { id: true, name: true } })),
    when("SanitisedReport", (list) =>
      prisma.sanitisedReport.findMany({ where: { AND: [inScope.SanitisedReport, { id: { in: list } }] }, select: { id: true, submission: { select: submissionSelect } } }),
    ),
    when("Feedback", (list) => prisma.feedback.findMany({ where: { AND: [inScope.Feedback, { id: { in: list } }] }, select: { id: true, submission: { select: submissionSelect } } })),
    when("RetentionDecision", (list) =>
      prisma.retentionDecision.findMany({ where: { AND: [inScope.RetentionDecision, { id: { in: list } }] }, select: { id: true, submission: { select: submissionSelect } } }),
    ),
  ]);
  const labels: RecordLabels = {};
  for (const s of submissions) labels[recordKey("Submission", s.id)] = { reference: s.reference ?? "Draft submission", title: submissionTitle(s) };
  for (const a of agreements) labels[recordKey("Agreement", a.id)] = { reference: a.reference, title: a.title };
  for (const t of threats) labels[recordKey("Threat", t.id)] = { reference: t.reference, title: t.title };
  for (const u of users) labels[recordKey("User", u.id)] = { reference: u.email, title: u.name };
  for (const o of organisations) labels[recordKey("Organisation", o.id)] = { reference: o.name, title: null };
  const part = (type: RecordType, what: string, rows: { id: string; submission: { reference: string | null; threatType: keyof typeof THREAT_TYPE_LABELS | null } }[]) => {
    for (const r of rows) labels[recordKey(type, r.id)] = { reference: r.submission.reference ?? "Draft submission", title: `${what} (${submissionTitle(r.submission)})` };
  };
  part("SanitisedReport", "Sanitised version", sanitised);
  part("Feedback", "Feedback", feedback);
  part("RetentionDecision", "Retention decision", decisions);
  return labels;
}

/** The reference's kind from its prefix (INT-…, ISA-…, THR-…); null when it has none of them. */
const REFERENCE_TYPES: [RegExp, "Submission" | "Agreement" | "Threat"][] = [
  [/^INT-/i, "Submission"],
  [/^ISA-/i, "Agreement"],
  [/^THR-/i, "Threat"],
];

/**
 * The record a reference names, within the reader's scope: a submission (INT-…), an agreement
 * (ISA-…) or a threat (THR-…). Null when none has it or it is outside the scope (the same answer).
 */
export async function recordByReference(scope: AuditScope, typed: string): Promise<{ recordType: "Submission" | "Agreement" | "Threat"; recordId: string } | null> {
  const reference = typed.trim().toUpperCase();
  const kind = REFERENCE_TYPES.find(([pattern]) => pattern.test(reference))?.[1];
  if (!kind) return null;
  const inScope = auditRecordWhere(scope);
  const row =
    kind === "Submission"
      ? await prisma.submission.findFirst({ where: { AND: [inScope.Submission, { reference }] }, select: { id: true } })
      : kind === "Agreement"
        ? await prisma.agreement.findFirst({ where: { AND: [inScope.Agreement, { reference }] }, select: { id: true } })
        : await prisma.threat.findFirst({ where: { AND: [inScope.Threat, { reference }] }, select: { id: true } });
  return row ? { recordType: kind, recordId: row.id } : null;
}

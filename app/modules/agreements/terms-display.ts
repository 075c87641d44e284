import {
  CLASSIFICATION_LABELS,
  DATA_CATEGORY_LABELS,
  DPIA_STATUS_LABELS,
  FOUR_P_LABELS,
  LAWFUL_BASIS_LABELS,
} from "./labels";
import { formatDate } from "~/utils/dates";
import type { AgreementTerms } from "./terms";

/**
 * How each term reads to a person: its label and its value as text (a list for multi-choice terms).
 * One table drives the summary lists, the print view and the version diff, so they never disagree.
 */
export type TermKey = keyof AgreementTerms;
type Shown = { kind: "text"; value: string } | { kind: "list"; items: string[] };

export interface TermField {
  key: TermKey;
  label: string;
  show: (terms: AgreementTerms) => Shown;
}

const text = (value: string): Shown => ({ kind: "text", value: value || "None given" });
const list = (items: string[]): Shown => ({ kind: "list", items });

export const TERM_FIELDS: TermField[] = [
  { key: "title", label: "Title", show: (t) => text(t.title) },
  { key: "purpose", label: "Purpose", show: (t) => text(t.purpose) },
  { key: "fourPStrands", label: "4P strands served", show: (t) => list(t.fourPStrands.map((s) => FOUR_P_LABELS[s])) },
  { key: "lawfulBases", label: "Lawful basis and power to share", show: (t) => list(t.lawfulBases.map((b) => LAWFUL_BASIS_LABELS[b])) },
  { key: "lawfulBasisNotes", label: "Notes on the lawful basis", show: (t) => text(t.lawfulBasisNotes) },
  { key: "dataCategories", label: "Data categories permitted", show: (t) => list(t.dataCategories.map((c) => DATA_CATEGORY_LABELS[c])) },
  { key: "classificationCeiling", label: "Highest classification", show: (t) => text(CLASSIFICATION_LABELS[t.classificationCeiling]) },
  { key: "handlingConditions", label: "Handling conditions", show: (t) => text(t.handlingConditions) },
  { key: "sharingMethod", label: "Method and security of sharing", show: (t) => text(t.sharingMethod) },
  { key: "retentionMonths", label: "Retention of shared records", show: (t) => text(`${t.retentionMonths} month${t.retentionMonths === 1 ? "" : "s"}`) },
  { key: "disposalMethod", label: "Disposal", show: (t) => text(t.disposalMethod) },
  { key: "rightsRequests", label: "Rights requests", show: (t) => text(t.rightsRequests) },
  { key: "breachProcedure", label: "Breach procedure", show: (t) => text(t.breachProcedure) },
  { key: "startDate", label: "Start date", show: (t) => text(formatDate(t.startDate)) },
  { key: "endDate", label: "End date", show: (t) => text(formatDate(t.endDate)) },
  { key: "reviewDate", label: "Review date", show: (t) => text(formatDate(t.reviewDate)) },
  { key: "dpiaReference", label: "DPIA reference", show: (t) => text(t.dpiaReference) },
  { key: "dpiaStatus", label: "DPIA status", show: (t) => text(DPIA_STATUS_LABELS[t.dpiaStatus]) },
];

export function termField(key: TermKey): TermField {
  return TERM_FIELDS.find((field) => field.key === key)!;
}

export interface TermChange {
  key: TermKey;
  label: string;
  /** Text terms: the whole value before and after. */
  before?: string;
  after?: string;
  /** List terms: what was added and removed. */
  added?: string[];
  removed?: string[];
}

/** The terms that differ between two versions, in the order they appear in the agreement. */
export function diffTerms(previous: AgreementTerms, next: AgreementTerms): TermChange[] {
  const changes: TermChange[] = [];
  for (const field of TERM_FIELDS) {
    const before = field.show(previous);
    const after = field.show(next);
    if (before.kind === "list" && after.kind === "list") {
      const added = after.items.filter((item) => !before.items.includes(item));
      const removed = before.items.filter((item) => !after.items.includes(item));
      if (added.length || removed.length) changes.push({ key: field.key, label: field.label, added, removed });
    } else if (before.kind === "text" && after.kind === "text" && before.value !== after.value) {
      changes.push({ key: field.key, label: field.label, before: before.value, after: after.value });
    }
  }
  return changes;
}

/** Terms whose old and new values are safe and short enough to copy into the audit trail. */
const AUDITED_VALUE_KEYS: TermKey[] = [
  "classificationCeiling",
  "dataCategories",
  "lawfulBases",
  "fourPStrands",
  "retentionMonths",
  "startDate",
  "endDate",
  "reviewDate",
  "dpiaStatus",
  "dpiaReference",
];

/** Changed fields for the audit event: names always, old/new values for the access-relevant ones. */
export function auditedTermChanges(previous: AgreementTerms, next: AgreementTerms) {
  const changed = diffTerms(previous, next).map((change) => change.key);
  const values: Record<string, { from: string | number | string[]; to: string | number | string[] }> = {};
  for (const key of changed) {
    if (AUDITED_VALUE_KEYS.includes(key)) values[key] = { from: previous[key], to: next[key] };
  }
  return { changedFields: changed, changes: values };
}

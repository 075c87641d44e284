import { randomUUID } from "node:crypto";
import type { Classification, DataCategory, EntityKind, Prisma } from "~/generated/prisma/client";
import { agreementsInForceForOrganisationWhere } from "~/modules/agreements/access.server";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { SUBMITTED_STATUSES } from "~/modules/authorization/rules/intelligence";
import { prisma } from "~/utils/db.server";
import { deny } from "~/modules/authorization/deny.server";
import { isPoliceUser, policeOrganisationWhere } from "~/modules/authorization/roles";
import { agreementCeilingCarriesWhere } from "~/modules/authorization/classification";
import type { Auth } from "./access.server";
import { entityRows, type EntityInput } from "./entities";
import { partnerListSelect, partnerSubmissionSelect } from "~/modules/authorization/fields";
import type { agreementChoiceSchema, gradingSchema, sharingSchema, whatSchema, whereSchema } from "./forms";
import { afterNewest, decodeCursor, encodeCursor, pageOf, PAGE_SIZE } from "./paging";
import { agreementProblem, impliedDataCategories, reviewDueDate, submissionReference } from "./workflow";
import type { z } from "zod";
import { clock } from "~/utils/clock";
import { formatDateTime } from "~/utils/dates";
import { claimFormToken } from "~/utils/form-token.server";
import { DATA_CATEGORY_LABELS } from "./labels";

/**
 * The partner side of intelligence: drafts saved step by step, submission under an agreement in
 * force, and following the organisation's submissions. Every query is filtered in the database by
 * the access rules (`accessibleWhere`); partners are only ever sent `partnerSubmissionSelect`.
 */

export const draftSelect = {
  ...partnerSubmissionSelect,
  agreement: { select: { id: true, reference: true, title: true } },
} satisfies Prisma.SubmissionSelect;

export type Draft = Prisma.SubmissionGetPayload<{ select: typeof draftSelect }>;

// ─── Starting and finding drafts ─────────────────────────────────────────────

/**
 * Starts a draft with its first answers ("what do you know?"), so "Start now" leaves nothing behind
 * until something is saved. With a form token, a repeat of the same form (double click, resubmit)
 * finds the draft the first one made instead of making a second.
 */
export async function startDraft(auth: Auth, what: z.infer<typeof whatSchema>, formToken?: string): Promise<string> {
  if (!auth.ability.can("create", "Submission")) await deny(auth, { action: "submission.draft_saved", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const id = randomUUID();
  return prisma.$transaction(async (tx) => {
    if (formToken) {
      const claim = await claimFormToken(tx, formToken, auth.user.id, `/submissions/${id}/where`);
      if (!claim.firstUse) {
        const firstDraftId = claim.location?.split("/")[2];
        if (!firstDraftId) throw new Response("This form has expired. Reload the page and try again.", { status: 409 });
        return firstDraftId;
      }
    }
    await tx.submission.create({
      data: { id, organisationId: auth.user.organisationId, submitterId: auth.user.id, status: "DRAFT", ...what },
      select: { id: true },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.draft_saved",
      recordType: "Submission",
      recordId: id,
      details: { step: "what", changes: auditChanges({}, what) },
    });
    return id;
  });
}

/**
 * Deletes the user's own draft (found with requireDraft, which answers 404 for anything else), its
 * entities with it, audited. Re-checked on the locked row: a draft sent meanwhile is not deleted.
 */
export async function deleteDraft(auth: Auth, found: Pick<Draft, "id">): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const draft = await lockDraft(tx, auth, found.id);
    await tx.submissionEntity.deleteMany({ where: { submissionId: draft.id } });
    await tx.submission.delete({ where: { id: draft.id } });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.draft_deleted",
      recordType: "Submission",
      recordId: draft.id,
      details: { threatType: draft.threatType, entities: draft.entities.length },
    });
  });
}

/** The user's own draft, or a logged 404 (a submitted record, someone else's draft, bad id). */
export async function requireDraft(auth: Auth, id: string): Promise<Draft> {
  if (!auth.ability.can("create", "Submission")) await deny(auth, { action: "submission.draft_saved", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const draft = isUuid(id)
    ? await prisma.submission.findFirst({
        where: { AND: [accessibleWhere(auth.ability, "update", "Submission"), { id, status: "DRAFT" }] },
        select: draftSelect,
      })
    : null;
  return draft ?? deny(auth, { action: "submission.draft_saved", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** Areas a partner may report in: their organisation's areas, or every area if none are set. */
export async function areaOptions(auth: Auth) {
  const own = await prisma.area.findMany({
    where: { organisations: { some: { id: auth.user.organisationId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return own.length > 0 ? own : prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

// ─── Saving steps ────────────────────────────────────────────────────────────

/**
 * The draft can no longer be changed: it was sent (or is otherwise no longer this user's draft)
 * after the form was loaded. The route shows `message` and re-shows what the user typed.
 */
export class DraftNoLongerEditable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DraftNoLongerEditable";
  }
}

/** A step's answer no longer fits the draft as it now stands (checked on the locked row). */
export class DraftStepRefused extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "DraftStepRefused";
  }
}

/** The data categories the draft's content implies but the answer leaves out, in words; null if none. */
export function missingCategoriesProblem(draft: Pick<Draft, "narrative" | "locationDescription" | "postcode" | "entities">, chosen: DataCategory[]): string | null {
  const missing = impliedCategoriesOf(draft).filter((c) => !chosen.includes(c));
  if (missing.length === 0) return null;
  return `Your submission contains ${missing.map((c) => DATA_CATEGORY_LABELS[c].toLowerCase()).join(", ")}: select ${missing.length > 1 ? "them" : "it"}`;
}

/**
 * Why a submission the user asked to change is not an editable draft, in words for the page: the
 * user's organisation's submission that was sent meanwhile. Null when it is not one the user may
 * know about (then the answer is a logged 404, as for any other record).
 */
export async function sentSubmissionNotice(auth: Auth, id: string): Promise<string | null> {
  if (!isUuid(id)) return null;
  return sentNoticeIn(prisma, auth, id);
}

/**
 * Locks the draft row inside the transaction and re-reads it, re-checking the condition every draft
 * write depends on: still a DRAFT, still the user's (the "update" rule). A tab left open while the
 * draft was submitted elsewhere fails here rather than writing `where: { id }`.
 */
async function lockDraft(tx: Prisma.TransactionClient, auth: Auth, id: string): Promise<Draft> {
  await tx.$executeRaw`SELECT 1 FROM "Submission" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const draft = await tx.submission.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "update", "Submission"), { id, status: "DRAFT" }] },
    select: draftSelect,
  });
  if (draft) return draft;
  throw new DraftNoLongerEditable((await sentNoticeIn(tx, auth, id)) ?? "This draft can no longer be changed.");
}

async function sentNoticeIn(tx: Prisma.TransactionClient | typeof prisma, auth: Auth, id: string): Promise<string | null> {
  const sent = await tx.submission.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { id, status: { in: SUBMITTED_STATUSES } }] },
    select: { reference: true, submittedAt: true },
  });
  if (!sent) return null;
  return `This submission${sent.reference ? ` (${sent.reference})` : ""} was sent on ${formatDateTime(sent.submittedAt)} and can no longer be changed. What you entered is shown below but was not saved.`;
}

type StepData =
  | { step: "what"; data: z.infer<typeof whatSchema> }
  | { step: "where"; data: z.infer<typeof whereSchema> }
  | { step: "grading"; data: z.infer<typeof gradingSchema> }
  | { step: "sharing"; data: z.infer<typeof sharingSchema> }
  | { step: "agreement"; data: z.infer<typeof agreementChoiceSchema> };

/** Fields whose old and new values may go in the audit log (codes, not content). */
const LOGGABLE_VALUES = new Set([
  "threatType",
  "areaId",
  "classification",
  "dataCategories",
  "sourceEvaluation",
  "intelligenceAssessment",
  "handlingCode",
  "agreementId",
]);

export function auditChanges(before: object, after: object) {
  const previous = before as Record<string, unknown>;
  const changed: Record<string, { old: unknown; new: unknown } | "changed"> = {};
  for (const [field, value] of Object.entries(after)) {
    const old = previous[field];
    const same = JSON.stringify(old ?? null) === JSON.stringify(value ?? null);
    if (same) continue;
    // Narrative, places and conditions are personal data: the log records that they changed, not what to.
    changed[field] = LOGGABLE_VALUES.has(field)
      ? { old: (old instanceof Date ? old.toISOString() : old) ?? null, new: (value instanceof Date ? value.toISOString() : value) ?? null }
      : "changed";
  }
  return changed as Prisma.InputJsonObject;
}

export async function saveDraftStep(auth: Auth, draft: Pick<Draft, "id">, input: StepData): Promise<void> {
  const data: Prisma.SubmissionUncheckedUpdateInput = { ...input.data };
  if (input.step === "where") {
    const areas = await areaOptions(auth);
    if (!areas.some((a) => a.id === input.data.areaId)) throw new Response("Unknown area", { status: 400 });
  }
  await prisma.$transaction(async (tx) => {
    // The audited old values are the locked row's, not what the form was loaded with.
    const current = await lockDraft(tx, auth, draft.id);
    if (input.step === "sharing") {
      const problem = missingCategoriesProblem(current, input.data.dataCategories);
      if (problem) throw new DraftStepRefused("dataCategories", problem);
    }
    if (input.step === "agreement") {
      // Only an agreement offered for the draft as it now stands (in force, party, ceiling, categories).
      const eligible = await tx.agreement.findFirst({
        where: { id: input.data.agreementId, ...eligibleAgreementsWhere(auth.user.organisationId, current, clock.now()) },
        select: { id: true },
      });
      if (!eligible) throw new DraftStepRefused("agreementId", "Select one of the agreements listed");
    }
    if (input.step === "sharing" && current.agreementId) {
      // A change of classification or categories may take the chosen agreement out of reach: ask again.
      const agreement = await tx.agreement.findUnique({
        where: { id: current.agreementId },
        select: { classificationCeiling: true, dataCategories: true },
      });
      if (!agreement || agreementProblem(agreement, input.data)) data.agreementId = null;
    }
    await tx.submission.update({ where: { id: current.id }, data });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.draft_saved",
      recordType: "Submission",
      recordId: current.id,
      agreementId: current.agreementId,
      details: { step: input.step, changes: auditChanges(current, data) },
    });
  });
}

/** Most people and things one submission may name. */
const MAX_ENTITIES = 100;

export async function addEntity(auth: Auth, draft: Pick<Draft, "id">, input: EntityInput): Promise<void> {
  const rows = entityRows(input, randomUUID());
  await prisma.$transaction(async (tx) => {
    const current = await lockDraft(tx, auth, draft.id);
    if (current.entities.length + rows.length > MAX_ENTITIES) throw new Response("Too many entities", { status: 400 });
    await tx.submissionEntity.createMany({ data: rows.map((row) => ({ ...row, submissionId: current.id })) });
    await tx.submission.update({ where: { id: current.id }, data: { updatedAt: clock.now() } });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.draft_saved",
      recordType: "Submission",
      recordId: current.id,
      details: { step: "entities", added: input.kind, rows: rows.length },
    });
  });
}

/** The stored rows of one thing the partner described (a person with a nickname is two rows). */
export function entityGroupOf<E extends Pick<Draft["entities"][number], "id" | "details">>(entities: E[], group: string): E[] {
  return entities.filter((e) => e.id === group || (e.details && typeof e.details === "object" && (e.details as { group?: string }).group === group));
}

/**
 * Changes one thing the partner described: its rows are replaced, in one transaction, by the rows of
 * what they typed now (same group, so it keeps its place). False when the draft has no such thing
 * of that kind (removed in another tab, or never there).
 */
export async function replaceEntityGroup(auth: Auth, draft: Pick<Draft, "id">, group: string, input: EntityInput): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const current = await lockDraft(tx, auth, draft.id);
    const existing = entityGroupOf(current.entities, group);
    if (existing.length === 0 || existing.some((e) => e.kind !== input.kind)) return false;
    const rows = entityRows(input, group);
    await tx.submissionEntity.deleteMany({ where: { submissionId: current.id, id: { in: existing.map((e) => e.id) } } });
    await tx.submissionEntity.createMany({ data: rows.map((row) => ({ ...row, submissionId: current.id })) });
    await tx.submission.update({ where: { id: current.id }, data: { updatedAt: clock.now() } });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.draft_saved",
      recordType: "Submission",
      recordId: current.id,
      // What kind of thing changed, never what was typed (the identifiers are personal data).
      details: { step: "entities", changed: input.kind, rows: rows.length },
    });
    return true;
  });
}

export async function removeEntityGroup(auth: Auth, draft: Pick<Draft, "id">, group: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const current = await lockDraft(tx, auth, draft.id);
    const ids = entityGroupOf(current.entities, group).map((e) => e.id);
    if (ids.length === 0) return;
    await tx.submissionEntity.deleteMany({ where: { submissionId: current.id, id: { in: ids } } });
    await tx.submission.update({ where: { id: current.id }, data: { updatedAt: clock.now() } });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.draft_saved",
      recordType: "Submission",
      recordId: current.id,
      details: { step: "entities", removed: ids.length },
    });
  });
}

// ─── Agreements a draft may be shared under ──────────────────────────────────

/**
 * Agreements in force `now` that the user's organisation is party to, with a police party to
 * receive the intelligence, a ceiling at or above the classification, and permitting every data
 * category the submission carries: all decided in the database.
 */
export function eligibleAgreementsWhere(
  organisationId: string,
  submission: { classification: Classification; dataCategories: DataCategory[] },
  now: Date,
): Prisma.AgreementWhereInput {
  return {
    ...agreementsInForceForOrganisationWhere(organisationId, now),
    ...agreementCeilingCarriesWhere(submission.classification),
    dataCategories: { hasEvery: submission.dataCategories },
    AND: [{ parties: { some: { organisation: policeOrganisationWhere() } } }],
  };
}

export function eligibleAgreements(
  organisationId: string,
  submission: { classification: Classification; dataCategories: DataCategory[] },
  now = clock.now(),
) {
  return prisma.agreement.findMany({
    where: eligibleAgreementsWhere(organisationId, submission, now),
    select: { id: true, reference: true, title: true, classificationCeiling: true, endDate: true },
    orderBy: { reference: "asc" },
    take: 200,
  });
}

// ─── Completeness and submission ─────────────────────────────────────────────

export type DraftStep = "what" | "where" | "entities" | "grading" | "sharing" | "agreement";
export const DRAFT_STEPS: DraftStep[] = ["what", "where", "entities", "grading", "sharing", "agreement"];

export function impliedCategoriesOf(draft: Pick<Draft, "narrative" | "locationDescription" | "postcode" | "entities">) {
  return impliedDataCategories({
    narrative: draft.narrative,
    locationDescription: draft.locationDescription,
    postcode: draft.postcode,
    entityKinds: draft.entities.map((e) => e.kind as EntityKind),
  });
}

/** What is still missing, per step, with the message the check answers page shows. */
export function draftProblems(draft: Draft): Partial<Record<DraftStep, string>> {
  const problems: Partial<Record<DraftStep, string>> = {};
  if (!draft.threatType || !draft.narrative) problems.what = "Tell us what you know";
  if (!draft.areaId || !draft.observedFrom) problems.where = "Tell us where and when";
  if (!draft.sourceEvaluation || !draft.intelligenceAssessment || !draft.handlingCode) problems.grading = "Grade the intelligence";
  else if (draft.handlingCode === "C" && !draft.handlingConditions) problems.grading = "Enter the handling conditions";
  const implied = impliedCategoriesOf(draft);
  if (draft.dataCategories.length === 0) problems.sharing = "Choose the classification and data categories";
  else if (implied.some((c) => !draft.dataCategories.includes(c))) {
    problems.sharing = "The data categories do not include everything your submission contains";
  }
  if (!draft.agreementId) problems.agreement = "Choose the agreement you are sharing under";
  return problems;
}

/** The first step still to do, for "continue" links. */
export function nextStep(draft: Draft): DraftStep | "check" {
  const problems = draftProblems(draft);
  return DRAFT_STEPS.find((step) => step !== "entities" && problems[step]) ?? "check";
}

export class SubmitRefused extends Error {}

/**
 * Submits a draft. In one transaction: re-check that it is still the user's draft and complete,
 * re-check the agreement in the database (in force now, party, ceiling, categories), take a
 * reference from the sequence, set RECEIVED and the review date, and write the audit event.
 * Returns the reference. Two simultaneous submits of the same draft cannot both succeed.
 */
export async function submitDraft(auth: Auth, draft: Pick<Draft, "id">, now = clock.now()): Promise<string> {
  if (!auth.ability.can("submit", "Submission")) await deny(auth, { action: "submission.submitted", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  return prisma.$transaction(async (tx) => {
    // Completeness and the agreement are judged on the locked row, not on the page as loaded: a
    // second tab may have changed the draft, or sent it, meanwhile.
    const current = await lockDraft(tx, auth, draft.id);
    const problems = draftProblems(current);
    if (Object.keys(problems).length > 0) throw new SubmitRefused(Object.values(problems)[0]);
    const agreement = await tx.agreement.findFirst({
      where: {
        id: current.agreementId!,
        ...eligibleAgreementsWhere(auth.user.organisationId, current, now),
      },
      select: { id: true, retentionMonths: true },
    });
    if (!agreement) {
      throw new SubmitRefused("The agreement you chose is no longer in force or does not cover this submission: choose another");
    }
    const [sequence] = await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('submission_reference_seq') AS next`;
    const reference = submissionReference(now.getUTCFullYear(), sequence!.next);
    const updated = await tx.submission.updateMany({
      where: { AND: [accessibleWhere(auth.ability, "submit", "Submission"), { id: current.id, status: "DRAFT" }] },
      data: {
        status: "RECEIVED",
        reference,
        submittedAt: now,
        reviewDueAt: reviewDueDate(now, agreement.retentionMonths),
      },
    });
    if (updated.count !== 1) throw new SubmitRefused("This submission has already been sent");
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.submitted",
      recordType: "Submission",
      recordId: current.id,
      agreementId: agreement.id,
      details: {
        reference,
        classification: current.classification,
        dataCategories: current.dataCategories,
        handlingCode: current.handlingCode,
        entities: current.entities.length,
      },
    });
    return reference;
  });
}

// ─── Following submissions (partners) ────────────────────────────────────────

export async function listOrganisationSubmissions(auth: Auth, cursorParam: string | null) {
  if (isPoliceUser(auth) || !auth.ability.can("create", "Submission")) {
    await deny(auth, { action: "submission.listed", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  const cursor = decodeCursor(cursorParam);
  const rows = await prisma.submission.findMany({
    where: {
      // `submittedAt: not null` is redundant with the statuses, but lets the scan of the
      // (organisationId, submittedAt DESC, id DESC) index start past the drafts (NULLs sort first).
      AND: [
        accessibleWhere(auth.ability, "read", "Submission"),
        { status: { in: SUBMITTED_STATUSES }, submittedAt: { not: null } },
        afterNewest(cursor),
      ],
    },
    select: partnerListSelect,
    orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
    take: PAGE_SIZE + 1,
  });
  const { items: page, hasMore } = pageOf(rows);
  const counts = await feedbackCounts(page.map((s) => s.id));
  const items = page.map((s) => ({ ...s, feedbackCount: counts.get(s.id) ?? 0 }));
  const drafts = cursor
    ? []
    : await prisma.submission.findMany({
        where: { AND: [accessibleWhere(auth.ability, "update", "Submission"), { status: "DRAFT" }] },
        select: { id: true, threatType: true, updatedAt: true },
        orderBy: { updatedAt: "desc" },
        take: 20,
      });
  await audit(auth.audit, {
    action: "submission.listed",
    recordType: "Submission",
    details: { count: items.length, ids: items.map((i) => i.id), drafts: drafts.length, page: cursor ? "next" : "first" },
  });
  const last = items.at(-1);
  return {
    items,
    drafts,
    nextCursor: hasMore && last?.submittedAt ? encodeCursor({ t: last.submittedAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * How many feedback messages each of `ids` has: one indexed lookup for the rows on the page
 * (Feedback_submissionId_idx), rather than a count per row or a GROUP BY over all feedback.
 */
export async function feedbackCounts(ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const groups = await prisma.feedback.groupBy({ by: ["submissionId"], where: { submissionId: { in: ids } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.submissionId, g._count._all]));
}

/** A partner's view of one of their organisation's submissions: partner-safe fields only. */
export async function partnerSubmission(auth: Auth, id: string) {
  const submission = isUuid(id)
    ? await prisma.submission.findFirst({
        where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { id, status: { in: SUBMITTED_STATUSES } }] },
        select: partnerSubmissionSelect,
      })
    : null;
  if (!submission) return deny(auth, { action: "submission.viewed", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, {
    action: "submission.viewed",
    recordType: "Submission",
    recordId: submission.id,
    agreementId: submission.agreementId,
    justification: "PARTNER_FOLLOW_UP",
  });
  return submission;
}

/** Whether `id` is the user's own draft (so its page continues the draft rather than showing it). */
export async function isOwnDraft(auth: Auth, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const draft = await prisma.submission.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "update", "Submission"), { id, status: "DRAFT" }] },
    select: { id: true },
  });
  return draft !== null;
}

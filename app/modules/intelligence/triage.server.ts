import { Prisma, type SubmissionStatus } from "~/generated/prisma/client";
import { audit, auditAll, recordAuditEvent, type AuditEventInput } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { deny, recordDenial } from "~/modules/authorization/deny.server";
import type { AuditAction } from "~/modules/audit/actions";
import { isPoliceUser } from "~/modules/authorization/roles";
import { createThreatIn, leadOptions, ThreatRefused } from "~/modules/threats/threats.server";
import type { Auth } from "./access.server";
import { policeListSelect, policeSubmissionSelect, policeSummarySelect, type PoliceSubmission, type PoliceSummary } from "~/modules/authorization/fields";
import type {
  assessmentSchema,
  createThreatSchema,
  feedbackSchema,
  noFurtherActionSchema,
  sanitisedDecisionSchema,
  sanitisedSchema,
} from "./forms";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "./paging";
import { newestCandidates, walkKeyset } from "./keyset-walk.server";
import { isUuid } from "./submissions.server";
import { statusChangeProblem } from "./workflow";
import type { z } from "zod";
import { clock } from "~/utils/clock";
import { claimFormToken } from "~/utils/form-token.server";
import { SubmissionStatus as SubmissionStatuses } from "~/generated/prisma/enums";

/**
 * The police side: the triage queue, assessment (re-grading, notes, risk, status), links to
 * threats, no further action, sanitised versions with four-eyes approval, feedback, and the
 * correlation panel. Everything is filtered by the access rules in the database; assessing needs
 * the `assess` ability on the very record, checked in the same query that loads it.
 */

export class AssessmentRefused extends Error {
  constructor(
    message: string,
    readonly field = "form",
  ) {
    super(message);
  }
}

/**
 * A form's one-time token and where the page goes after it (post/redirect/get). The token is claimed
 * inside the change's transaction: a double click or a resubmitted form writes nothing the second time.
 */
export interface FormOnce {
  token: string;
  location: string;
}

/** The same form was sent again: nothing was written; go where the first one went. */
export class FormAlreadySent extends Error {
  constructor(readonly location: string) {
    super("This form was already sent");
  }
}

const EXPIRED_FORM = "This form has expired. Reload the page and try again.";

/** Claims `once` in `tx`; a repeat throws FormAlreadySent (the caller's transaction then writes nothing). */
async function claimOnce(tx: Prisma.TransactionClient, auth: Auth, once: FormOnce | undefined): Promise<void> {
  if (!once) return;
  const claim = await claimFormToken(tx, once.token, auth.user.id, once.location);
  if (claim.firstUse) return;
  if (claim.location === null) throw new AssessmentRefused(EXPIRED_FORM, "form");
  throw new FormAlreadySent(claim.location);
}

export function requirePolice(auth: Auth, attempted: string): Promise<void> | void {
  if (!isPoliceUser(auth) || !auth.ability.can("assess", "Submission")) return deny(auth, { action: attempted, recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
}

// ─── Queue ───────────────────────────────────────────────────────────────────

export interface TriageFilters {
  areaId?: string;
  threatType?: string;
  sourceEvaluation?: string;
  intelligenceAssessment?: string;
  agreementId?: string;
  /** "open" (received and being assessed: the default), "all", or one status. */
  status?: string;
  /** "mine": only what is assigned to the person asking (work allocation, "my queue"). */
  queue?: "mine";
}

/** The queue's filters with "mine" resolved to the person asking. */
type ResolvedTriageFilters = TriageFilters & { assignedAnalystId?: string };

export function triageFilterWhere(filters: ResolvedTriageFilters): Prisma.SubmissionWhereInput {
  const where: Prisma.SubmissionWhereInput = {};
  if (filters.assignedAnalystId) where.assignedAnalystId = filters.assignedAnalystId;
  if (filters.areaId && isUuid(filters.areaId)) where.areaId = filters.areaId;
  if (filters.agreementId && isUuid(filters.agreementId)) where.agreementId = filters.agreementId;
  if (filters.threatType) where.threatType = filters.threatType as Prisma.SubmissionWhereInput["threatType"];
  if (filters.sourceEvaluation) where.sourceEvaluation = filters.sourceEvaluation as Prisma.SubmissionWhereInput["sourceEvaluation"];
  if (filters.intelligenceAssessment) {
    where.intelligenceAssessment = filters.intelligenceAssessment as Prisma.SubmissionWhereInput["intelligenceAssessment"];
  }
  const status = filters.status ?? "open";
  if (status === "open") where.status = { in: [...OPEN_STATUSES] };
  else if (status !== "all") where.status = status as SubmissionStatus;
  return where;
}

/** Triage order: risk (not yet assessed first), newest, id; `rank` is COALESCE(riskLevel, 6). */
interface TriageKey {
  rank: number;
  t: Date;
  id: string;
}

const OPEN_STATUSES = ["RECEIVED", "BEING_ASSESSED"] as const;
const STATUS_VALUES = Object.values(SubmissionStatuses);
const SUBMITTED_SQL = Prisma.raw(`('RECEIVED', 'BEING_ASSESSED', 'ACTIONED', 'CLOSED')`);
const OPEN_SQL = Prisma.raw(`('RECEIVED', 'BEING_ASSESSED')`);
const RANK_SQL = Prisma.raw(`COALESCE("riskLevel", 6)`);

/**
 * The next `limit` submissions in triage order after `after`, matching the queue's own filters
 * (not the access rules: `walkKeyset` applies those with Prisma). Each status choice has an index
 * in exactly this order (migration query_plans), and the row-value keyset is its index condition.
 */
export async function triageCandidates(filters: ResolvedTriageFilters, after: TriageKey | null, limit: number) {
  const status = filters.status ?? "open";
  const conditions: Prisma.Sql[] = [
    status === "open"
      ? Prisma.sql`"status" IN ${OPEN_SQL}`
      : status === "all"
        ? Prisma.sql`"status" IN ${SUBMITTED_SQL}`
        : (STATUS_VALUES as string[]).includes(status)
          ? Prisma.sql`"status" = ${status}::"SubmissionStatus"`
          : Prisma.sql`FALSE`,
  ];
  if (filters.areaId && isUuid(filters.areaId)) conditions.push(Prisma.sql`"areaId" = ${filters.areaId}::uuid`);
  if (filters.assignedAnalystId) conditions.push(Prisma.sql`"assignedAnalystId" = ${filters.assignedAnalystId}::uuid`);
  if (filters.agreementId && isUuid(filters.agreementId)) conditions.push(Prisma.sql`"agreementId" = ${filters.agreementId}::uuid`);
  if (filters.threatType) conditions.push(Prisma.sql`"threatType"::text = ${filters.threatType}`);
  if (filters.sourceEvaluation) conditions.push(Prisma.sql`"sourceEvaluation"::text = ${filters.sourceEvaluation}`);
  if (filters.intelligenceAssessment) conditions.push(Prisma.sql`"intelligenceAssessment"::text = ${filters.intelligenceAssessment}`);
  if (after) conditions.push(Prisma.sql`(${RANK_SQL}, "submittedAt", "id") < (${after.rank}::int, ${after.t}::timestamptz, ${after.id}::uuid)`);
  const rows = await prisma.$queryRaw<{ id: string; rank: number; submittedAt: Date }[]>`
    SELECT "id", ${RANK_SQL} AS "rank", "submittedAt" FROM "Submission"
    WHERE ${Prisma.join(conditions, " AND ")} AND "submittedAt" IS NOT NULL
    ORDER BY ${RANK_SQL} DESC, "submittedAt" DESC, "id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, key: { rank: Number(r.rank), t: new Date(r.submittedAt), id: r.id } }));
}

export async function triageQueue(auth: Auth, filters: TriageFilters, cursorParam: string | null) {
  await requirePolice(auth, "submission.listed");
  const cursor = decodeCursor(cursorParam);
  const start: TriageKey | null = cursor ? { rank: cursor.r ?? 6, t: new Date(cursor.t), id: cursor.id } : null;
  const resolved: ResolvedTriageFilters = filters.queue === "mine" ? { ...filters, assignedAnalystId: auth.user.id } : filters;
  const { items, next } = await walkKeyset({
    start,
    pageSize: PAGE_SIZE,
    candidates: (after, limit) => triageCandidates(resolved, after, limit),
    load: (ids) =>
      prisma.submission.findMany({
        where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), triageFilterWhere(resolved), { id: { in: ids } }] },
        select: policeListSelect,
      }),
  });
  await audit(auth.audit, {
    action: "submission.listed",
    recordType: "Submission",
    justification: "TRIAGE",
    details: { view: "triage", count: items.length, ids: items.map((i) => i.id), filters: Object.keys(filters).filter((k) => filters[k as keyof TriageFilters]) },
  });
  return {
    items,
    nextCursor: next ? encodeCursor({ r: next.rank === 6 ? null : next.rank, t: next.t.toISOString(), id: next.id }) : null,
  };
}

/** Filter choices for the queue: areas, and the agreements that give this user access. */
export async function triageFilterOptions(auth: Auth) {
  const [areas, agreements] = await Promise.all([
    prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.agreement.findMany({
      where: { parties: { some: { organisationId: auth.user.organisationId } } },
      orderBy: { reference: "asc" },
      select: { id: true, reference: true },
      take: 200,
    }),
  ]);
  return { areas, agreements };
}

// ─── One submission ──────────────────────────────────────────────────────────

function assessableWhere(auth: Auth, id: string): Prisma.SubmissionWhereInput {
  return { AND: [accessibleWhere(auth.ability, "assess", "Submission"), { id }] };
}

async function findAssessable(auth: Auth, id: string, tx: Prisma.TransactionClient | typeof prisma = prisma) {
  if (!isUuid(id)) return null;
  return tx.submission.findFirst({ where: assessableWhere(auth, id), select: policeSubmissionSelect });
}

/**
 * The gate of every change on the assess page, asked before its form is read: police only (403),
 * and a submission this user may assess (404, like one that does not exist). Each change re-checks
 * the same rule inside its own transaction.
 */
export async function requireAssessable(auth: Auth, id: string, attempted: AuditAction): Promise<void> {
  await requirePolice(auth, attempted);
  if (!(await findAssessable(auth, id))) await deny(auth, { action: attempted, recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
}

/** The assess page's record; viewing it is logged with the workflow's justification (triage). */
export async function submissionForTriage(auth: Auth, id: string): Promise<PoliceSubmission> {
  await requirePolice(auth, "submission.viewed");
  const submission = await findAssessable(auth, id);
  if (!submission) return deny(auth, { action: "submission.viewed", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, viewedForTriage(submission));
  return submission;
}

function viewedForTriage(submission: Pick<PoliceSummary, "id" | "agreementId">): AuditEventInput {
  return { action: "submission.viewed", recordType: "Submission", recordId: submission.id, agreementId: submission.agreementId, justification: "TRIAGE" };
}

/**
 * The summary page: the record (without feedback and sanitised reports, which it does not show)
 * and its matches, with the view and the combination logged in one statement.
 */
export async function triageSummary(auth: Auth, id: string) {
  await requirePolice(auth, "submission.viewed");
  const submission = isUuid(id) ? await prisma.submission.findFirst({ where: assessableWhere(auth, id), select: policeSummarySelect }) : null;
  if (!submission) return deny(auth, { action: "submission.viewed", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  const { matches, more, combined } = await findMatches(auth, submission);
  await auditAll(auth.audit, [viewedForTriage(submission), ...(combined ? [combined] : [])]);
  return { submission, matches, more };
}

/** How many matches the correlation panel shows; beyond that it says "more than". */
export const CORRELATION_LIMIT = 20;

/**
 * Other submissions this user may see that name the same person, vehicle, address, phone, handle
 * or organisation (same kind and normalised key), newest first, at most CORRELATION_LIMIT, and
 * whether there are more. The access rule is part of the query, so a record under a suspended
 * agreement, or shared with another force, can never be matched. The matching ids come from the
 * entity index first (a common nickname matches thousands; only a page of them is loaded).
 */
export async function correlations(auth: Auth, submission: Pick<PoliceSummary, "id" | "agreementId" | "entities">) {
  const { matches, more, combined } = await findMatches(auth, submission);
  if (combined) await audit(auth.audit, combined);
  return { matches, more };
}

/** The matches, and the audit event for combining them with the record (none when there are none). */
async function findMatches(auth: Auth, submission: Pick<PoliceSummary, "id" | "agreementId" | "entities">) {
  const keys = submission.entities.map((e) => ({ kind: e.kind, normalisedValue: e.normalisedValue }));
  if (keys.length === 0) return { matches: [], more: false, combined: null };
  const pairs = Prisma.join(keys.map((k) => Prisma.sql`(${k.kind}::"EntityKind", ${k.normalisedValue})`));
  const { items: matches, next } = await walkKeyset({
    start: null,
    pageSize: CORRELATION_LIMIT,
    candidates: newestCandidates(
      [Prisma.sql`s."id" <> ${submission.id}::uuid`],
      {
        set: Prisma.sql`SELECT DISTINCT "submissionId" AS "id" FROM "SubmissionEntity" WHERE ("kind", "normalisedValue") IN (${pairs})`,
        condition: Prisma.sql`s."id" IN (SELECT "submissionId" FROM "SubmissionEntity" WHERE ("kind", "normalisedValue") IN (${pairs}))`,
      },
      null,
    ),
    load: (ids) =>
      prisma.submission.findMany({
        where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { id: { in: ids } }] },
        select: {
          id: true,
          reference: true,
          status: true,
          threatType: true,
          submittedAt: true,
          area: { select: { name: true } },
          entities: { where: { OR: keys }, select: { kind: true, displayValue: true, normalisedValue: true } },
          threatId: true,
        },
      }),
  });
  // Combining records is processing in its own right (DPA 2018 s62(1)(d)): log which were combined.
  const combined: AuditEventInput | null =
    matches.length > 0
      ? {
          action: "submission.matches_viewed",
          recordType: "Submission",
          recordId: submission.id,
          agreementId: submission.agreementId,
          justification: "TRIAGE",
          details: { count: matches.length, ids: matches.map((m) => m.id), more: next !== null },
        }
      : null;
  // A match's threat is offered for a one-click link only if this user may link to it (the same
  // rule linkThreat applies when the link is made).
  const threatIds = [...new Set(matches.flatMap((m) => (m.threatId ? [m.threatId] : [])))];
  const linkable = threatIds.length
    ? await prisma.threat.findMany({
        where: { AND: [accessibleWhere(auth.ability, "update", "Threat"), { id: { in: threatIds } }] },
        select: { id: true, reference: true, title: true },
      })
    : [];
  const threats = new Map(linkable.map((t) => [t.id, t]));
  return {
    matches: matches.map(({ threatId, ...m }) => ({ ...m, threat: threatId ? (threats.get(threatId) ?? null) : null })),
    more: next !== null,
    combined,
  };
}

// ─── Changes ─────────────────────────────────────────────────────────────────

/** Runs `change` on an assessable submission inside a transaction, or a logged 404. */
async function withAssessable<T>(
  auth: Auth,
  id: string,
  attempted: AuditAction,
  change: (tx: Prisma.TransactionClient, submission: PoliceSubmission) => Promise<T>,
  once?: FormOnce,
): Promise<T> {
  await requirePolice(auth, attempted);
  const outcome = await prisma.$transaction(async (tx) => {
    // Lock the row first, then re-check the access rule and read the state the change depends on:
    // two analysts acting at once see each other's change (one closes, the other is refused), and
    // an agreement suspended since the page was loaded stops the change (a logged 404).
    if (isUuid(id)) await tx.$executeRaw`SELECT 1 FROM "Submission" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const submission = await findAssessable(auth, id, tx);
    if (!submission) return { found: false as const };
    await claimOnce(tx, auth, once);
    return { found: true as const, value: await change(tx, submission) };
  });
  if (!outcome.found) return deny(auth, { action: attempted, recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return outcome.value;
}

export function saveAssessment(auth: Auth, id: string, data: z.infer<typeof assessmentSchema>, once?: FormOnce) {
  return withAssessable(auth, id, "submission.regraded", async (tx, s) => {
    const startsAssessment = s.status === "RECEIVED";
    await tx.submission.update({
      where: { id: s.id },
      data: {
        ...data,
        status: startsAssessment ? "BEING_ASSESSED" : undefined,
        assignedAnalystId: s.assignedAnalystId ?? auth.user.id,
      },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.regraded",
      recordType: "Submission",
      recordId: s.id,
      agreementId: s.agreementId,
      justification: "TRIAGE",
      details: {
        // Grades and risk are codes; the analyst's notes are content, so only the fact of a change is kept.
        sourceEvaluation: { old: s.analystSourceEvaluation, new: data.analystSourceEvaluation },
        intelligenceAssessment: { old: s.analystIntelligenceAssessment, new: data.analystIntelligenceAssessment },
        handlingCode: { old: s.analystHandlingCode, new: data.analystHandlingCode },
        riskLevel: { old: s.riskLevel, new: data.riskLevel },
        notesChanged: (s.analystNotes ?? null) !== (data.analystNotes ?? null),
        originalGrading: { sourceEvaluation: s.sourceEvaluation, intelligenceAssessment: s.intelligenceAssessment, handlingCode: s.handlingCode },
      },
    });
    if (startsAssessment) await statusEvent(tx, auth, s, "BEING_ASSESSED");
  }, once);
}

async function statusEvent(tx: Prisma.TransactionClient, auth: Auth, s: PoliceSubmission, to: SubmissionStatus, reason?: string) {
  await recordAuditEvent(tx, auth.audit, {
    action: s.status === "RECEIVED" && to === "BEING_ASSESSED" ? "submission.triaged" : "submission.status_changed",
    recordType: "Submission",
    recordId: s.id,
    agreementId: s.agreementId,
    justification: "TRIAGE",
    details: { status: { old: s.status, new: to }, ...(reason ? { reason } : {}) },
  });
}

export function changeStatus(auth: Auth, id: string, to: SubmissionStatus, once?: FormOnce) {
  return withAssessable(auth, id, "submission.status_changed", async (tx, s) => {
    const problem = statusChangeProblem(s, to);
    if (problem) throw new AssessmentRefused(problem, "status");
    await tx.submission.update({
      where: { id: s.id },
      data: { status: to, assignedAnalystId: s.assignedAnalystId ?? auth.user.id },
    });
    await statusEvent(tx, auth, s, to);
  }, once);
}

/** Links the submission to one of the force's threats; an assessed submission becomes ACTIONED. */
export function linkThreat(auth: Auth, id: string, threatId: string, once?: FormOnce) {
  return withAssessable(auth, id, "submission.linked", async (tx, s) => {
    const threat = await tx.threat.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "update", "Threat"), { id: threatId }] },
      select: { id: true, reference: true },
    });
    if (!threat) throw new AssessmentRefused("Select one of your force's threats", "threatId");
    await linkTo(tx, auth, s, threat);
  }, once);
}

async function linkTo(tx: Prisma.TransactionClient, auth: Auth, s: PoliceSubmission, threat: { id: string; reference: string }) {
  const to: SubmissionStatus = s.status === "CLOSED" ? "CLOSED" : "ACTIONED";
  await tx.submission.update({
    where: { id: s.id },
    data: { threatId: threat.id, status: to, noFurtherActionReason: null, assignedAnalystId: s.assignedAnalystId ?? auth.user.id },
  });
  await recordAuditEvent(tx, auth.audit, {
    action: "submission.linked",
    recordType: "Submission",
    recordId: s.id,
    agreementId: s.agreementId,
    justification: "THREAT_ASSESSMENT",
    details: { threatId: { old: s.threatId, new: threat.id }, threatReference: threat.reference },
  });
  if (to !== s.status) await statusEvent(tx, auth, s, to);
}

/** Creates a threat from this submission (the threats module's one way to create one) and links it. */
export function createThreatAndLink(auth: Auth, id: string, data: z.infer<typeof createThreatSchema>, once?: FormOnce) {
  return withAssessable(auth, id, "threat.created", async (tx, s) => {
    let threat: { id: string; reference: string };
    try {
      threat = await createThreatIn(tx, auth, data, { fromSubmission: s.id });
    } catch (error) {
      if (error instanceof ThreatRefused) throw new AssessmentRefused(error.message, error.field);
      throw error;
    }
    await linkTo(tx, auth, s, threat);
    return threat;
  }, once);
}

export function noFurtherAction(auth: Auth, id: string, data: z.infer<typeof noFurtherActionSchema>, once?: FormOnce) {
  return withAssessable(auth, id, "submission.no_further_action", async (tx, s) => {
    if (s.status === "CLOSED") throw new AssessmentRefused("This submission is already closed", "reason");
    await tx.submission.update({
      where: { id: s.id },
      data: { status: "CLOSED", noFurtherActionReason: data.reason, assignedAnalystId: s.assignedAnalystId ?? auth.user.id },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.no_further_action",
      recordType: "Submission",
      recordId: s.id,
      agreementId: s.agreementId,
      justification: "TRIAGE",
      details: { status: { old: s.status, new: "CLOSED" } },
    });
  }, once);
}

export function sendFeedback(auth: Auth, id: string, data: z.infer<typeof feedbackSchema>, once?: FormOnce) {
  return withAssessable(auth, id, "submission.feedback_sent", async (tx, s) => {
    const feedback = await tx.feedback.create({
      data: { submissionId: s.id, authorId: auth.user.id, message: data.message },
      select: { id: true },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "submission.feedback_sent",
      recordType: "Submission",
      recordId: s.id,
      agreementId: s.agreementId,
      justification: "DISSEMINATION",
      // Disclosure to the submitting organisation (s62: recipients of disclosures).
      details: { feedbackId: feedback.id, recipientOrganisationId: s.organisationId },
    });
  }, once);
}

// ─── Sanitised versions and four eyes ────────────────────────────────────────

export function addSanitisedVersion(auth: Auth, id: string, data: z.infer<typeof sanitisedSchema>, once?: FormOnce) {
  return withAssessable(auth, id, "sanitised.created", async (tx, s) => {
    const report = await tx.sanitisedReport.create({
      data: { submissionId: s.id, authorId: auth.user.id, text: data.text },
      select: { id: true },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "sanitised.created",
      recordType: "SanitisedReport",
      recordId: report.id,
      agreementId: s.agreementId,
      justification: "DISSEMINATION",
      details: { submissionId: s.id },
    });
  }, once);
}

/**
 * A supervisor approves or rejects a sanitised version. The `approve` rule requires a different
 * author (four eyes) and a submission the supervisor may see; it is part of the query, and the
 * update only applies to a report still awaiting approval, so two decisions cannot both land.
 */
export async function decideSanitised(auth: Auth, data: z.infer<typeof sanitisedDecisionSchema>, once?: FormOnce) {
  const attempted = data.decision === "approve" ? "sanitised.approved" : "sanitised.rejected";
  // A role that never approves is refused as the approvals queue refuses it (403), not told in the form.
  await requireApprover(auth, attempted);
  const notDecided = new Error("not decided");
  const decided = await prisma.$transaction(async (tx) => {
    // The token first: a repeat of a decision that landed goes where the first went.
    await claimOnce(tx, auth, once);
    const report = await tx.sanitisedReport.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "approve", "SanitisedReport"), { id: data.sanitisedId }] },
      select: { id: true, authorId: true, submissionId: true, submission: { select: { agreementId: true, organisationId: true } } },
    });
    // Thrown, not returned: the transaction rolls back, so the token is free for a corrected retry.
    if (!report) throw notDecided;
    const status = data.decision === "approve" ? "APPROVED" : "REJECTED";
    // The approve rule again in the update (awaiting, not the decider's own): one decision lands.
    const updated = await tx.sanitisedReport.updateMany({
      where: { AND: [accessibleWhere(auth.ability, "approve", "SanitisedReport"), { id: report.id }] },
      data: { status, approverId: auth.user.id, decidedAt: clock.now(), decisionNote: data.decisionNote },
    });
    if (updated.count !== 1) throw notDecided;
    await recordAuditEvent(tx, auth.audit, {
      action: status === "APPROVED" ? "sanitised.approved" : "sanitised.rejected",
      recordType: "SanitisedReport",
      recordId: report.id,
      agreementId: report.submission.agreementId,
      justification: "DISSEMINATION",
      details: { submissionId: report.submissionId, authorId: report.authorId },
    });
    if (status === "APPROVED") {
      await recordAuditEvent(tx, auth.audit, {
        action: "sanitised.disseminated",
        recordType: "SanitisedReport",
        recordId: report.id,
        agreementId: report.submission.agreementId,
        justification: "DISSEMINATION",
        details: { submissionId: report.submissionId, recipientOrganisationId: report.submission.organisationId },
      });
    }
    return report;
  }).catch((error: unknown) => {
    if (error === notDecided) return null;
    throw error;
  });
  if (!decided) {
    // Not found, not awaiting, the supervisor's own report, or no access: the same answer for each.
    const own = await prisma.sanitisedReport.findFirst({ where: { id: data.sanitisedId, authorId: auth.user.id }, select: { id: true } });
    await recordDenial(auth, {
      action: attempted,
      recordType: "SanitisedReport",
      recordId: data.sanitisedId,
      reason: own ? "ACTION_NOT_PERMITTED_ON_RECORD" : "RECORD_NOT_VISIBLE",
    });
    throw new AssessmentRefused(
      own ? "You wrote this sanitised version: another supervisor must decide on it" : "This sanitised version cannot be decided by you",
      "sanitisedId",
    );
  }
  return decided;
}

/** Refuses (403, recorded) anyone who never approves sanitised versions. */
export async function requireApprover(auth: Auth, attempted: string): Promise<void> {
  if (!isPoliceUser(auth) || !auth.ability.can("approve", "SanitisedReport")) {
    await deny(auth, { action: attempted, recordType: "SanitisedReport", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}

/** Sanitised versions awaiting this supervisor's decision (never their own). */

export async function approvalsQueue(auth: Auth) {
  if (!isPoliceUser(auth) || !auth.ability.can("approve", "SanitisedReport")) {
    await deny(auth, { action: "sanitised.approved", recordType: "SanitisedReport", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  const items = await prisma.sanitisedReport.findMany({
    where: accessibleWhere(auth.ability, "approve", "SanitisedReport"),
    select: {
      id: true,
      text: true,
      createdAt: true,
      author: { select: { name: true } },
      submission: { select: { id: true, reference: true, threatType: true, handlingCode: true, handlingConditions: true, analystHandlingCode: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 50,
  });
  await audit(auth.audit, {
    action: "record.listed",
    recordType: "SanitisedReport",
    justification: "DISSEMINATION",
    details: { view: "approvals", count: items.length, ids: items.map((i) => i.id) },
  });
  return items;
}

/** Choices for the assess page: the force's recent threats and its analysts. */
export async function assessOptions(auth: Auth) {
  const [threats, analysts, areas] = await Promise.all([
    prisma.threat.findMany({
      where: accessibleWhere(auth.ability, "read", "Threat"),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, reference: true, title: true },
      take: 100,
    }),
    leadOptions(auth),
    prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { threats, analysts, areas };
}


// ─── History ─────────────────────────────────────────────────────────────────

/** What happened to a submission, as its history page tells it: changes, never who looked at it. */
export const HISTORY_ACTIONS = [
  "submission.submitted",
  "submission.triaged",
  "submission.regraded",
  "submission.status_changed",
  "submission.linked",
  "submission.no_further_action",
  "submission.feedback_sent",
] as const satisfies readonly AuditAction[];

export const HISTORY_PAGE_SIZE = 25;

/**
 * One page of a submission's history, newest first, keyset-paged on the event id (the audit trail's
 * own index on record type, record and id). The caller has loaded the submission with
 * submissionForTriage, so the record is one this user may assess and the view is logged.
 */
export async function submissionHistory(submission: Pick<PoliceSubmission, "id">, before: bigint | null) {
  const rows = await prisma.auditEvent.findMany({
    where: {
      recordType: "Submission",
      recordId: submission.id,
      outcome: "ALLOWED",
      action: { in: [...HISTORY_ACTIONS] },
      ...(before === null ? {} : { id: { lt: before } }),
    },
    orderBy: { id: "desc" },
    take: HISTORY_PAGE_SIZE + 1,
    select: { id: true, occurredAt: true, action: true, actorUserId: true, actorEmail: true, details: true },
  });
  const page = rows.slice(0, HISTORY_PAGE_SIZE);
  const actorIds = [...new Set(page.flatMap((r) => (r.actorUserId ? [r.actorUserId] : [])))];
  const actors = actorIds.length
    ? await prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, organisation: { select: { name: true } } } })
    : [];
  const names = new Map(actors.map((a) => [a.id, `${a.name}, ${a.organisation.name}`]));
  return {
    events: page.map((r) => ({
      id: r.id.toString(),
      occurredAt: r.occurredAt,
      action: r.action,
      who: (r.actorUserId ? names.get(r.actorUserId) : null) ?? r.actorEmail ?? "The system",
      status: statusChangeOf(r.details),
    })),
    nextBefore: rows.length > HISTORY_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}

/** The new status an event's details record, if it changed one. */
function statusChangeOf(details: Prisma.JsonValue): SubmissionStatus | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const status = details.status;
  if (!status || typeof status !== "object" || Array.isArray(status)) return null;
  const to = status.new;
  return typeof to === "string" && (STATUS_VALUES as string[]).includes(to) ? (to as SubmissionStatus) : null;
}

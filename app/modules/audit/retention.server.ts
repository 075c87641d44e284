import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import { accessibleWhere, type AppAbility } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { recordAuditEvent, type AuditContext } from "./audit.server";
import { ukDayStart } from "~/utils/dates";
import { optionalDateInput } from "~/utils/date-input";
import { clock } from "~/utils/clock";

/**
 * Retention and review (Management of Police Information): submissions whose retention period
 * under their agreement has passed (submittedAt + agreement.retentionMonths), or whose review date
 * (reviewDueAt) has come, until someone records a decision. Retaining records the reason and the
 * next review date; disposing erases the content and leaves a tombstone (disposedAt), and the
 * erasure is logged without copying what was erased.
 */

function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Due for a decision at `now`. "Retention passed" needs per-row date arithmetic against the
 * agreement; agreements use few distinct retention periods, so it becomes one indexed range per
 * period. A RETAIN decision whose next review date is still ahead takes the record off the list
 * (and sets reviewDueAt to that date, when it comes back).
 */
export async function retentionDueWhere(now: Date): Promise<Prisma.SubmissionWhereInput> {
  const periods = await prisma.agreement.findMany({ distinct: ["retentionMonths"], select: { retentionMonths: true } });
  return {
    disposedAt: null,
    submittedAt: { not: null },
    retentionDecisions: { none: { decision: "RETAIN", nextReviewDate: { gt: now } } },
    OR: [
      { reviewDueAt: { lte: now } },
      ...periods.map(({ retentionMonths }) => ({
        agreement: { is: { retentionMonths } },
        submittedAt: { lte: monthsBefore(now, retentionMonths) },
      })),
    ],
  };
}

export const RETENTION_PAGE_SIZE = 50;

/** One page of submissions due, oldest first, that this DPO may decide on (keyset on submittedAt, id). */
export async function listRetentionDue(ability: AppAbility, now: Date, after?: { submittedAt: Date; id: string }) {
  const due = await retentionDueWhere(now);
  const rows = await prisma.submission.findMany({
    where: {
      AND: [
        accessibleWhere(ability, "oversee", "Submission"),
        due,
        after
          ? { OR: [{ submittedAt: { gt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { gt: after.id } }] }
          : {},
      ],
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: RETENTION_PAGE_SIZE + 1,
    select: {
      id: true,
      reference: true,
      status: true,
      submittedAt: true,
      reviewDueAt: true,
      organisation: { select: { name: true } },
      agreement: { select: { reference: true, retentionMonths: true } },
    },
  });
  const page = rows.slice(0, RETENTION_PAGE_SIZE);
  const last = page.at(-1);
  return {
    submissions: page.map((s) => ({
      ...s,
      retentionEndsAt: s.submittedAt && s.agreement ? new Date(new Date(s.submittedAt).setUTCMonth(s.submittedAt.getUTCMonth() + s.agreement.retentionMonths)) : null,
    })),
    next: rows.length > RETENTION_PAGE_SIZE && last?.submittedAt ? `${last.submittedAt.toISOString()}_${last.id}` : null,
  };
}

export function parseRetentionCursor(value: string | null): { submittedAt: Date; id: string } | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_([0-9a-f-]{36})$/i);
  if (!match) return undefined;
  const submittedAt = new Date(match[1]!);
  return Number.isNaN(submittedAt.getTime()) ? undefined : { submittedAt, id: match[2]! };
}

/** The submission as the retention decision page shows it: no intelligence content. */
export async function findForRetention(ability: AppAbility, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return prisma.submission.findFirst({
    where: { AND: [accessibleWhere(ability, "oversee", "Submission"), { id }] },
    select: {
      id: true,
      reference: true,
      status: true,
      threatType: true,
      classification: true,
      submittedAt: true,
      reviewDueAt: true,
      disposedAt: true,
      agreementId: true,
      organisation: { select: { name: true } },
      agreement: { select: { reference: true, retentionMonths: true } },
      retentionDecisions: {
        orderBy: { decidedAt: "desc" },
        select: { id: true, decision: true, reason: true, decidedAt: true, nextReviewDate: true, decidedById: true },
      },
      _count: { select: { entities: true, sanitisedReports: true, feedback: true } },
    },
  });
}

const MAX_REVIEW_YEARS = 10;

export function retentionDecisionSchema(now: Date) {
  return z
    .object({
      decision: z.enum(["RETAIN", "DISPOSE"], "Select whether to retain or dispose of the record"),
      reason: z
        .string()
        .trim()
        .min(1, "Enter the reason for your decision")
        .max(2000, "The reason must be 2000 characters or fewer"),
      nextReviewDate: optionalDateInput("Next review date").transform((day) => day ?? ""),
      confirmDisposal: z.string().optional(),
    })
    .superRefine((v, ctx) => {
      if (v.decision === "RETAIN") {
        const date = ukDayStart(v.nextReviewDate);
        if (!v.nextReviewDate) {
          ctx.addIssue({ code: "custom", path: ["nextReviewDate"], message: "Enter the next review date" });
        } else if (!date) {
          ctx.addIssue({ code: "custom", path: ["nextReviewDate"], message: "Next review date must be a real date" });
        } else if (date <= now) {
          ctx.addIssue({ code: "custom", path: ["nextReviewDate"], message: "Next review date must be in the future" });
        } else if (date.getTime() > now.getTime() + MAX_REVIEW_YEARS * 366 * 24 * 3600_000) {
          ctx.addIssue({ code: "custom", path: ["nextReviewDate"], message: `Next review date must be within ${MAX_REVIEW_YEARS} years` });
        }
      }
      if (v.decision === "DISPOSE" && v.confirmDisposal !== "yes") {
        ctx.addIssue({ code: "custom", path: ["confirmDisposal"], message: "Confirm that the content will be erased permanently" });
      }
    });
}

export type RetentionDecisionInput = z.infer<ReturnType<typeof retentionDecisionSchema>>;

/** The columns that hold intelligence content, erased on disposal. */
export const ERASED_SUBMISSION_FIELDS = [
  "narrative",
  "locationDescription",
  "postcode",
  "observedFrom",
  "observedTo",
  "handlingConditions",
  "analystNotes",
  "noFurtherActionReason",
] as const;

export class RetentionError extends Error {}

export async function recordRetentionDecision(
  submissionId: string,
  input: RetentionDecisionInput,
  user: { id: string; ability: AppAbility },
  context: AuditContext,
  now = clock.now(),
) {
  return prisma.$transaction(async (tx) => {
    // Lock and re-read inside the transaction, re-checking the oversight rule: a second DPO
    // deciding at the same moment must not dispose twice, and a DPO whose oversight of the record
    // ended since the page was loaded (e.g. the agreement changed) decides nothing.
    await tx.$executeRaw`SELECT 1 FROM "Submission" WHERE "id" = ${submissionId}::uuid FOR UPDATE`;
    const submission = await tx.submission.findFirst({
      where: { AND: [accessibleWhere(user.ability, "oversee", "Submission"), { id: submissionId }] },
      select: { id: true, disposedAt: true, reviewDueAt: true, agreementId: true },
    });
    if (!submission) throw new RetentionError("You can no longer make a retention decision on this record.");
    if (submission.disposedAt) throw new RetentionError("This record has already been disposed of.");
    const nextReviewDate = input.decision === "RETAIN" ? ukDayStart(input.nextReviewDate) : null;
    const decision = await tx.retentionDecision.create({
      data: { submissionId, decision: input.decision, reason: input.reason, decidedById: user.id, decidedAt: now, nextReviewDate },
    });
    if (input.decision === "RETAIN") {
      await tx.submission.update({ where: { id: submissionId }, data: { reviewDueAt: nextReviewDate } });
      await recordAuditEvent(tx, context, {
        action: "retention.retained",
        recordType: "Submission",
        recordId: submissionId,
        agreementId: submission.agreementId,
        justification: "RETENTION_REVIEW",
        details: {
          decisionId: decision.id,
          changes: {
            reviewDueAt: { old: submission.reviewDueAt?.toISOString() ?? null, new: nextReviewDate!.toISOString() },
          },
        },
      });
      return decision;
    }
    // Disposal: erase the content, keep the tombstone. The log names what was erased and how
    // much, never the erased values (ICO: an erasure log must not copy the erased data).
    const erasedFields = Object.fromEntries(ERASED_SUBMISSION_FIELDS.map((f) => [f, null]));
    await tx.submission.update({ where: { id: submissionId }, data: { ...erasedFields, disposedAt: now, reviewDueAt: null } });
    const entities = await tx.submissionEntity.deleteMany({ where: { submissionId } });
    const sanitised = await tx.sanitisedReport.updateMany({ where: { submissionId }, data: { text: "", decisionNote: null } });
    const feedback = await tx.feedback.updateMany({ where: { submissionId }, data: { message: "" } });
    await recordAuditEvent(tx, context, {
      action: "retention.disposed",
      recordType: "Submission",
      recordId: submissionId,
      agreementId: submission.agreementId,
      justification: "RETENTION_REVIEW",
      details: {
        decisionId: decision.id,
        erasedFields: [...ERASED_SUBMISSION_FIELDS],
        entitiesErased: entities.count,
        sanitisedReportsErased: sanitised.count,
        feedbackErased: feedback.count,
      },
    });
    return decision;
  });
}

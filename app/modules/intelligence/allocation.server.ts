import type { Prisma } from "~/generated/prisma/client";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { allocatableAnalystsWhere } from "~/modules/authorization/rules/allocation";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import type { Auth } from "./access.server";
import { isUuid } from "./submissions.server";

/**
 * Work allocation (issue 10): an analyst claims an open submission or gives it to a colleague of the
 * force; "my queue" on the triage page lists what is theirs. Who may is the `assign` rule
 * (authorization/rules/allocation.ts), checked in the query that loads the submission, and again,
 * with the row locked, inside the transaction that changes it.
 */

const allocationSelect = {
  id: true,
  reference: true,
  status: true,
  agreementId: true,
  submittedAt: true,
  assignedAt: true,
  assignedAnalystId: true,
  assignedAnalyst: { select: { name: true } },
} satisfies Prisma.SubmissionSelect;

export type AllocationSubmission = Prisma.SubmissionGetPayload<{ select: typeof allocationSelect }>;

export class AllocationRefused extends Error {
  constructor(
    message: string,
    readonly field = "form",
  ) {
    super(message);
  }
}

function findAllocatable(auth: Auth, id: string, tx: Prisma.TransactionClient | typeof prisma = prisma) {
  if (!isUuid(id)) return Promise.resolve(null);
  return tx.submission.findFirst({ where: { AND: [accessibleWhere(auth.ability, "assign", "Submission"), { id }] }, select: allocationSelect });
}

/** Refuses (403, recorded) anyone who never allocates work: partners, DPOs, administrators. */
async function requireAllocator(auth: Auth, attempted: string): Promise<void> {
  if (!auth.ability.can("assign", "Submission")) {
    await deny(auth, { action: attempted, recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}

/**
 * The gate asked before the form is read: allocators only (403), and a submission this person may
 * allocate (404, like one that does not exist). `assignSubmission` re-checks both in its transaction.
 */
export async function requireAllocatable(auth: Auth, id: string): Promise<void> {
  await requireAllocator(auth, "submission.assigned");
  if (!(await findAllocatable(auth, id))) await deny(auth, { action: "submission.assigned", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
}

/** The force's people a submission can be given to, by name. */
export function allocatableAnalysts(auth: Auth) {
  return prisma.user.findMany({
    where: allocatableAnalystsWhere(auth.user.organisationId),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** The assign page's submission (who has it, since when), or a recorded 404; viewing it is logged. */
export async function submissionForAllocation(auth: Auth, id: string): Promise<AllocationSubmission> {
  await requireAllocator(auth, "submission.viewed");
  const submission = await findAllocatable(auth, id);
  if (!submission) return deny(auth, { action: "submission.viewed", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, {
    action: "submission.viewed",
    recordType: "Submission",
    recordId: submission.id,
    agreementId: submission.agreementId,
    justification: "TRIAGE",
    details: { view: "assign" },
  });
  return submission;
}

/**
 * Gives the submission to `assigneeId` (the user themselves when claiming). Inside one transaction:
 * the row is locked, the `assign` rule re-checked (a submission closed or an agreement suspended
 * since the page loaded is refused), the assignee re-checked as an active analyst or supervisor of
 * the force, and the form token claimed, so a double click or a resubmitted form changes nothing
 * twice. Returns where to go next.
 */
export async function assignSubmission(
  auth: Auth,
  id: string,
  input: { assigneeId: string; formToken: string; location: string },
): Promise<{ location: string }> {
  await requireAllocator(auth, "submission.assigned");
  const outcome = await prisma.$transaction(async (tx) => {
    if (isUuid(id)) await tx.$executeRaw`SELECT 1 FROM "Submission" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const submission = await findAllocatable(auth, id, tx);
    if (!submission) return { found: false as const };
    const claim = await claimFormToken(tx, input.formToken, auth.user.id, input.location);
    if (!claim.firstUse) {
      if (claim.location === null) throw new AllocationRefused("This form has expired. Reload the page and try again.");
      return { found: true as const, location: claim.location };
    }
    const assignee = await tx.user.findFirst({
      where: { AND: [allocatableAnalystsWhere(auth.user.organisationId), { id: input.assigneeId }] },
      select: { id: true, name: true },
    });
    if (!assignee) throw new AllocationRefused("Select an analyst or supervisor of your force", "assigneeId");
    // Giving it to the person who already has it changes nothing (and records nothing).
    if (submission.assignedAnalystId !== assignee.id) {
      await tx.submission.update({ where: { id: submission.id }, data: { assignedAnalystId: assignee.id, assignedAt: clock.now() } });
      await recordAuditEvent(tx, auth.audit, {
        action: "submission.assigned",
        recordType: "Submission",
        recordId: submission.id,
        agreementId: submission.agreementId,
        justification: "TRIAGE",
        details: { assignedAnalystId: { old: submission.assignedAnalystId, new: assignee.id }, claimed: assignee.id === auth.user.id },
      });
    }
    return { found: true as const, location: input.location };
  });
  if (!outcome.found) return deny(auth, { action: "submission.assigned", recordType: "Submission", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return { location: outcome.location };
}

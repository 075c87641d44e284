import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { agreementsAwaitingSignatureOf } from "~/modules/agreements/home-panel.server";
import { agreementInForceWhere } from "~/modules/agreements/in-force";
import { ATTENTION_WINDOW_DAYS, DAY_MS, reviewDueWhere } from "~/modules/agreements/status";
import { periodSchema } from "~/modules/audit/period";
import { repeatedDenials } from "~/modules/audit/reports.server";
import { retentionDueWhere } from "~/modules/audit/retention.server";
import { auditScopeFor } from "~/modules/audit/scope.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { homeTasksFor, homeWarningsFor, type HomeTask } from "~/modules/authorization/navigation.server";
import { ALLOCATABLE_STATUSES } from "~/modules/authorization/rules/allocation";
import { countRoleGrantsToDecide } from "~/modules/users/role-grants.server";
import { prisma } from "~/utils/db.server";

/** One task on the home page: what is waiting, how many, and the page that lists them. */
export interface HomeTaskCount {
  id: HomeTask;
  label: string;
  hint: string;
  count: number;
  href: string;
}

/** "Feedback received" counts what arrived within this many days. */
export const RECENT_FEEDBACK_DAYS = 30;

const OPEN_ACTION_STATUSES = ["NOT_STARTED", "IN_PROGRESS"] as const;

type Counter = (auth: AuthenticatedRequest, now: Date) => Promise<Omit<HomeTaskCount, "id">>;

/**
 * Each task's count, filtered in the database by the person's abilities (the same rules as the page
 * it links to), so the number is what that page will show. Models whose rules are not there yet
 * (plans, dissemination) answer nothing through `accessibleWhere`, so their counts read 0.
 */
const COUNTERS: Record<HomeTask, Counter> = {
  async sanitisedToApprove(auth) {
    const count = await prisma.sanitisedReport.count({ where: accessibleWhere(auth.ability, "approve", "SanitisedReport") });
    return { label: "Sanitised versions awaiting your approval", hint: "Written by someone else; you decide whether they may be shared.", count, href: "/triage/approvals" };
  },
  async roleGrantsToApprove(auth) {
    const count = await countRoleGrantsToDecide(auth.ability);
    return { label: "Roles awaiting your approval", hint: "A role gives no access until a second person approves it.", count, href: "/approvals/roles" };
  },
  async unassessed(auth) {
    const count = await prisma.submission.count({
      where: { AND: [accessibleWhere(auth.ability, "assess", "Submission"), { status: "RECEIVED" }] },
    });
    return { label: "Intelligence not yet assessed", hint: `Received by ${auth.user.organisation.name} and not yet triaged.`, count, href: "/triage?status=RECEIVED" };
  },
  async myQueue(auth) {
    const count = await prisma.submission.count({
      where: { AND: [accessibleWhere(auth.ability, "assess", "Submission"), { assignedAnalystId: auth.user.id, status: { in: ALLOCATABLE_STATUSES } }] },
    });
    return { label: "Intelligence assigned to you", hint: "Open submissions you claimed or were given.", count, href: "/triage?queue=mine" };
  },
  async agreementsToSign(auth, now) {
    const count = (await agreementsAwaitingSignatureOf(auth, now)).length;
    return {
      label: "Agreements waiting for your signature",
      hint: `You are an authorised signatory for ${auth.user.organisation.name}.`,
      count,
      href: "/agreements?status=AWAITING_SIGNATURES",
    };
  },
  async agreementsToReview(auth, now) {
    const count = await prisma.agreement.count({
      where: { AND: [accessibleWhere(auth.ability, "read", "Agreement"), reviewDueWhere(now)] },
    });
    return { label: "Agreements due for review", hint: `Reviews overdue or due within ${ATTENTION_WINDOW_DAYS} days.`, count, href: "/agreements?reviewDue=yes" };
  },
  async feedbackReceived(auth, now) {
    const count = await prisma.feedback.count({
      where: {
        createdAt: { gte: new Date(now.getTime() - RECENT_FEEDBACK_DAYS * DAY_MS) },
        submission: { is: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { organisationId: auth.user.organisationId }] } },
      },
    });
    return { label: "Feedback received", hint: `From the police on your organisation's submissions in the last ${RECENT_FEEDBACK_DAYS} days.`, count, href: "/submissions" };
  },
  async myDrafts(auth) {
    const count = await prisma.submission.count({
      where: { AND: [accessibleWhere(auth.ability, "update", "Submission"), { status: "DRAFT", submitterId: auth.user.id }] },
    });
    return { label: "Your drafts", hint: "Intelligence you started and have not sent yet.", count, href: "/submissions" };
  },
  async actionsAssigned(auth) {
    const count = await prisma.planAction.count({
      where: {
        AND: [
          accessibleWhere(auth.ability, "read", "PlanAction"),
          { ownerOrganisationId: auth.user.organisationId, status: { in: [...OPEN_ACTION_STATUSES] } },
        ],
      },
    });
    return { label: "Actions assigned to your organisation", hint: "4P plan actions not yet completed.", count, href: "/actions" };
  },
  async disseminationsToAcknowledge(auth) {
    const count = await prisma.disseminationRecipient.count({
      where: {
        organisationId: auth.user.organisationId,
        acknowledgedAt: null,
        dissemination: { is: accessibleWhere(auth.ability, "read", "Dissemination") },
      },
    });
    return { label: "Shared with you, not yet acknowledged", hint: "Intelligence and briefings the police sent your organisation.", count, href: "/inbox" };
  },
  async unusualAccess(auth) {
    const scope = await auditScopeFor(auth.user);
    // The same period as the list it links to (its default: the last 30 days).
    const period = periodSchema.parse({});
    const count = scope ? (await repeatedDenials(scope, period)).length : 0;
    return { label: "Repeated denied attempts to review", hint: "People or addresses refused several times in the last 30 days.", count, href: "/audit/unusual/denied" };
  },
  async retentionDue(auth, now) {
    const count = await prisma.submission.count({
      where: { AND: [accessibleWhere(auth.ability, "oversee", "Submission"), await retentionDueWhere(now)] },
    });
    return { label: "Retention decisions due", hint: "Records whose retention period or review date has come.", count, href: "/dpo/retention" };
  },
  async roleGrantsPending(auth) {
    const count = await prisma.roleGrantRequest.count({
      where: { status: "PENDING", user: { is: accessibleWhere(auth.ability, "read", "User") } },
    });
    return { label: "Roles waiting for a second person", hint: "Roles you or other administrators asked for, not yet approved.", count, href: "/admin/users" };
  },
};

/** The person's tasks with their counts, in the order the authorization module gives them. */
export async function homeTaskCounts(auth: AuthenticatedRequest, now: Date): Promise<HomeTaskCount[]> {
  const tasks = homeTasksFor(auth.ability, abilityUserOf(auth));
  return Promise.all(tasks.map(async (id) => ({ id, ...(await COUNTERS[id](auth, now)) })));
}

export interface AgreementWarning {
  id: string;
  reference: string;
  title: string;
  suspended: boolean;
  endDate: Date;
}

const WARNINGS_SHOWN = 5;

/**
 * The organisation's agreements that are suspended, or in force and ending within the attention
 * window: sharing under them stops (or has stopped), so the partner hears it first thing.
 */
export async function agreementWarnings(auth: AuthenticatedRequest, now: Date): Promise<{ agreements: AgreementWarning[]; total: number } | null> {
  if (!homeWarningsFor(auth.ability, abilityUserOf(auth)).includes("agreementEndingOrSuspended")) return null;
  const horizon = new Date(now.getTime() + ATTENTION_WINDOW_DAYS * DAY_MS);
  const where = {
    AND: [
      accessibleWhere(auth.ability, "read", "Agreement"),
      { parties: { some: { organisationId: auth.user.organisationId } } },
      { OR: [{ status: "SUSPENDED" as const, endDate: { gt: now } }, { AND: [agreementInForceWhere(now), { endDate: { lte: horizon } }] }] },
    ],
  };
  const [rows, total] = await Promise.all([
    prisma.agreement.findMany({
      where,
      orderBy: [{ endDate: "asc" }, { reference: "asc" }],
      take: WARNINGS_SHOWN,
      select: { id: true, reference: true, title: true, status: true, endDate: true },
    }),
    prisma.agreement.count({ where }),
  ]);
  if (total === 0) return null;
  return {
    agreements: rows.map((row) => ({ id: row.id, reference: row.reference, title: row.title, suspended: row.status === "SUSPENDED", endDate: row.endDate })),
    total,
  };
}

function abilityUserOf(auth: AuthenticatedRequest) {
  return { ...auth.user, organisationType: auth.user.organisation.type };
}

import type { ChartDatum } from "~/components/charts/chart";
import type { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { isPoliceUser } from "~/modules/authorization/roles";
import { SUBMITTED_STATUSES } from "~/modules/authorization/rules/intelligence";
import { STATUS_LABELS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { ACTION_STATUS_LABELS, ACTION_STATUSES, OUTCOME_KIND_LABELS, STRAND_LABELS, STRANDS } from "~/modules/plans/labels";
import { THREAT_PRIORITIES, THREAT_PRIORITY_LABELS } from "~/modules/threats/labels";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { lastTwelveMonths, type Month } from "./months";

type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

/**
 * The dashboard: a few pictures per role. Every figure is an aggregate computed by the database
 * (GROUP BY / COUNT through Prisma) over rows the user may read (`accessibleWhere`), so a chart
 * never counts what its reader could not open. Monthly series are twelve bounded counts, one per
 * month, each an index range scan.
 */
export type Dashboard =
  | { kind: "police"; charts: PoliceCharts }
  | { kind: "partner"; organisationName: string; charts: PartnerCharts; overdueActions: number };

export interface PoliceCharts {
  threatsByPriority: ChartDatum[];
  newThreatsByMonth: ChartDatum[];
  intelligenceByArea: ChartDatum[];
  intelligenceByType: ChartDatum[];
  overdueActionsByStrand: ChartDatum[];
  outcomesByMonth: ChartDatum[];
  outcomesByKind: ChartDatum[];
}

export interface PartnerCharts {
  submissionsByMonth: ChartDatum[];
  submissionsByStatus: ChartDatum[];
  actionsByStatus: ChartDatum[];
  disseminationsByMonth: ChartDatum[];
}

/** Actions not finished whose due date has passed ("overdue" is computed, never stored). */
export function overdueWhere(now: Date): Prisma.PlanActionWhereInput {
  return { dueDate: { lt: now }, status: { in: ["NOT_STARTED", "IN_PROGRESS"] } };
}

function monthly(months: Month[], count: (month: Month) => Promise<number>): Promise<ChartDatum[]> {
  return Promise.all(months.map(async (month) => ({ label: month.label, axisLabel: month.axisLabel, value: await count(month) })));
}

function inMonth(month: Month) {
  return { gte: month.start, lt: month.end };
}

export async function loadDashboard(auth: Auth, now = clock.now()): Promise<Dashboard> {
  if (!auth.ability.can("read", "Dashboard")) {
    return deny(auth, { action: "dashboard.viewed", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  const dashboard = isPoliceUser(auth) ? await policeDashboard(auth, now) : await partnerDashboard(auth, now);
  await audit(auth.audit, { action: "dashboard.viewed", details: { view: dashboard.kind } });
  return dashboard;
}

async function policeDashboard(auth: Auth, now: Date): Promise<Dashboard> {
  const months = lastTwelveMonths(now);
  const since = months[0]!.start;
  const threats = accessibleWhere(auth.ability, "read", "Threat");
  const submissions = { AND: [accessibleWhere(auth.ability, "read", "Submission"), { status: { in: SUBMITTED_STATUSES }, submittedAt: { gte: since } }] };
  const outcomes = accessibleWhere(auth.ability, "read", "Outcome");

  const [byPriority, newThreatsByMonth, byArea, byType, overdue, outcomesByMonth, outcomesByKind] = await Promise.all([
    prisma.threat.groupBy({ by: ["priority"], where: { AND: [threats, { status: { not: "CLOSED" } }] }, _count: { _all: true } }),
    monthly(months, (month) => prisma.threat.count({ where: { AND: [threats, { createdAt: inMonth(month) }] } })),
    prisma.submission.groupBy({ by: ["areaId"], where: submissions, _count: { _all: true } }),
    prisma.submission.groupBy({ by: ["threatType"], where: submissions, _count: { _all: true } }),
    prisma.planAction.groupBy({
      by: ["strand"],
      where: { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), overdueWhere(now)] },
      _count: { _all: true },
    }),
    monthly(months, (month) => prisma.outcome.count({ where: { AND: [outcomes, { occurredOn: inMonth(month) }] } })),
    prisma.outcome.groupBy({ by: ["kind"], where: { AND: [outcomes, { occurredOn: { gte: since } }] }, _sum: { quantity: true } }),
  ]);

  // A handful of areas at most: one lookup for the names of those that appear.
  const areaIds = byArea.map((row) => row.areaId).filter((id): id is string => id !== null);
  const areas = await prisma.area.findMany({ where: { id: { in: areaIds } }, select: { id: true, name: true } });
  const areaName = new Map(areas.map((a) => [a.id, a.name]));

  const priorityCount = new Map(byPriority.map((row) => [row.priority, row._count._all]));
  const strandCount = new Map(overdue.map((row) => [row.strand, row._count._all]));
  return {
    kind: "police",
    charts: {
      threatsByPriority: [
        ...THREAT_PRIORITIES.map((p) => ({ label: THREAT_PRIORITY_LABELS[p], value: priorityCount.get(p) ?? 0 })),
        { label: "Not yet scored", value: priorityCount.get(null) ?? 0 },
      ],
      newThreatsByMonth,
      intelligenceByArea: byArea
        .map((row) => ({ label: row.areaId ? (areaName.get(row.areaId) ?? "Unknown area") : "No area given", value: row._count._all }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
      intelligenceByType: byType
        .map((row) => ({ label: row.threatType ? THREAT_TYPE_LABELS[row.threatType] : "Not given", value: row._count._all }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
      overdueActionsByStrand: STRANDS.map((s) => ({ label: STRAND_LABELS[s], value: strandCount.get(s) ?? 0 })),
      outcomesByMonth,
      outcomesByKind: outcomesByKind
        .map((row) => ({ label: OUTCOME_KIND_LABELS[row.kind], value: row._sum.quantity ?? 0 }))
        .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label)),
    },
  };
}

async function partnerDashboard(auth: Auth, now: Date): Promise<Dashboard> {
  const months = lastTwelveMonths(now);
  const since = months[0]!.start;
  const ownSubmissions = {
    AND: [accessibleWhere(auth.ability, "read", "Submission"), { organisationId: auth.user.organisationId, status: { in: SUBMITTED_STATUSES } }],
  };
  const ownActions = { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), { ownerOrganisationId: auth.user.organisationId }] };
  // What reached this organisation: an approved dissemination with it among the recipients.
  const received = {
    AND: [
      accessibleWhere(auth.ability, "read", "Dissemination"),
      { status: "APPROVED" as const, recipients: { some: { organisationId: auth.user.organisationId } } },
    ],
  };

  const [submissionsByMonth, byStatus, actionsByStatus, overdueActions, disseminationsByMonth, organisation] = await Promise.all([
    monthly(months, (month) => prisma.submission.count({ where: { AND: [ownSubmissions, { submittedAt: inMonth(month) }] } })),
    prisma.submission.groupBy({ by: ["status"], where: { AND: [ownSubmissions, { submittedAt: { gte: since } }] }, _count: { _all: true } }),
    prisma.planAction.groupBy({ by: ["status"], where: ownActions, _count: { _all: true } }),
    prisma.planAction.count({ where: { AND: [ownActions, overdueWhere(now)] } }),
    monthly(months, (month) => prisma.dissemination.count({ where: { AND: [received, { decidedAt: inMonth(month) }] } })),
    prisma.organisation.findUniqueOrThrow({ where: { id: auth.user.organisationId }, select: { name: true } }),
  ]);
  const statusCount = new Map(byStatus.map((row) => [row.status, row._count._all]));
  const actionCount = new Map(actionsByStatus.map((row) => [row.status, row._count._all]));
  return {
    kind: "partner",
    organisationName: organisation.name,
    overdueActions,
    charts: {
      submissionsByMonth,
      submissionsByStatus: SUBMITTED_STATUSES.map((s) => ({ label: STATUS_LABELS[s], value: statusCount.get(s) ?? 0 })),
      actionsByStatus: ACTION_STATUSES.map((s) => ({ label: ACTION_STATUS_LABELS[s], value: actionCount.get(s) ?? 0 })),
      disseminationsByMonth,
    },
  };
}

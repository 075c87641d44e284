import type { Prisma } from "~/generated/prisma/client";
import type { OutcomeKind } from "~/generated/prisma/enums";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import type { Auth } from "~/modules/intelligence/access.server";
import { ukLocalToUtc } from "~/utils/dates";
import { formTokenReused, type WriteResult } from "~/modules/plans/actions.server";
import { OUTCOME_LIST_ORDER, type OutcomeForm, type OutcomeListFilters } from "~/modules/plans/forms.server";
import { OUTCOME_KINDS } from "~/modules/plans/labels";
import { nextReference } from "~/modules/plans/references.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import { seekPage, seekQuery, type SeekParams } from "~/utils/keyset";
import { badRequest } from "~/utils/request.server";

/**
 * Outcomes of multi-agency work, recorded by police against a threat, an action or an area plan:
 * counted people, weapons, orders and disruptions (`quantity`), and money in pence (cash seized, or
 * drugs' estimated street value). Totals are summed in the database over the same filter as the list.
 */

export const OUTCOMES_PAGE_SIZE = 50;

/** The database filter for the list and its totals: the user's rules, then period, area and kind. */
export function outcomesWhere(auth: Auth, filters: Pick<OutcomeListFilters, "areaId" | "kind" | "from" | "to">): Prisma.OutcomeWhereInput {
  const from = filters.from ? ukLocalToUtc(filters.from, null) : null;
  const toDay = filters.to ? ukLocalToUtc(filters.to, null) : null;
  if ((filters.from && !from) || (filters.to && !toDay)) throw badRequest("The period is not a real date.");
  // "To" includes the whole of that UK day.
  const to = toDay ? ukLocalToUtc(new Date(toDay.getTime() + 36 * 3600_000).toISOString().slice(0, 10), null) : null;
  return {
    AND: [
      accessibleWhere(auth.ability, "read", "Outcome"),
      filters.areaId ? { areaId: filters.areaId } : {},
      filters.kind ? { kind: filters.kind } : {},
      from ? { occurredOn: { gte: from } } : {},
      to ? { occurredOn: { lt: to } } : {},
    ],
  };
}

export interface OutcomeTotal {
  kind: OutcomeKind;
  records: number;
  quantity: number;
  valuePence: bigint;
}

/** Totals by kind (every kind, zero where none), summed in the database. */
export async function outcomeTotals(where: Prisma.OutcomeWhereInput): Promise<OutcomeTotal[]> {
  const groups = await prisma.outcome.groupBy({ by: ["kind"], where, _sum: { quantity: true, valuePence: true }, _count: { _all: true } });
  return OUTCOME_KINDS.map((kind) => {
    const group = groups.find((g) => g.kind === kind);
    return {
      kind,
      records: group?._count._all ?? 0,
      quantity: group?._sum.quantity ?? 0,
      valuePence: group?._sum.valuePence ?? 0n,
    };
  });
}

export async function listOutcomes(auth: Auth, filters: OutcomeListFilters, page: SeekParams<Date>) {
  if (!auth.ability.can("read", "Outcome")) return deny(auth, { action: "outcome.listed", recordType: "Outcome", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const where = outcomesWhere(auth, filters);
  const query = seekQuery(OUTCOME_LIST_ORDER, page, OUTCOMES_PAGE_SIZE);
  const [rows, totals, areas] = await Promise.all([
    prisma.outcome.findMany({
      where: { AND: [where, query.where] },
      orderBy: query.orderBy,
      take: query.take,
      select: {
        id: true,
        reference: true,
        kind: true,
        occurredOn: true,
        quantity: true,
        valuePence: true,
        drugType: true,
        drugQuantityGrams: true,
        sentenceMonths: true,
        area: { select: { name: true } },
        threat: { select: { id: true, reference: true, title: true } },
        action: { select: { id: true, reference: true } },
        areaPlan: { select: { id: true, reference: true, name: true } },
      },
    }),
    outcomeTotals(where),
    prisma.area.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const result = seekPage(rows, OUTCOME_LIST_ORDER, page, OUTCOMES_PAGE_SIZE, (row) => row.occurredOn);
  await audit(auth.audit, {
    action: "outcome.listed",
    recordType: "Outcome",
    details: { count: result.items.length, areaId: filters.areaId ?? null, kind: filters.kind ?? null, from: filters.from ?? null, to: filters.to ?? null },
  });
  return { ...result, totals, areas };
}

/** What the form links an outcome to: areas, the force's threats, actions and area plans. */
export async function outcomeFormOptions(auth: Auth) {
  if (!auth.ability.can("create", "Outcome")) return deny(auth, { action: "outcome.recorded", recordType: "Outcome", reason: "ACTION_NOT_PERMITTED", status: 403 });
  // Pickers, not lists: bounded so a mistake stays cheap.
  const [areas, threats, actions, areaPlans] = await Promise.all([
    prisma.area.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.threat.findMany({ where: accessibleWhere(auth.ability, "read", "Threat"), select: { id: true, reference: true, title: true }, orderBy: { reference: "desc" }, take: 200 }),
    prisma.planAction.findMany({
      where: { AND: [accessibleWhere(auth.ability, "update", "PlanAction"), { status: { not: "CANCELLED" } }] },
      select: { id: true, reference: true, title: true },
      orderBy: { reference: "desc" },
      take: 200,
    }),
    prisma.areaPlan.findMany({ where: accessibleWhere(auth.ability, "update", "AreaPlan"), select: { id: true, reference: true, name: true }, orderBy: { reference: "desc" }, take: 200 }),
  ]);
  return { areas, threats, actions, areaPlans };
}

/**
 * Records an outcome for the user's force. What it is linked to is read inside the transaction
 * through the user's rules (a threat, action or area plan of another force cannot be named).
 */
export async function recordOutcome(auth: Auth, form: OutcomeForm, location = "/outcomes?recorded=1"): Promise<WriteResult> {
  const now = clock.now();
  const result = await prisma.$transaction(async (tx): Promise<WriteResult | null> => {
    if (!auth.ability.can("create", "Outcome")) return null;
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, location);
    if (!claim.firstUse) return formTokenReused(claim.location);
    // One at a time: a transaction is one connection, which runs one query at a time.
    const threat = form.threatId ? await tx.threat.findFirst({ where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: form.threatId }] }, select: { id: true } }) : null;
    const action = form.actionId ? await tx.planAction.findFirst({ where: { AND: [accessibleWhere(auth.ability, "update", "PlanAction"), { id: form.actionId }] }, select: { id: true } }) : null;
    const areaPlan = form.areaPlanId ? await tx.areaPlan.findFirst({ where: { AND: [accessibleWhere(auth.ability, "update", "AreaPlan"), { id: form.areaPlanId }] }, select: { id: true } }) : null;
    const area = await tx.area.findUnique({ where: { id: form.areaId }, select: { id: true } });
    const errors: Record<string, string> = {};
    if (form.threatId && !threat) errors.threatId = "Select a threat from the list";
    if (form.actionId && !action) errors.actionId = "Select an action from the list";
    if (form.areaPlanId && !areaPlan) errors.areaPlanId = "Select an area plan from the list";
    if (!area) errors.areaId = "Select the area";
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const reference = await nextReference(tx, "OUT", now);
    const outcome = await tx.outcome.create({
      data: {
        reference,
        kind: form.kind,
        occurredOn: form.occurredOn,
        quantity: form.quantity,
        valuePence: form.valuePence,
        drugType: form.kind === "DRUGS_SEIZED" ? form.drugType : null,
        drugQuantityGrams: form.kind === "DRUGS_SEIZED" ? (form.drugQuantityGrams ?? null) : null,
        sentenceMonths: form.kind === "CONVICTION" ? (form.sentenceMonths ?? null) : null,
        description: form.description,
        areaId: form.areaId,
        threatId: threat?.id ?? null,
        actionId: action?.id ?? null,
        areaPlanId: areaPlan?.id ?? null,
        organisationId: auth.user.organisationId,
        recordedById: auth.user.id,
        createdAt: now,
      },
      select: { id: true },
    });
    const allowed = await tx.outcome.findFirst({ where: { AND: [accessibleWhere(auth.ability, "create", "Outcome"), { id: outcome.id }] }, select: { id: true } });
    if (!allowed) throw new Error("An outcome was recorded outside the recorder's rules");
    await recordAuditEvent(tx, auth.audit, {
      action: "outcome.recorded",
      recordType: "Outcome",
      recordId: outcome.id,
      recordOrganisationId: auth.user.organisationId,
      details: {
        reference,
        kind: form.kind,
        quantity: form.quantity,
        valuePence: form.valuePence === null ? null : form.valuePence.toString(),
        areaId: form.areaId,
        threatId: threat?.id ?? null,
        actionId: action?.id ?? null,
        areaPlanId: areaPlan?.id ?? null,
      },
    });
    return { ok: true, location };
  });
  if (!result) return deny(auth, { action: "outcome.recorded", recordType: "Outcome", reason: "ACTION_NOT_PERMITTED", status: 403 });
  return result;
}

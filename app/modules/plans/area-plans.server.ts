import type { Prisma } from "~/generated/prisma/client";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import type { Auth } from "~/modules/intelligence/access.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import type { FieldErrors } from "~/utils/forms.server";
import { keysetPage, keysetQuery, type KeysetParams } from "~/utils/keyset";
import { actionOwnerOptions, actionOwnersWhere, byStrand, formTokenReused, isPlanner, type WriteResult } from "./actions.server";
import { isOverdue } from "./dates";
import type { AreaPlanForm, PhaseForm } from "./forms.server";
import { nextReference } from "./references.server";
import type { ChbPhase } from "~/generated/prisma/enums";

/**
 * Clear, Hold, Build area plans: a neighbourhood, its phase and phase dates, the partners involved,
 * actions, milestones and the threats it targets. Police plan (rules/plans.ts); involved partners
 * read while their agreement with the force is in force.
 */

export const AREA_PLANS_PAGE_SIZE = 25;

type Tx = Prisma.TransactionClient;

export async function listAreaPlans(auth: Auth, page: KeysetParams) {
  if (!auth.ability.can("read", "AreaPlan")) return deny(auth, { action: "area_plan.listed", recordType: "AreaPlan", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const query = keysetQuery("reference", page, AREA_PLANS_PAGE_SIZE);
  const rows = await prisma.areaPlan.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "AreaPlan"), query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: {
      id: true,
      reference: true,
      name: true,
      neighbourhood: true,
      phase: true,
      area: { select: { name: true } },
      leadOrganisation: { select: { name: true } },
    },
  });
  const result = keysetPage(rows, page, AREA_PLANS_PAGE_SIZE, (row) => row.reference);
  await audit(auth.audit, { action: "area_plan.listed", recordType: "AreaPlan", details: { count: result.items.length } });
  return result;
}

/** What the new-plan form offers: areas, partners with an agreement in force, the force's threats. */
export async function areaPlanFormOptions(auth: Auth) {
  if (!auth.ability.can("create", "AreaPlan")) return deny(auth, { action: "area_plan.created", recordType: "AreaPlan", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const force = auth.user.organisationId;
  const [areas, partners, threats] = await Promise.all([
    prisma.area.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    actionOwnerOptions(force).then((owners) => owners.filter((o) => o.id !== force)),
    // A picker, not a list: a force has tens of open threats; the bound keeps a mistake cheap.
    prisma.threat.findMany({
      where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { status: { not: "CLOSED" } }] },
      select: { id: true, reference: true, title: true },
      orderBy: { reference: "asc" },
      take: 200,
    }),
  ]);
  return { areas, partners, threats };
}

/** Creates a plan led by the user's force, with its partners and threats checked in the transaction. */
export async function createAreaPlan(auth: Auth, form: AreaPlanForm): Promise<WriteResult> {
  const now = clock.now();
  const force = auth.user.organisationId;
  return prisma.$transaction(async (tx): Promise<WriteResult> => {
    const reference = await nextReference(tx, "CHB", now);
    const location = `/area-plans/${reference}`;
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, location);
    if (!claim.firstUse) return formTokenReused(claim.location);
    const errors: FieldErrors = {};
    const partners = await tx.organisation.findMany({
      where: { AND: [{ id: { in: form.partnerIds } }, { id: { not: force } }, actionOwnersWhere(force, now)] },
      select: { id: true },
    });
    if (partners.length !== new Set(form.partnerIds).size) errors.partnerIds = "Select partners with an agreement in force with your force";
    const threats = await tx.threat.findMany({
      where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: { in: form.threatIds } }] },
      select: { id: true },
    });
    if (threats.length !== new Set(form.threatIds).size) errors.threatIds = "Select threats from the list";
    const area = await tx.area.findUnique({ where: { id: form.areaId }, select: { id: true } });
    if (!area) errors.areaId = "Select the area";
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const plan = await tx.areaPlan.create({
      data: {
        reference,
        name: form.name,
        neighbourhood: form.neighbourhood,
        areaId: form.areaId,
        leadOrganisationId: force,
        phase: form.phase,
        clearStart: form.clearStart,
        holdStart: form.holdStart,
        buildStart: form.buildStart,
        endDate: form.endDate,
        summary: form.summary,
        partners: { connect: partners.map((p) => ({ id: p.id })) },
        threats: { connect: threats.map((t) => ({ id: t.id })) },
        createdById: auth.user.id,
        createdAt: now,
      },
      select: { id: true },
    });
    const allowed = await tx.areaPlan.findFirst({ where: { AND: [accessibleWhere(auth.ability, "create", "AreaPlan"), { id: plan.id }] }, select: { id: true } });
    if (!allowed) throw new Error("An area plan was created outside the creator's rules");
    await tx.usedFormToken.update({ where: { token: form.formToken }, data: { location: `/area-plans/${plan.id}?created=1` } });
    await recordAuditEvent(tx, auth.audit, {
      action: "area_plan.created",
      recordType: "AreaPlan",
      recordId: plan.id,
      recordOrganisationId: force,
      details: { reference, areaId: form.areaId, phase: form.phase, partnerIds: partners.map((p) => p.id), threatIds: threats.map((t) => t.id) },
    });
    return { ok: true, location: `/area-plans/${plan.id}?created=1` };
  });
}

const PHASE_ORDER: ChbPhase[] = ["PLANNING", "CLEAR", "HOLD", "BUILD", "COMPLETE"];

/** One plan with its actions, milestones, partners and threats. Audited. */
export async function areaPlanDetail(auth: Auth, id: string) {
  const plan = await prisma.areaPlan.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "AreaPlan"), { id }] },
    select: {
      id: true,
      reference: true,
      name: true,
      neighbourhood: true,
      phase: true,
      clearStart: true,
      holdStart: true,
      buildStart: true,
      endDate: true,
      summary: true,
      leadOrganisationId: true,
      area: { select: { name: true } },
      leadOrganisation: { select: { name: true } },
      partners: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      milestones: { select: { id: true, phase: true, title: true, dueDate: true, achievedAt: true }, orderBy: [{ dueDate: "asc" }, { id: "asc" }] },
    },
  });
  if (!plan) return deny(auth, { action: "area_plan.viewed", recordType: "AreaPlan", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  const now = clock.now();
  const planner = auth.ability.can("update", "AreaPlan") && isPlanner(auth);
  const [actions, threats] = await Promise.all([
    prisma.planAction.findMany({
      where: { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), { areaPlanId: id }] },
      select: { id: true, reference: true, strand: true, title: true, status: true, dueDate: true, result: true, ownerOrganisation: { select: { id: true, name: true } } },
      orderBy: [{ dueDate: "asc" }, { reference: "asc" }],
    }),
    // Partners see that the plan targets threats, never which: only planners get the threats' titles.
    planner
      ? prisma.threat.findMany({
          where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { areaPlans: { some: { id } } }] },
          select: { id: true, reference: true, title: true },
          orderBy: { reference: "asc" },
        })
      : Promise.resolve([]),
  ]);
  await audit(auth.audit, {
    action: "area_plan.viewed",
    recordType: "AreaPlan",
    recordId: plan.id,
    recordOrganisationId: plan.leadOrganisationId,
    details: { reference: plan.reference, actions: actions.length },
  });
  return {
    plan: {
      ...plan,
      milestones: plan.milestones.map((m) => ({ ...m, overdue: !m.achievedAt && isOverdue({ dueDate: m.dueDate, status: "OPEN" }, now) })),
    },
    strands: byStrand(actions.map((a) => ({ ...a, overdue: isOverdue(a, now) }))),
    threats,
    planner,
    owners: planner ? await actionOwnerOptions(plan.leadOrganisationId, now) : [],
  };
}

function updatablePlan(tx: Tx, auth: Auth, id: string) {
  return tx.areaPlan.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "update", "AreaPlan"), { id }] },
    select: { id: true, reference: true, phase: true, leadOrganisationId: true, clearStart: true, holdStart: true, buildStart: true, endDate: true },
  });
}

/** Moves the plan to a phase and sets its phase dates (police). */
export async function changePhase(auth: Auth, id: string, form: PhaseForm): Promise<void> {
  const now = clock.now();
  const done = await prisma.$transaction(async (tx) => {
    const plan = await updatablePlan(tx, auth, id);
    if (!plan) return false;
    await tx.areaPlan.update({
      where: { id },
      data: { phase: form.phase, clearStart: form.clearStart, holdStart: form.holdStart, buildStart: form.buildStart, endDate: form.endDate, updatedAt: now },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "area_plan.updated",
      recordType: "AreaPlan",
      recordId: id,
      recordOrganisationId: plan.leadOrganisationId,
      details: {
        reference: plan.reference,
        phase: { old: plan.phase, new: form.phase },
        movedForward: PHASE_ORDER.indexOf(form.phase) > PHASE_ORDER.indexOf(plan.phase),
      },
    });
    return true;
  });
  if (!done) await deny(auth, { action: "area_plan.updated", recordType: "AreaPlan", recordId: id, reason: "RECORD_NOT_VISIBLE" });
}

export async function addMilestone(
  auth: Auth,
  id: string,
  form: { formToken: string; milestonePhase: ChbPhase; milestoneTitle: string; milestoneDue: Date },
  location: string,
): Promise<WriteResult> {
  const result = await prisma.$transaction(async (tx): Promise<WriteResult | null> => {
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, location);
    if (!claim.firstUse) return formTokenReused(claim.location);
    const plan = await updatablePlan(tx, auth, id);
    if (!plan || !auth.ability.can("create", "AreaPlanMilestone")) return null;
    const milestone = await tx.areaPlanMilestone.create({
      data: { areaPlanId: id, phase: form.milestonePhase, title: form.milestoneTitle, dueDate: form.milestoneDue },
      select: { id: true },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "area_plan.milestone_added",
      recordType: "AreaPlan",
      recordId: id,
      recordOrganisationId: plan.leadOrganisationId,
      details: { milestoneId: milestone.id, phase: form.milestonePhase, dueDate: form.milestoneDue.toISOString() },
    });
    return { ok: true, location };
  });
  if (!result) return deny(auth, { action: "area_plan.milestone_added", recordType: "AreaPlan", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return result;
}

/** Marks a milestone achieved now (police). */
export async function achieveMilestone(auth: Auth, id: string, milestoneId: string): Promise<boolean> {
  const now = clock.now();
  const outcome = await prisma.$transaction(async (tx) => {
    const milestone = await tx.areaPlanMilestone.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "update", "AreaPlanMilestone"), { id: milestoneId, areaPlanId: id }] },
      select: { id: true, achievedAt: true, areaPlan: { select: { leadOrganisationId: true } } },
    });
    if (!milestone) return "refused" as const;
    if (milestone.achievedAt) return "already" as const;
    await tx.areaPlanMilestone.update({ where: { id: milestoneId }, data: { achievedAt: now } });
    await recordAuditEvent(tx, auth.audit, {
      action: "area_plan.milestone_achieved",
      recordType: "AreaPlan",
      recordId: id,
      recordOrganisationId: milestone.areaPlan.leadOrganisationId,
      details: { milestoneId },
    });
    return "done" as const;
  });
  if (outcome === "refused") await deny(auth, { action: "area_plan.milestone_achieved", recordType: "AreaPlan", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return outcome === "done";
}

/** Before a form is read: may the user change this plan? (404 otherwise, as for a plan not shown.) */
export async function requireUpdatablePlan(auth: Auth, id: string): Promise<void> {
  const plan = await prisma.areaPlan.findFirst({ where: { AND: [accessibleWhere(auth.ability, "update", "AreaPlan"), { id }] }, select: { id: true } });
  if (!plan) {
    const readable = await prisma.areaPlan.findFirst({ where: { AND: [accessibleWhere(auth.ability, "read", "AreaPlan"), { id }] }, select: { id: true } });
    // An involved partner knows the plan exists: 403; anyone else is told nothing: 404.
    await deny(auth, { action: "area_plan.updated", recordType: "AreaPlan", recordId: id, reason: readable ? "ACTION_NOT_PERMITTED_ON_RECORD" : "RECORD_NOT_VISIBLE", status: readable ? 403 : 404 });
  }
}

import type { Prisma } from "~/generated/prisma/client";
import { agreementsInForceForOrganisationWhere } from "~/modules/agreements/access.server";
import { recordAuditEvent, audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import type { Auth } from "~/modules/intelligence/access.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import type { FieldErrors } from "~/utils/forms.server";
import { seekPage, seekQuery, type SeekParams } from "~/utils/keyset";
import { isOverdue, startOfUkDay } from "./dates";
import { ACTION_LIST_ORDER, type ActionListFilters, type EditActionForm, type NewActionForm, type ProgressForm } from "./forms.server";
import { nextReference } from "./references.server";
import { STRANDS } from "./labels";

/**
 * 4P plan actions: on a threat's plan or on a Clear, Hold, Build area plan. Who may see and change
 * which action is decided in authorization/rules/plans.ts; every read here filters with those rules
 * in the database, and every write reads its action again through them inside its transaction.
 */

type Tx = Prisma.TransactionClient;

export const ACTIONS_PAGE_SIZE = 25;

/** Who plans: police who may create actions get the planner's view and forms. */
export function isPlanner(auth: Auth): boolean {
  return auth.ability.can("create", "PlanAction");
}

/**
 * The organisations that may own an action of a force: the force itself, and every organisation
 * party to an agreement in force with it now.
 */
export function actionOwnersWhere(forceId: string, now: Date): Prisma.OrganisationWhereInput {
  return {
    OR: [{ id: forceId }, { agreementParties: { some: { agreement: { is: agreementsInForceForOrganisationWhere(forceId, now) } } } }],
  };
}

export function actionOwnerOptions(forceId: string, now = clock.now()) {
  return prisma.organisation.findMany({ where: actionOwnersWhere(forceId, now), select: { id: true, name: true }, orderBy: { name: "asc" } });
}

const actionRowSelect = {
  id: true,
  reference: true,
  strand: true,
  title: true,
  status: true,
  dueDate: true,
  result: true,
  ownerOrganisation: { select: { id: true, name: true } },
} satisfies Prisma.PlanActionSelect;

type ActionRow = Prisma.PlanActionGetPayload<{ select: typeof actionRowSelect }>;

function withOverdue<T extends ActionRow>(rows: T[], now: Date) {
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, now) }));
}

/** The actions of a plan grouped by strand, in due-date order (a plan is read as a whole). */
export function byStrand<T extends { strand: ActionRow["strand"] }>(rows: T[]) {
  return STRANDS.map((strand) => ({ strand, actions: rows.filter((row) => row.strand === strand) }));
}

/** Open actions whose due day has passed (UK calendar), as a database filter. */
export function overdueWhere(now: Date): Prisma.PlanActionWhereInput {
  return { status: { in: ["NOT_STARTED", "IN_PROGRESS"] }, dueDate: { lt: startOfUkDay(now) } };
}

/** A threat the user may plan against, read through the threat rules. */
function plannableThreat(client: Tx | typeof prisma, auth: Auth, threatId: string) {
  return client.threat.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: threatId }] },
    select: { id: true, reference: true, title: true, kind: true, status: true, organisationId: true, areas: { select: { name: true }, orderBy: { name: "asc" } } },
  });
}

/** A threat's 4P plan (police analysts and supervisors of the threat's force). */
export async function threatPlan(auth: Auth, threatId: string) {
  if (!isPlanner(auth)) return deny(auth, { action: "threat_plan.viewed", recordType: "Threat", recordId: threatId, reason: "ACTION_NOT_PERMITTED", status: 403 });
  const threat = await plannableThreat(prisma, auth, threatId);
  if (!threat) return deny(auth, { action: "threat_plan.viewed", recordType: "Threat", recordId: threatId, reason: "RECORD_NOT_VISIBLE" });
  const now = clock.now();
  const actions = await prisma.planAction.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), { threatId }] },
    select: actionRowSelect,
    orderBy: [{ dueDate: "asc" }, { reference: "asc" }],
  });
  await audit(auth.audit, {
    action: "threat_plan.viewed",
    recordType: "Threat",
    recordId: threat.id,
    justification: "THREAT_ASSESSMENT",
    details: { actions: actions.length },
  });
  return { threat, strands: byStrand(withOverdue(actions, now)), owners: await actionOwnerOptions(threat.organisationId, now) };
}

export type ActionParent = { threatId: string } | { areaPlanId: string };

export type WriteResult = { ok: true; location: string } | { ok: false; errors: FieldErrors };

/**
 * Adds an action to a threat's plan or an area plan (police). The parent and the owner organisation
 * are checked inside the transaction, and the new action is read back through the create rule
 * before the transaction commits.
 */
export async function createAction(auth: Auth, parent: ActionParent, form: NewActionForm, location: string): Promise<WriteResult | null> {
  const now = clock.now();
  return prisma.$transaction(async (tx): Promise<WriteResult | null> => {
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, location);
    if (!claim.firstUse) return formTokenReused(claim.location);
    const forceId =
      "threatId" in parent
        ? (await plannableThreat(tx, auth, parent.threatId))?.organisationId
        : (
            await tx.areaPlan.findFirst({
              where: { AND: [accessibleWhere(auth.ability, "update", "AreaPlan"), { id: parent.areaPlanId }] },
              select: { leadOrganisationId: true },
            })
          )?.leadOrganisationId;
    if (!forceId) return null;
    const owner = await tx.organisation.findFirst({ where: { AND: [{ id: form.ownerOrganisationId }, actionOwnersWhere(forceId, now)] }, select: { id: true } });
    if (!owner) {
      return { ok: false, errors: { ownerOrganisationId: "Select the police force or a partner with an agreement in force" } };
    }
    const created = await tx.planAction.create({
      data: {
        reference: await nextReference(tx, "ACT", now),
        ...parent,
        strand: form.strand,
        title: form.title,
        description: form.description,
        ownerOrganisationId: owner.id,
        dueDate: form.dueDate,
        createdById: auth.user.id,
        createdAt: now,
      },
      select: { id: true, reference: true },
    });
    const allowed = await tx.planAction.findFirst({ where: { AND: [accessibleWhere(auth.ability, "create", "PlanAction"), { id: created.id }] }, select: { id: true } });
    if (!allowed) throw new PlanWriteRefused();
    await recordAuditEvent(tx, auth.audit, {
      action: "plan_action.created",
      recordType: "PlanAction",
      recordId: created.id,
      recordOrganisationId: forceId,
      details: { reference: created.reference, ...parent, strand: form.strand, ownerOrganisationId: owner.id, dueDate: form.dueDate.toISOString() },
    });
    return { ok: true, location };
  }).catch((error: unknown) => {
    if (error instanceof PlanWriteRefused) return null;
    throw error;
  });
}

/** A repeat of a form already sent goes where the first went; someone else's token is an expired form. */
export function formTokenReused(location: string | null): WriteResult {
  return location ? { ok: true, location } : { ok: false, errors: { form: "This form has expired. Reload the page and try again." } };
}

/** Thrown inside a transaction to roll it back when the re-check refuses the write. */
class PlanWriteRefused extends Error {}

const actionDetailSelect = {
  ...actionRowSelect,
  description: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  ownerOrganisationId: true,
  threatId: true,
  areaPlanId: true,
  // The partner-safe share of a threat (never linked intelligence, entities or assessments).
  threat: { select: { reference: true, title: true, kind: true, status: true, organisationId: true, areas: { select: { name: true }, orderBy: { name: "asc" } } } },
  areaPlan: { select: { reference: true, name: true, neighbourhood: true, phase: true, leadOrganisationId: true, area: { select: { name: true } } } },
} satisfies Prisma.PlanActionSelect;

type ActionDetailRow = Prisma.PlanActionGetPayload<{ select: typeof actionDetailSelect }>;

function forceOf(action: Pick<ActionDetailRow, "threat" | "areaPlan">): string | null {
  return action.threat?.organisationId ?? action.areaPlan?.leadOrganisationId ?? null;
}

/** One action, for its owner organisation's people and the force's planners. Audited. */
export async function actionDetail(auth: Auth, id: string) {
  const action = await prisma.planAction.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "PlanAction"), { id }] },
    select: actionDetailSelect,
  });
  if (!action) return deny(auth, { action: "plan_action.viewed", recordType: "PlanAction", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, {
    action: "plan_action.viewed",
    recordType: "PlanAction",
    recordId: action.id,
    recordOrganisationId: forceOf(action),
    details: { reference: action.reference, threatId: action.threatId, areaPlanId: action.areaPlanId },
  });
  const planner = isPlanner(auth);
  const threatShare = action.threat
    ? { title: action.threat.title, kind: action.threat.kind, status: action.threat.status, areas: action.threat.areas }
    : null;
  return {
    action: {
      ...action,
      threat: threatShare,
      // Only planners follow the link to the threat (partners see its share here, never the record).
      threatId: planner ? action.threatId : null,
      // For the download of the actions on this threat the user may export (a partner: its own only).
      planExportThreatId: action.threatId && auth.ability.can("export", "PlanAction") ? action.threatId : null,
      overdue: isOverdue(action, clock.now()),
    },
    planner,
    owners: planner ? await actionOwnerOptions(forceOf(action) ?? "", clock.now()) : [],
  };
}

/** The action as the user may change it, read inside the transaction through the update rule. */
function updatableAction(tx: Tx, auth: Auth, id: string) {
  return tx.planAction.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "update", "PlanAction"), { id }] },
    select: actionDetailSelect,
  });
}

function completedAtFor(status: string, previous: Date | null, now: Date): Date | null {
  if (status !== "COMPLETED") return null;
  return previous ?? now;
}

/**
 * Status and result: what the owner organisation's people change (and planners too). The update
 * rule is re-checked inside the transaction, so an agreement suspended a moment ago stops it.
 * Returns false when the action is not the user's to update.
 */
export async function recordProgress(auth: Auth, id: string, form: ProgressForm): Promise<boolean> {
  const now = clock.now();
  const done = await prisma.$transaction(async (tx) => {
    const action = await updatableAction(tx, auth, id);
    if (!action) return false;
    await tx.planAction.update({
      where: { id },
      data: { status: form.status, result: form.result, completedAt: completedAtFor(form.status, action.completedAt, now), updatedAt: now },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "plan_action.updated",
      recordType: "PlanAction",
      recordId: id,
      recordOrganisationId: forceOf(action),
      details: {
        reference: action.reference,
        status: { old: action.status, new: form.status },
        resultChanged: action.result !== form.result,
      },
    });
    return true;
  });
  if (!done) await deny(auth, { action: "plan_action.updated", recordType: "PlanAction", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return done;
}

/** Every field of an action (planners). Returns field errors, or null when done. */
export async function editAction(auth: Auth, id: string, form: EditActionForm): Promise<FieldErrors | null> {
  const now = clock.now();
  const result = await prisma.$transaction(async (tx) => {
    const action = await updatableAction(tx, auth, id);
    if (!action || !isPlanner(auth)) return "refused" as const;
    const forceId = forceOf(action)!;
    const owner = await tx.organisation.findFirst({ where: { AND: [{ id: form.ownerOrganisationId }, actionOwnersWhere(forceId, now)] }, select: { id: true } });
    if (!owner) return { ownerOrganisationId: "Select the police force or a partner with an agreement in force" };
    await tx.planAction.update({
      where: { id },
      data: {
        strand: form.strand,
        title: form.title,
        description: form.description,
        ownerOrganisationId: owner.id,
        dueDate: form.dueDate,
        status: form.status,
        result: form.result,
        completedAt: completedAtFor(form.status, action.completedAt, now),
        updatedAt: now,
      },
    });
    const changed: Record<string, { old: string | null; new: string | null }> = {};
    const compare = (key: string, old: string | null, next: string | null) => {
      if (old !== next) changed[key] = { old, new: next };
    };
    compare("strand", action.strand, form.strand);
    compare("ownerOrganisationId", action.ownerOrganisationId, owner.id);
    compare("dueDate", action.dueDate.toISOString(), form.dueDate.toISOString());
    compare("status", action.status, form.status);
    await recordAuditEvent(tx, auth.audit, {
      action: "plan_action.updated",
      recordType: "PlanAction",
      recordId: id,
      recordOrganisationId: forceId,
      details: { reference: action.reference, ...changed, titleChanged: action.title !== form.title, resultChanged: action.result !== form.result },
    });
    return null;
  });
  if (result === "refused") await deny(auth, { action: "plan_action.updated", recordType: "PlanAction", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return result === "refused" ? null : result;
}

/**
 * The actions the user's organisation works on: partners those assigned to their organisation,
 * police their force's. Keyset-paged soonest due first; overdue ones are marked (and can be filtered).
 */
export async function listActions(auth: Auth, filters: ActionListFilters, page: SeekParams<Date>) {
  if (!auth.ability.can("read", "PlanAction")) return deny(auth, { action: "plan_action.listed", recordType: "PlanAction", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const now = clock.now();
  const query = seekQuery(ACTION_LIST_ORDER, page, ACTIONS_PAGE_SIZE);
  const rows = await prisma.planAction.findMany({
    where: {
      AND: [
        accessibleWhere(auth.ability, "read", "PlanAction"),
        filters.status ? { status: filters.status } : {},
        filters.strand ? { strand: filters.strand } : {},
        filters.overdue ? overdueWhere(now) : {},
        query.where,
      ],
    },
    orderBy: query.orderBy,
    take: query.take,
    select: {
      ...actionRowSelect,
      threat: { select: { title: true } },
      areaPlan: { select: { name: true } },
    },
  });
  const result = seekPage(withOverdue(rows, now), ACTION_LIST_ORDER, page, ACTIONS_PAGE_SIZE, (row) => row.dueDate);
  await audit(auth.audit, {
    action: "plan_action.listed",
    recordType: "PlanAction",
    details: { count: result.items.length, status: filters.status ?? null, strand: filters.strand ?? null, overdue: filters.overdue },
  });
  return result;
}

/**
 * Before a form is read: may the user act on this action at all? Refusals answer as the page does
 * (404 for an action they cannot change), so a refused user never sees field errors.
 * `planning` asks for the planner's edit (every field), not just progress.
 */
export async function requireUpdatableAction(auth: Auth, id: string, planning: boolean): Promise<void> {
  const visible = await prisma.planAction.findFirst({ where: { AND: [accessibleWhere(auth.ability, "update", "PlanAction"), { id }] }, select: { id: true } });
  if (!visible) await deny(auth, { action: "plan_action.updated", recordType: "PlanAction", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  if (planning && !isPlanner(auth)) await deny(auth, { action: "plan_action.updated", recordType: "PlanAction", recordId: id, reason: "ACTION_NOT_PERMITTED_ON_RECORD", status: 403 });
}

/** Before a form is read: may the user add actions to this threat's plan? */
export async function requirePlannableThreat(auth: Auth, threatId: string): Promise<void> {
  if (!isPlanner(auth)) await deny(auth, { action: "plan_action.created", recordType: "Threat", recordId: threatId, reason: "ACTION_NOT_PERMITTED", status: 403 });
  if (!(await plannableThreat(prisma, auth, threatId))) await deny(auth, { action: "plan_action.created", recordType: "Threat", recordId: threatId, reason: "RECORD_NOT_VISIBLE" });
}

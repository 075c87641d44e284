import { randomUUID } from "node:crypto";
import { subject } from "@casl/ability";
import type { Prisma, ThreatKind, ThreatPriority, ThreatStatus } from "~/generated/prisma/client";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import type { AuditAction } from "~/modules/audit/actions";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { summariseEntities } from "~/modules/intelligence/entities";
import { normaliseIdentifier } from "~/modules/intelligence/normalise";
import { threatReference } from "~/modules/intelligence/workflow";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import { seekPage, seekQuery, type SeekParams } from "~/utils/keyset";
import { THREAT_LIST_ORDER, type AddEntityData, type ScoreFormData, type ThreatFormData, type UpdateEntityData } from "./forms.server";
import { ENTITY_KIND_LABELS, STATUS_LABELS } from "~/modules/intelligence/labels";
import { PERSON_PART_LABELS } from "./labels";
import { CHART_HEIGHT, CHART_WIDTH, layoutNetwork, type ChartEdge, type ChartNode } from "./link-chart";
import { scoreThreat } from "./scoring";

/**
 * Threat records: an organised crime group, county line, network or problem location, with its
 * areas, status, lead analyst, linked intelligence and entities, and its MoRiLE scorings.
 * Who may do what is decided in authorization/rules/threats.ts; every read and change is audited.
 * The whole record is police-only: a partner's share is `partnerThreatShareSelect` (fields.ts).
 */

export type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

/** A change refused for a reason the user can fix; the route shows it beside `field`. */
export class ThreatRefused extends Error {
  constructor(
    message: string,
    readonly field = "form",
  ) {
    super(message);
  }
}

export const THREATS_PAGE_SIZE = 25;

/** Linked intelligence shown on one threat: bounded, newest first, as the correlation panel is. */
const LINKED_INTELLIGENCE_LIMIT = 200;

/**
 * The whole record (linked intelligence, entities, assessments) is readable only where a rule
 * grants every field: a partner's rule grants the share fields alone (rules/threats.ts).
 */
function mayReadWholeThreat(auth: Auth, threat?: { id: string; organisationId: string }): boolean {
  return threat ? auth.ability.can("read", subject("Threat", threat as never), "assessments") : auth.ability.can("read", "Threat", "assessments");
}

/** The list's gate: police roles that work on threats; every other role is refused (403, the area is known). */
async function requireThreatWorker(auth: Auth, attempted: AuditAction) {
  if (!mayReadWholeThreat(auth)) await deny(auth, { action: attempted, recordType: "Threat", reason: "ACTION_NOT_PERMITTED", status: 403 });
}

// ─── List ────────────────────────────────────────────────────────────────────

export interface ThreatFilters {
  status?: ThreatStatus;
  priority?: ThreatPriority;
  kind?: ThreatKind;
}

/** The list's filters as a database condition (the list page and its export share them). */
export function threatFiltersWhere(filters: ThreatFilters): Prisma.ThreatWhereInput {
  const where: Prisma.ThreatWhereInput = {};
  if (filters.status) where.status = filters.status;
  if (filters.priority) where.priority = filters.priority;
  if (filters.kind) where.kind = filters.kind;
  return where;
}

/** The force's threats a page at a time, most recently updated first, filtered in the database. */
export async function listThreats(auth: Auth, filters: ThreatFilters = {}, page: SeekParams<Date> = { direction: "after", cursor: null }) {
  await requireThreatWorker(auth, "threat.listed");
  const query = seekQuery(THREAT_LIST_ORDER, page, THREATS_PAGE_SIZE);
  const rows = await prisma.threat.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), threatFiltersWhere(filters), query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: {
      id: true,
      reference: true,
      title: true,
      kind: true,
      threatType: true,
      status: true,
      priority: true,
      priorityScore: true,
      createdAt: true,
      updatedAt: true,
      leadAnalyst: { select: { name: true } },
      areas: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  const result = seekPage(rows, THREAT_LIST_ORDER, page, THREATS_PAGE_SIZE, (row) => row.updatedAt);
  // Counted through the access rule (records the user cannot see are not even counted), for this
  // page's threats only: a `_count` in the select would group every linked submission in the table.
  const counts = result.items.length
    ? await prisma.submission.groupBy({
        by: ["threatId"],
        where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { threatId: { in: result.items.map((t) => t.id) } }] },
        _count: { _all: true },
      })
    : [];
  const linked = new Map(counts.map((c) => [c.threatId, c._count._all]));
  await audit(auth.audit, {
    action: "threat.listed",
    recordType: "Threat",
    details: {
      count: result.items.length,
      ids: result.items.map((t) => t.id),
      filters: { status: filters.status ?? null, priority: filters.priority ?? null, kind: filters.kind ?? null },
    },
  });
  return { ...result, items: result.items.map((t) => ({ ...t, linkedSubmissions: linked.get(t.id) ?? 0 })) };
}

// ─── One threat ──────────────────────────────────────────────────────────────

/** The threat if the user may read all of it; otherwise a logged 404 (existence not disclosed). */
async function findReadable(auth: Auth, id: string, attempted: AuditAction) {
  const row = await prisma.threat.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id }] },
    select: { id: true, organisationId: true },
  });
  if (!row || !mayReadWholeThreat(auth, row)) return deny(auth, { action: attempted, recordType: "Threat", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return row;
}

const entitySelect = {
  id: true,
  kind: true,
  displayValue: true,
  normalisedValue: true,
  part: true,
  vulnerabilityFlags: true,
  notes: true,
  createdAt: true,
} satisfies Prisma.ThreatEntitySelect;

/** The threat's own fields, as the threat page and the edit pages show them. */
const threatFieldsSelect = {
  reference: true,
  title: true,
  kind: true,
  threatType: true,
  status: true,
  classification: true,
  summary: true,
  priority: true,
  priorityScore: true,
} satisfies Prisma.ThreatSelect;

/** The threat's entities the user may read, by kind then value. */
function entitiesSelect(auth: Auth) {
  return { where: accessibleWhere(auth.ability, "read", "ThreatEntity"), select: entitySelect, orderBy: [{ kind: "asc" }, { displayValue: "asc" }] } satisfies Prisma.Threat$entitiesArgs;
}

export async function threatDetail(auth: Auth, id: string) {
  await findReadable(auth, id, "threat.viewed");
  const threat = await prisma.threat.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      ...threatFieldsSelect,
      createdAt: true,
      updatedAt: true,
      leadAnalyst: { select: { id: true, name: true } },
      areas: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      entities: entitiesSelect(auth),
      assessments: {
        where: accessibleWhere(auth.ability, "read", "ThreatAssessment"),
        orderBy: [{ assessedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          harmPhysical: true,
          harmPsychological: true,
          harmFinancial: true,
          harmCommunity: true,
          harmVictimVulnerability: true,
          likelihood: true,
          capacity: true,
          capability: true,
          confidence: true,
          score: true,
          priority: true,
          reason: true,
          assessedAt: true,
          assessedBy: { select: { name: true } },
        },
      },
      submissions: {
        where: accessibleWhere(auth.ability, "read", "Submission"),
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        take: LINKED_INTELLIGENCE_LIMIT,
        select: {
          id: true,
          reference: true,
          status: true,
          threatType: true,
          submittedAt: true,
          handlingCode: true,
          analystHandlingCode: true,
          agreementId: true,
          area: { select: { name: true } },
          entities: { select: { id: true, kind: true, displayValue: true, normalisedValue: true, details: true } },
        },
      },
    },
  });
  await audit(auth.audit, {
    action: "threat.viewed",
    recordType: "Threat",
    recordId: threat.id,
    justification: "THREAT_ASSESSMENT",
    details: { linkedSubmissions: threat.submissions.map((s) => s.id), entities: threat.entities.length, assessments: threat.assessments.length },
  });
  // Entities across the linked intelligence, one line per distinct key.
  const seen = new Set<string>();
  const intelligenceEntities = summariseEntities(threat.submissions.flatMap((s) => s.entities)).filter((e) => {
    const key = e.keys.map((k) => `${k.kind}:${k.normalisedValue}`).join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    ...threat,
    submissions: threat.submissions.map(({ entities: _entities, ...s }) => s),
    intelligenceEntities,
  };
}

/** The threat's editable fields, for the edit and entities pages (audited as a view). */
export async function threatForEditing(auth: Auth, id: string, attempted: AuditAction = "threat.viewed") {
  await findReadable(auth, id, attempted);
  const threat = await prisma.threat.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      organisationId: true,
      ...threatFieldsSelect,
      leadAnalystId: true,
      areas: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      entities: entitiesSelect(auth),
    },
  });
  await audit(auth.audit, { action: "threat.viewed", recordType: "Threat", recordId: threat.id, justification: "THREAT_ASSESSMENT", details: { view: "edit" } });
  return threat;
}

/** Who may be made lead (rules/threats.ts "lead"), by name. A force has tens of analysts. */
export function leadOptions(auth: Auth) {
  return prisma.user.findMany({
    where: accessibleWhere(auth.ability, "lead", "User"),
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

export function areaOptions() {
  return prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** For a page that only offers a form: may the user create threats at all? (403 otherwise.) */
export async function requireThreatCreator(auth: Auth) {
  if (!auth.ability.can("create", "Threat")) await deny(auth, { action: "threat.created", recordType: "Threat", reason: "ACTION_NOT_PERMITTED", status: 403 });
}

// ─── Changes ─────────────────────────────────────────────────────────────────

/** Lead and areas as the database has them now, checked inside the write's transaction. */
async function checkLeadAndAreas(tx: Prisma.TransactionClient, auth: Auth, data: Pick<ThreatFormData, "leadAnalystId" | "areaIds">) {
  const lead = await tx.user.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "lead", "User"), { id: data.leadAnalystId }] },
    select: { id: true },
  });
  if (!lead) throw new ThreatRefused("Select an analyst from your force", "leadAnalystId");
  const areas = await tx.area.findMany({ where: { id: { in: data.areaIds } }, select: { id: true } });
  if (areas.length !== new Set(data.areaIds).size) throw new ThreatRefused("Select areas from the list", "areaIds");
  return { lead, areas };
}

export type NewThreat = Pick<ThreatFormData, "title" | "threatType" | "areaIds" | "leadAnalystId" | "summary"> &
  Partial<Pick<ThreatFormData, "kind" | "classification">>;

/**
 * Creates a threat in the caller's transaction (the new-threat page, and the triage page's "create
 * a threat from this submission"), with its audit event. `id` lets a caller know the address first.
 */
export async function createThreatIn(tx: Prisma.TransactionClient, auth: Auth, data: NewThreat, details: Prisma.InputJsonObject = {}, id: string = randomUUID()) {
  if (!auth.ability.can("create", "Threat")) throw new ThreatRefused("You cannot create threats");
  const { lead, areas } = await checkLeadAndAreas(tx, auth, data);
  const [sequence] = await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('threat_reference_seq') AS next`;
  const threat = await tx.threat.create({
    data: {
      id,
      reference: threatReference(clock.now().getUTCFullYear(), sequence!.next),
      title: data.title,
      kind: data.kind,
      threatType: data.threatType,
      classification: data.classification,
      summary: data.summary,
      organisationId: auth.user.organisationId,
      leadAnalystId: lead.id,
      areas: { connect: areas },
      createdAt: clock.now(),
    },
    select: { id: true, reference: true },
  });
  await recordAuditEvent(tx, auth.audit, {
    action: "threat.created",
    recordType: "Threat",
    recordId: threat.id,
    justification: "THREAT_ASSESSMENT",
    details: { reference: threat.reference, kind: data.kind ?? "ORGANISED_CRIME_GROUP", threatType: data.threatType, areas: data.areaIds, leadAnalystId: lead.id, ...details },
  });
  return threat;
}

export function threatPath(id: string) {
  return `/threats/${id}`;
}

/** The new-threat page: one threat per form token (a double click goes where the first went). */
export async function createThreat(auth: Auth, data: ThreatFormData, formToken: string): Promise<{ location: string }> {
  await requireThreatCreator(auth);
  const id = randomUUID();
  const location = `${threatPath(id)}?created=1`;
  return prisma.$transaction(async (tx) => {
    const claim = await claimFormToken(tx, formToken, auth.user.id, location);
    if (!claim.firstUse) {
      if (claim.location === null) throw new ThreatRefused("This form has expired. Reload the page and try again.");
      return { location: claim.location };
    }
    await createThreatIn(tx, auth, data, {}, id);
    return { location };
  });
}

/**
 * Runs `change` on the threat in a transaction, after locking it and re-checking `action` on it
 * there: a threat moved out of reach since the page loaded is a logged 404 and nothing changes.
 */
async function withThreat<T>(
  auth: Auth,
  id: string,
  action: "update" | "score",
  attempted: AuditAction,
  change: (tx: Prisma.TransactionClient, threat: Prisma.ThreatGetPayload<{ include: { areas: { select: { id: true } } } }>) => Promise<T>,
): Promise<T> {
  const outcome = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Threat" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const threat = await tx.threat.findFirst({
      where: { AND: [accessibleWhere(auth.ability, action, "Threat"), { id }] },
      include: { areas: { select: { id: true } } },
    });
    if (!threat || !mayReadWholeThreat(auth, threat)) return { found: false as const };
    return { found: true as const, value: await change(tx, threat) };
  });
  if (!outcome.found) return deny(auth, { action: attempted, recordType: "Threat", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  return outcome.value;
}

export function updateThreat(auth: Auth, id: string, data: ThreatFormData) {
  return withThreat(auth, id, "update", "threat.updated", async (tx, before) => {
    const { lead, areas } = await checkLeadAndAreas(tx, auth, data);
    await tx.threat.update({
      where: { id },
      data: {
        title: data.title,
        kind: data.kind,
        threatType: data.threatType,
        classification: data.classification,
        summary: data.summary,
        leadAnalystId: lead.id,
        areas: { set: areas },
        updatedAt: clock.now(),
      },
    });
    const oldAreas = before.areas.map((a) => a.id).sort();
    const newAreas = areas.map((a) => a.id).sort();
    const changed: Record<string, Prisma.InputJsonValue> = {};
    const compare = (field: string, old: string | null, next: string | null) => {
      if (old !== next) changed[field] = { old, new: next };
    };
    compare("title", before.title, data.title);
    compare("kind", before.kind, data.kind);
    compare("threatType", before.threatType, data.threatType);
    compare("classification", before.classification, data.classification);
    compare("leadAnalystId", before.leadAnalystId, lead.id);
    if (oldAreas.join() !== newAreas.join()) changed.areas = { old: oldAreas, new: newAreas };
    // The summary is content: only the fact of its change is kept.
    if ((before.summary ?? null) !== (data.summary ?? null)) changed.summaryChanged = true;
    await recordAuditEvent(tx, auth.audit, { action: "threat.updated", recordType: "Threat", recordId: id, justification: "THREAT_ASSESSMENT", details: changed });
  });
}

export function changeThreatStatus(auth: Auth, id: string, status: ThreatStatus, reason: string) {
  return withThreat(auth, id, "update", "threat.status_changed", async (tx, before) => {
    if (before.status === status) throw new ThreatRefused("The threat already has this status: select another", "status");
    await tx.threat.update({ where: { id }, data: { status, updatedAt: clock.now() } });
    await recordAuditEvent(tx, auth.audit, {
      action: "threat.status_changed",
      recordType: "Threat",
      recordId: id,
      justification: "THREAT_ASSESSMENT",
      details: { status: { old: before.status, new: status }, reason },
    });
  });
}

/**
 * Records a new scoring (never updating an old one, so the trend shows) and copies its score and
 * priority onto the threat, so lists order and filter by priority in the database.
 */
export function scoreThreatRecord(auth: Auth, id: string, data: ScoreFormData): Promise<{ location: string }> {
  const location = `${threatPath(id)}?scored=1`;
  return withThreat(auth, id, "score", "threat.scored", async (tx, before) => {
    const claim = await claimFormToken(tx, data.formToken, auth.user.id, location);
    if (!claim.firstUse) {
      if (claim.location === null) throw new ThreatRefused("This form has expired. Reload the page and try again.");
      return { location: claim.location };
    }
    const { formToken: _formToken, reason, ...inputs } = data;
    const result = scoreThreat(inputs);
    const assessment = await tx.threatAssessment.create({
      data: { ...inputs, threatId: id, score: result.score, priority: result.priority, reason, assessedById: auth.user.id, assessedAt: clock.now() },
      select: { id: true },
    });
    await tx.threat.update({ where: { id }, data: { priority: result.priority, priorityScore: result.score, updatedAt: clock.now() } });
    await recordAuditEvent(tx, auth.audit, {
      action: "threat.scored",
      recordType: "Threat",
      recordId: id,
      justification: "THREAT_ASSESSMENT",
      details: {
        assessmentId: assessment.id,
        inputs: { ...inputs },
        score: { old: before.priorityScore, new: result.score },
        priority: { old: before.priority, new: result.priority },
        reason,
      },
    });
    return { location };
  });
}

// ─── Entities ────────────────────────────────────────────────────────────────

function matchingKey(kind: AddEntityData["kind"], value: string): string {
  const key = normaliseIdentifier(kind, value);
  if (!key) throw new ThreatRefused("Enter a value of the kind selected (a name, registration, address, phone number, handle or organisation)", "displayValue");
  return key;
}

/** What an entity's audit event says: the kind, part and flags, never the person's name or number. */
function entityFacts(e: { kind: string; part?: string | null; vulnerabilityFlags: string[] }) {
  return { kind: e.kind, part: e.part ?? null, vulnerabilityFlags: e.vulnerabilityFlags };
}

export function addThreatEntity(auth: Auth, id: string, data: AddEntityData): Promise<{ location: string }> {
  const location = `${threatPath(id)}/entities?added=1`;
  return withThreat(auth, id, "update", "threat.entity_added", async (tx) => {
    if (!auth.ability.can("create", subject("ThreatEntity", { threat: { organisationId: auth.user.organisationId } } as never)))
      throw new ThreatRefused("You cannot add entities to this threat");
    const claim = await claimFormToken(tx, data.formToken, auth.user.id, location);
    if (!claim.firstUse) {
      if (claim.location === null) throw new ThreatRefused("This form has expired. Reload the page and try again.");
      return { location: claim.location };
    }
    const normalisedValue = matchingKey(data.kind, data.displayValue);
    const existing = await tx.threatEntity.findUnique({ where: { threatId_kind_normalisedValue: { threatId: id, kind: data.kind, normalisedValue } }, select: { id: true } });
    if (existing) throw new ThreatRefused("This entity is already linked to the threat", "displayValue");
    const entity = await tx.threatEntity.create({
      data: {
        threatId: id,
        kind: data.kind,
        displayValue: data.displayValue,
        normalisedValue,
        part: data.kind === "PERSON" ? data.part : null,
        vulnerabilityFlags: data.kind === "PERSON" ? data.vulnerabilityFlags : [],
        notes: data.notes,
        createdById: auth.user.id,
        createdAt: clock.now(),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "threat.entity_added",
      recordType: "Threat",
      recordId: id,
      justification: "THREAT_ASSESSMENT",
      details: { entityId: entity.id, ...entityFacts(data) },
    });
    return { location };
  });
}

async function entityOf(tx: Prisma.TransactionClient, auth: Auth, threatId: string, entityId: string, action: "update" | "delete") {
  const entity = await tx.threatEntity.findFirst({
    where: { AND: [accessibleWhere(auth.ability, action, "ThreatEntity"), { id: entityId, threatId }] },
  });
  if (!entity) throw new ThreatRefused("Select an entity linked to this threat", "entityId");
  return entity;
}

export function updateThreatEntity(auth: Auth, id: string, data: UpdateEntityData) {
  return withThreat(auth, id, "update", "threat.entity_updated", async (tx) => {
    const before = await entityOf(tx, auth, id, data.entityId, "update");
    if (before.kind !== data.kind) throw new ThreatRefused("An entity's kind cannot change: remove it and add it again", "kind");
    const part = before.kind === "PERSON" ? (data.part ?? null) : null;
    const vulnerabilityFlags = before.kind === "PERSON" ? data.vulnerabilityFlags : [];
    await tx.threatEntity.update({ where: { id: before.id }, data: { part, vulnerabilityFlags, notes: data.notes } });
    await recordAuditEvent(tx, auth.audit, {
      action: "threat.entity_updated",
      recordType: "Threat",
      recordId: id,
      justification: "THREAT_ASSESSMENT",
      details: {
        entityId: before.id,
        kind: before.kind,
        part: { old: before.part, new: part },
        vulnerabilityFlags: { old: before.vulnerabilityFlags, new: vulnerabilityFlags },
        notesChanged: (before.notes ?? null) !== (data.notes ?? null),
      },
    });
  });
}

export function removeThreatEntity(auth: Auth, id: string, entityId: string) {
  return withThreat(auth, id, "update", "threat.entity_removed", async (tx) => {
    const before = await entityOf(tx, auth, id, entityId, "delete");
    await tx.threatEntity.delete({ where: { id: before.id } });
    await recordAuditEvent(tx, auth.audit, {
      action: "threat.entity_removed",
      recordType: "Threat",
      recordId: id,
      justification: "THREAT_ASSESSMENT",
      details: { entityId: before.id, ...entityFacts(before) },
    });
  });
}

/**
 * Asked by an action before it reads its form, so a user who may not act never sees field errors:
 * a logged 404 unless the user may `action` the whole threat. The write re-checks in its transaction.
 */
export async function requireThreatAccess(auth: Auth, id: string, action: "read" | "update" | "score", attempted: AuditAction) {
  const row = await prisma.threat.findFirst({
    where: { AND: [accessibleWhere(auth.ability, action, "Threat"), { id }] },
    select: { id: true, organisationId: true },
  });
  if (!row || !mayReadWholeThreat(auth, row)) await deny(auth, { action: attempted, recordType: "Threat", recordId: id, reason: "RECORD_NOT_VISIBLE" });
}

// ─── Link chart ──────────────────────────────────────────────────────────────

/**
 * The threat's network: the threat, the intelligence linked to it that the analyst may see
 * (accessibleWhere on Submission), the entities analysts linked, and the entities each piece of
 * intelligence mentions, joined on the matching key. Laid out on the server (link-chart.ts).
 */
export async function threatLinkChart(auth: Auth, id: string) {
  await findReadable(auth, id, "threat.chart_viewed");
  const threat = await prisma.threat.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      reference: true,
      title: true,
      entities: { where: accessibleWhere(auth.ability, "read", "ThreatEntity"), select: entitySelect },
      submissions: {
        where: accessibleWhere(auth.ability, "read", "Submission"),
        orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
        take: LINKED_INTELLIGENCE_LIMIT,
        select: { id: true, reference: true, status: true, area: { select: { name: true } }, entities: { select: { kind: true, displayValue: true, normalisedValue: true } } },
      },
    },
  });
  const nodes = new Map<string, ChartNode>();
  const edges: ChartEdge[] = [];
  const threatNode = `threat:${threat.id}`;
  nodes.set(threatNode, { id: threatNode, kind: "threat", label: threat.reference, detail: threat.title, href: `/threats/${threat.id}` });
  const entityNode = (kind: string, key: string) => `entity:${kind}:${key}`;
  for (const e of threat.entities) {
    const nodeId = entityNode(e.kind, e.normalisedValue);
    const facts = [ENTITY_KIND_LABELS[e.kind], e.part ? PERSON_PART_LABELS[e.part] : null, e.vulnerabilityFlags.length ? "vulnerable" : null].filter(Boolean);
    nodes.set(nodeId, { id: nodeId, kind: "entity", label: e.displayValue, detail: facts.join(", ") });
    edges.push({ from: threatNode, to: nodeId, label: e.part ? PERSON_PART_LABELS[e.part] : "Linked by an analyst" });
  }
  for (const s of threat.submissions) {
    const nodeId = `intelligence:${s.id}`;
    nodes.set(nodeId, { id: nodeId, kind: "intelligence", label: s.reference ?? "Intelligence", detail: [STATUS_LABELS[s.status], s.area?.name].filter(Boolean).join(", "), href: `/triage/${s.id}` });
    edges.push({ from: threatNode, to: nodeId, label: "Linked intelligence" });
    const seen = new Set<string>();
    for (const e of s.entities) {
      const target = entityNode(e.kind, e.normalisedValue);
      if (seen.has(target)) continue;
      seen.add(target);
      if (!nodes.has(target)) nodes.set(target, { id: target, kind: "entity", label: e.displayValue, detail: ENTITY_KIND_LABELS[e.kind] });
      edges.push({ from: nodeId, to: target, label: "Mentions" });
    }
  }
  const placed = layoutNetwork([...nodes.values()], edges, { width: CHART_WIDTH, height: CHART_HEIGHT, pinned: threatNode });
  await audit(auth.audit, {
    action: "threat.chart_viewed",
    recordType: "Threat",
    recordId: threat.id,
    justification: "THREAT_ASSESSMENT",
    details: { linkedSubmissions: threat.submissions.map((s) => s.id), nodes: placed.length, edges: edges.length },
  });
  return { threat: { id: threat.id, reference: threat.reference, title: threat.title }, nodes: placed, edges };
}

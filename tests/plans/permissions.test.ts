import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { listOutcomes, outcomeTotals, outcomesWhere, recordOutcome } from "~/modules/outcomes/outcomes.server";
import { actionDetail, createAction, listActions, recordProgress, threatPlan } from "~/modules/plans/actions.server";
import { isOverdue } from "~/modules/plans/dates";
import { formatPence } from "~/modules/plans/money";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { newFormToken } from "~/utils/form-token.server";
import * as outcomesPage from "~/routes/outcomes._index";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { authFor, createAgreement, createWorld, type World } from "../intelligence/fixtures";

const DAY = 86_400_000;
let world: World;
let otherCouncil: { id: string };
let otherManager: { id: string };
let threatId: string;

async function statusOfThrown(work: Promise<unknown>): Promise<number | "no refusal"> {
  try {
    await work;
    return "no refusal";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

async function addAction(ownerOrganisationId: string, dueInDays: number, strand: "PURSUE" | "PREVENT" = "PREVENT") {
  const analyst = await authFor(world.analyst.id);
  const result = await createAction(
    analyst,
    { threatId },
    { formToken: newFormToken(), strand, title: `Action ${randomUUID().slice(0, 6)}`, description: null, ownerOrganisationId, dueDate: new Date(Date.now() + dueInDays * DAY) },
    "/here",
  );
  expect(result).toEqual({ ok: true, location: "/here" });
  return prisma.planAction.findFirstOrThrow({ where: { threatId }, orderBy: { reference: "desc" } });
}

beforeAll(async () => {
  world = await createWorld();
  otherCouncil = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  await createAgreement({ organisationIds: [world.force.id, otherCouncil.id] });
  otherManager = await createUser({ roles: ["PARTNER_MANAGER"], organisationId: otherCouncil.id });
  const submission = await prisma.submission.create({
    data: { submitterId: world.submitter.id, organisationId: world.council.id, status: "DRAFT" },
  });
  const threat = await prisma.threat.create({
    data: {
      reference: `THR-T-${randomUUID().slice(0, 8)}`,
      title: "County line into town",
      kind: "COUNTY_LINE",
      threatType: "COUNTY_LINES",
      status: "ACTIVE",
      summary: "Police-only summary",
      organisationId: world.force.id,
      areas: { connect: { id: world.area.id } },
      submissions: { connect: { id: submission.id } },
      entities: { create: { kind: "PHONE", displayValue: "07700 900123", normalisedValue: "+447700900123", createdById: world.analyst.id } },
    },
  });
  threatId = threat.id;
});

afterEach(() => clock.reset());

describe("4P plan permissions", () => {
  it("lets a partner update its own organisation's actions, never another organisation's", async () => {
    const ours = await addAction(world.council.id, 10);
    const theirs = await addAction(otherCouncil.id, 10);
    const manager = await authFor(world.manager.id);
    await recordProgress(manager, ours.id, { intent: "progress", status: "COMPLETED", result: "Sessions delivered in three schools" });
    const updated = await prisma.planAction.findUniqueOrThrow({ where: { id: ours.id } });
    expect(updated.status).toBe("COMPLETED");
    expect(updated.completedAt).not.toBeNull();

    expect(await statusOfThrown(recordProgress(manager, theirs.id, { intent: "progress", status: "COMPLETED", result: "Not ours" }))).toBe(404);
    expect((await prisma.planAction.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe("NOT_STARTED");
    expect(await statusOfThrown(actionDetail(manager, theirs.id))).toBe(404);
    const other = await authFor(otherManager.id);
    const { items } = await listActions(other, { overdue: false }, { direction: "after", cursor: null });
    expect(items.map((a) => a.id)).toEqual([theirs.id]);
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", recordId: theirs.id } })).toBe(2);
  });

  it("shows a partner only its share of the threat: title, kind, status and areas", async () => {
    const ours = await addAction(world.council.id, 5);
    const { action, planner } = await actionDetail(await authFor(world.submitter.id), ours.id);
    expect(planner).toBe(false);
    expect(action.threat).toEqual({ title: "County line into town", kind: "COUNTY_LINE", status: "ACTIVE", areas: [{ name: world.area.name }] });
    expect(action.threatId).toBeNull();
    expect(JSON.stringify(action)).not.toMatch(/Police-only summary|07700|submissions|entities|assessments/);
    expect(await statusOfThrown(threatPlan(await authFor(world.manager.id), threatId))).toBe(403);
    expect(await prisma.auditEvent.count({ where: { action: "plan_action.viewed", recordId: ours.id, actorUserId: world.submitter.id } })).toBe(1);
  });

  it("refuses a police analyst of another force and anyone outside the roles", async () => {
    const ours = await addAction(world.council.id, 5);
    expect(await statusOfThrown(actionDetail(await authFor(world.otherAnalyst.id), ours.id))).toBe(404);
    expect(await statusOfThrown(threatPlan(await authFor(world.otherAnalyst.id), threatId))).toBe(404);
    expect(await statusOfThrown(listActions(await authFor(world.councilDpo.id), { overdue: false }, { direction: "after", cursor: null }))).toBe(403);
  });

  it("an action can only be given to the force or a partner with an agreement in force", async () => {
    const stranger = await createOrganisation({ type: "LOCAL_AUTHORITY" });
    const result = await createAction(
      await authFor(world.analyst.id),
      { threatId },
      { formToken: newFormToken(), strand: "PROTECT", title: "Nope", description: null, ownerOrganisationId: stranger.id, dueDate: new Date() },
      "/here",
    );
    expect(result).toMatchObject({ ok: false, errors: { ownerOrganisationId: expect.any(String) } });
  });

  it("takes a partner's access away when its agreement is suspended", async () => {
    const ours = await addAction(world.council.id, 5);
    const manager = () => authFor(world.manager.id);
    await actionDetail(await manager(), ours.id);
    await prisma.agreement.update({ where: { id: world.agreement.id }, data: { status: "SUSPENDED" } });
    try {
      expect(await statusOfThrown(actionDetail(await manager(), ours.id))).toBe(404);
      expect(await statusOfThrown(recordProgress(await manager(), ours.id, { intent: "progress", status: "IN_PROGRESS", result: null }))).toBe(404);
      expect((await listActions(await manager(), { overdue: false }, { direction: "after", cursor: null })).items).toEqual([]);
    } finally {
      await prisma.agreement.update({ where: { id: world.agreement.id }, data: { status: "ACTIVE" } });
    }
  });
});

describe("overdue actions", () => {
  it("are overdue from the start of the UK day after the due date, until completed or cancelled", async () => {
    // Due 10 June 2026 (British Summer Time: the day starts at 23:00 UTC on 9 June).
    const due = new Date("2026-06-09T23:00:00Z");
    expect(isOverdue({ dueDate: due, status: "NOT_STARTED" }, new Date("2026-06-10T22:59:00Z"))).toBe(false);
    expect(isOverdue({ dueDate: due, status: "NOT_STARTED" }, new Date("2026-06-10T23:00:00Z"))).toBe(true);
    expect(isOverdue({ dueDate: due, status: "IN_PROGRESS" }, new Date("2026-07-01T12:00:00Z"))).toBe(true);
    expect(isOverdue({ dueDate: due, status: "COMPLETED" }, new Date("2026-07-01T12:00:00Z"))).toBe(false);
    expect(isOverdue({ dueDate: due, status: "CANCELLED" }, new Date("2026-07-01T12:00:00Z"))).toBe(false);
  });

  it("stand out in the lists with the clock set, and can be listed alone", async () => {
    const late = await addAction(world.council.id, 3, "PURSUE");
    const onTime = await addAction(world.council.id, 20, "PURSUE");
    clock.set(new Date(Date.now() + 7 * DAY));
    const manager = await authFor(world.manager.id, clock.now());
    const all = await listActions(manager, { overdue: false, strand: "PURSUE" }, { direction: "after", cursor: null });
    const flag = (id: string) => all.items.find((a) => a.id === id)?.overdue;
    expect(flag(late.id)).toBe(true);
    expect(flag(onTime.id)).toBe(false);
    const overdueOnly = await listActions(manager, { overdue: true, strand: "PURSUE" }, { direction: "after", cursor: null });
    expect(overdueOnly.items.map((a) => a.id)).toContain(late.id);
    expect(overdueOnly.items.map((a) => a.id)).not.toContain(onTime.id);
    const plan = await threatPlan(await authFor(world.analyst.id, clock.now()), threatId);
    const pursue = plan.strands.find((s) => s.strand === "PURSUE")!.actions;
    expect(pursue.find((a) => a.id === late.id)?.overdue).toBe(true);
  });
});

describe("outcome totals", () => {
  it("sum each kind for the force, within the period and area, in pounds with separators", async () => {
    const analyst = await authFor(world.analyst.id);
    const record = (kind: "ARREST" | "CASH_SEIZED" | "DRUGS_SEIZED", quantity: number, valuePence: bigint | null, daysAgo: number) =>
      recordOutcome(analyst, {
        formToken: newFormToken(),
        kind,
        occurredOn: new Date(Date.now() - daysAgo * DAY),
        areaId: world.area.id,
        quantity,
        valuePence,
        drugType: kind === "DRUGS_SEIZED" ? "Cocaine" : null,
        description: null,
        threatId,
      });
    await record("ARREST", 3, null, 10);
    await record("ARREST", 4, null, 20);
    await record("ARREST", 5, null, 400);
    await record("CASH_SEIZED", 1, 123_456_78n, 15);
    await record("DRUGS_SEIZED", 1, 5_000_000n, 15);
    // Another force's outcome is never counted.
    await recordOutcome(await authFor(world.otherAnalyst.id), {
      formToken: newFormToken(), kind: "ARREST", occurredOn: new Date(), areaId: world.area.id, quantity: 50, valuePence: null, drugType: null, description: null,
    });

    const from = new Date(Date.now() - 100 * DAY).toISOString().slice(0, 10);
    const totals = await outcomeTotals(outcomesWhere(analyst, { from }));
    const of = (kind: string) => totals.find((t) => t.kind === kind)!;
    expect(of("ARREST")).toMatchObject({ records: 2, quantity: 7 });
    expect(formatPence(of("CASH_SEIZED").valuePence)).toBe("£123,456.78");
    expect(formatPence(of("DRUGS_SEIZED").valuePence)).toBe("£50,000");
    expect(of("WEAPONS_RECOVERED").quantity).toBe(0);
    expect((await outcomeTotals(outcomesWhere(analyst, {}))).find((t) => t.kind === "ARREST")!.quantity).toBe(12);

    const page = await listOutcomes(analyst, { from }, { direction: "after", cursor: null });
    expect(page.items).toHaveLength(4);
    expect(await statusOfThrown(listOutcomes(await authFor(world.manager.id), {}, { direction: "after", cursor: null }))).toBe(403);
  });
});

describe("the outcomes page's period", () => {
  it("is typed in GOV.UK date inputs: a date that is not real is shown on its field, never a 500", async () => {
    const cookie = await signedInCookie(world.analyst.id);
    const load = (query: string) => run(outcomesPage.loader, makeRequest(`/outcomes?${query}`, { cookie }));
    const wrong = await load("from-day=31&from-month=2&from-year=2026&to-day=&to-month=&to-year=");
    expect(wrong).toMatchObject({ errors: { from: "Date from must be a real date" }, typed: { "from-day": "31" } });
    const partial = await load("to-day=3&to-month=&to-year=2026");
    expect(partial).toMatchObject({ errors: { to: "Date to must include a month" } });
    // Typed correctly, or as a link's YYYY-MM-DD, the period filters the list and is kept for paging and export.
    expect(await load("from-day=1&from-month=4&from-year=2026")).toMatchObject({ errors: null, filters: { from: "2026-04-01" } });
    expect(await load("from=2026-04-01")).toMatchObject({ errors: null, filters: { from: "2026-04-01" } });
    // Anything else in the address that does not fit is still 400.
    expect(statusOf(await load("kind=BOGUS"))).toBe(400);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { DEMO_YEAR_TOTALS, OSWESTRY_PLAN_NAME, TELFORD_THREAT_TITLE } from "../../prisma/seed/plans";
import { outcomeTotals } from "~/modules/outcomes/outcomes.server";
import { isOverdue } from "~/modules/plans/dates";
import { formatPence } from "~/modules/plans/money";
import { prisma } from "~/utils/db.server";

/** The demo's plans and outcomes: the force's published year, exactly. */
beforeAll(async () => {
  await seedDemo(prisma);
}, 240_000);

describe("demo plans and outcomes", () => {
  it("add up exactly to the force's published year, spread over twelve months and the four areas", async () => {
    const totals = await outcomeTotals({});
    const of = (kind: string) => totals.find((t) => t.kind === kind)!;
    expect(of("ARREST").quantity).toBe(DEMO_YEAR_TOTALS.arrests);
    expect(DEMO_YEAR_TOTALS.arrests).toBe(484);
    expect(formatPence(of("DRUGS_SEIZED").valuePence)).toBe("£987,450");
    expect(formatPence(of("CASH_SEIZED").valuePence)).toBe("£296,300");
    expect(of("WEAPONS_RECOVERED").quantity).toBe(167);
    expect(of("PEOPLE_SAFEGUARDED").quantity).toBe(164);

    const byArea = await prisma.outcome.groupBy({ by: ["areaId"], where: { kind: "ARREST" }, _sum: { quantity: true } });
    expect(byArea).toHaveLength(4);
    for (const area of byArea) expect(area._sum.quantity).toBeGreaterThan(50);
    const dates = await prisma.outcome.aggregate({ _min: { occurredOn: true }, _max: { occurredOn: true } });
    const span = dates._max.occurredOn!.getTime() - dates._min.occurredOn!.getTime();
    expect(span).toBeGreaterThan(300 * 86_400_000);
    expect(dates._min.occurredOn!.getTime()).toBeGreaterThan(Date.now() - 366 * 86_400_000);
    expect(await prisma.auditEvent.count({ where: { action: "outcome.recorded" } })).toBe(await prisma.outcome.count());
  });

  it("gives the Telford county line a 4P plan with a Prevent action for Telford and an overdue action", async () => {
    const threat = await prisma.threat.findFirstOrThrow({ where: { title: TELFORD_THREAT_TITLE } });
    const actions = await prisma.planAction.findMany({ where: { threatId: threat.id }, include: { ownerOrganisation: true } });
    expect(actions.some((a) => a.strand === "PREVENT" && a.ownerOrganisation.name === "Telford & Wrekin Council")).toBe(true);
    expect(actions.some((a) => a.ownerOrganisation.name === "West Mercia Police")).toBe(true);
    expect(actions.filter((a) => isOverdue(a, new Date()))).toHaveLength(1);
  });

  it("has Oswestry in the Hold phase with Shropshire Council involved and milestones", async () => {
    const plan = await prisma.areaPlan.findFirstOrThrow({ where: { name: OSWESTRY_PLAN_NAME }, include: { partners: true, milestones: true, area: true } });
    expect(plan.phase).toBe("HOLD");
    expect(plan.area.code).toBe("SHROPSHIRE");
    expect(plan.partners.map((p) => p.name)).toEqual(["Shropshire Council"]);
    expect(plan.milestones.length).toBeGreaterThanOrEqual(3);
    expect(plan.milestones.some((m) => m.achievedAt)).toBe(true);
  });

  it("is idempotent", async () => {
    const before = [await prisma.outcome.count(), await prisma.planAction.count(), await prisma.areaPlan.count()];
    await seedDemo(prisma);
    expect([await prisma.outcome.count(), await prisma.planAction.count(), await prisma.areaPlan.count()]).toEqual(before);
  }, 120_000);
});

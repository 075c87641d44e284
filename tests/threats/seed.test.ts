import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { findTelfordCountyLine } from "../../prisma/seed/threats";
import { prisma } from "~/utils/db.server";

beforeAll(async () => {
  await seedDemo(prisma);
}, 180_000);

describe("demo threats", () => {
  it("tells the Telford county line's story: active, high priority, rising, with its entities and intelligence", async () => {
    const found = await findTelfordCountyLine(prisma);
    const line = await prisma.threat.findUniqueOrThrow({
      where: { id: found!.id },
      include: { assessments: { orderBy: { assessedAt: "asc" } }, entities: true, submissions: { select: { id: true } } },
    });
    expect(line).toMatchObject({ kind: "COUNTY_LINE", status: "ACTIVE", priority: "HIGH" });
    expect(line.assessments.map((a) => a.score)).toEqual([24, 35, 55]);
    expect(line.entities.map((e) => e.kind).sort()).toEqual(["ADDRESS", "PERSON", "PERSON", "PHONE", "VEHICLE"]);
    expect(line.entities.find((e) => e.part === "VICTIM")?.vulnerabilityFlags).toContain("CUCKOOED");
    expect(line.submissions.length).toBeGreaterThanOrEqual(3);
    // Every step happened in the past and is in the audit trail, in order.
    const events = await prisma.auditEvent.findMany({ where: { recordId: line.id }, orderBy: { occurredAt: "asc" }, select: { action: true } });
    expect(events.filter((e) => e.action === "threat.scored")).toHaveLength(3);
    expect(await prisma.threat.groupBy({ by: ["status"], _count: true })).toHaveLength(4);
  });

  it("is idempotent", async () => {
    const before = await prisma.threatAssessment.count();
    await seedDemo(prisma);
    expect(await prisma.threatAssessment.count()).toBe(before);
  });
});

import { describe, expect, it } from "vitest";
import { isDatabaseEmpty, seedDemo } from "../../prisma/seed";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { prisma } from "~/utils/db.server";

describe("the seeded demo's audit trail", () => {
  it("is written through the chain and verifies, and seeding twice adds nothing", async () => {
    expect(await isDatabaseEmpty(prisma)).toBe(true);
    await seedDemo(prisma);
    const count = await prisma.auditEvent.count();
    expect(count).toBeGreaterThan(0);
    await seedDemo(prisma);
    expect(await prisma.auditEvent.count()).toBe(count);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.eventsChecked).toBe(count);
  });
});

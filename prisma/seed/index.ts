import type { PrismaClient } from "~/generated/prisma/client";
import { seedAgreements } from "./agreements";
import { seedIntelligence } from "./intelligence";
import { seedPlans } from "./plans";
import { seedAuditTrail } from "./audit";
import { seedOrganisationsAndUsers } from "./organisations";
import { sealAuditEvents } from "~/modules/audit/sealing.server";

/**
 * Seeds the demo West Mercia region. Idempotent: safe to run on a database that already has it.
 * Each domain adds its own step here (agreements, intelligence, ...).
 */
export async function seedDemo(prisma: PrismaClient): Promise<void> {
  await seedOrganisationsAndUsers(prisma);
  await seedAgreements(prisma);
  await seedIntelligence(prisma);
  await seedPlans(prisma);
  // Last: it records demo access to what the other seeds created.
  await seedAuditTrail(prisma);
  // Seal the demo's events now rather than on the server's first sequencer tick.
  await sealAuditEvents({ prisma });
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}

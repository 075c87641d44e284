import type { PrismaClient } from "~/generated/prisma/client";
import { seedAgreements } from "./agreements";
import { seedIntelligence } from "./intelligence";
import { seedAuditTrail } from "./audit";
import { seedOrganisationsAndUsers } from "./organisations";

/**
 * Seeds the demo West Mercia region. Idempotent: safe to run on a database that already has it.
 * Each domain adds its own step here (agreements, intelligence, ...).
 */
export async function seedDemo(prisma: PrismaClient): Promise<void> {
  await seedOrganisationsAndUsers(prisma);
  await seedAgreements(prisma);
  await seedIntelligence(prisma);
  // Last: it records demo access to what the other seeds created.
  await seedAuditTrail(prisma);
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}

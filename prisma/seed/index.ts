import type { PrismaClient } from "~/generated/prisma/client";
import { seedAgreementChanges, seedAgreements } from "./agreements";
import { seedIntelligence } from "./intelligence";
import { seedThreats } from "./threats";
import { seedPlans } from "./plans";
import { seedAuditTrail } from "./audit";
import { seedDissemination } from "./dissemination";
import { seedOrganisationsAndUsers } from "./organisations";
import { seedProfiles } from "./profiles";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { clock } from "~/utils/clock";
import { database } from "~/utils/db.server";

/**
 * Seeds the demo West Mercia region. Idempotent: safe to run on a database that already has it.
 * Each domain adds its own step here (agreements, intelligence, ...), written through the domain
 * services as the people concerned at past times (seed/people.ts), so the history is honest.
 */
export async function seedDemo(): Promise<void> {
  // The domain services write to the application's database, so the seed does too.
  const prisma = database().prisma;
  // One timeline: every step dates its work relative to this moment (seed/people.ts).
  const seededAt = clock.now();
  await seedOrganisationsAndUsers(prisma, seededAt);
  await seedAgreements(prisma, seededAt);
  await seedIntelligence(prisma, seededAt);
  await seedAgreementChanges(prisma, seededAt);
  await seedThreats(prisma, seededAt.getTime());
  await seedPlans(prisma, seededAt.getTime());
  await seedDissemination(prisma, seededAt);
  await seedProfiles(prisma, seededAt);
  // Last: it records demo access to what the other seeds created.
  await seedAuditTrail(prisma, seededAt);
  // Seal the demo's events now rather than on the server's first sequencer tick.
  await sealAuditEvents({ prisma });
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.organisation.count()) === 0;
}

import type { OrganisationType, PrismaClient } from "~/generated/prisma/client";
import { hashPassword } from "~/modules/auth/password.server";
import { clock } from "~/utils/clock";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoTotpSecretBase32 } from "./demo-accounts";
import { daysBefore } from "./people";

/** The four West Mercia community safety partnership areas. */
export const DEMO_AREAS = [
  { code: "HEREFORDSHIRE", name: "Herefordshire" },
  { code: "SHROPSHIRE", name: "Shropshire" },
  { code: "TELFORD_WREKIN", name: "Telford and Wrekin" },
  { code: "WORCESTERSHIRE", name: "Worcestershire" },
] as const;

type AreaCode = (typeof DEMO_AREAS)[number]["code"];
const ALL_AREAS: AreaCode[] = DEMO_AREAS.map((a) => a.code);

export const DEMO_ORGANISATIONS: { name: string; shortName: string; type: OrganisationType; areas: AreaCode[] }[] = [
  { name: "West Mercia Police", shortName: "WMP", type: "POLICE_FORCE", areas: ALL_AREAS },
  { name: "West Midlands Regional Organised Crime Unit", shortName: "ROCU", type: "REGIONAL_ORGANISED_CRIME_UNIT", areas: ALL_AREAS },
  { name: "Herefordshire Council", shortName: "Herefordshire", type: "LOCAL_AUTHORITY", areas: ["HEREFORDSHIRE"] },
  { name: "Shropshire Council", shortName: "Shropshire", type: "LOCAL_AUTHORITY", areas: ["SHROPSHIRE"] },
  { name: "Telford & Wrekin Council", shortName: "Telford & Wrekin", type: "LOCAL_AUTHORITY", areas: ["TELFORD_WREKIN"] },
  { name: "Worcestershire County Council", shortName: "Worcestershire", type: "LOCAL_AUTHORITY", areas: ["WORCESTERSHIRE"] },
  { name: "Herefordshire Community Safety Partnership", shortName: "Herefordshire CSP", type: "COMMUNITY_SAFETY_PARTNERSHIP", areas: ["HEREFORDSHIRE"] },
  { name: "Safer Stronger Shropshire Partnership", shortName: "Shropshire CSP", type: "COMMUNITY_SAFETY_PARTNERSHIP", areas: ["SHROPSHIRE"] },
  { name: "Telford & Wrekin Community Safety Partnership", shortName: "Telford & Wrekin CSP", type: "COMMUNITY_SAFETY_PARTNERSHIP", areas: ["TELFORD_WREKIN"] },
  { name: "Safer Communities Worcestershire", shortName: "Worcestershire CSP", type: "COMMUNITY_SAFETY_PARTNERSHIP", areas: ["WORCESTERSHIRE"] },
  { name: "Severn Vale Housing", shortName: "Severn Vale Housing", type: "HOUSING_PROVIDER", areas: ["SHROPSHIRE", "TELFORD_WREKIN"] },
  { name: "Shrewsbury and Telford Hospital NHS Trust", shortName: "SaTH", type: "HEALTH", areas: ["SHROPSHIRE", "TELFORD_WREKIN"] },
];

/**
 * The region's organisations and accounts, as the operator provisioned them when the portal went
 * live (about three years before the seed runs; later seed steps act as these people).
 */
export async function seedOrganisationsAndUsers(prisma: PrismaClient, seededAt = clock.now()): Promise<void> {
  await clock.at(daysBefore(seededAt, PORTAL_LIVE_DAYS_AGO, 9), () => createOrganisationsAndUsers(prisma));
}

/** When the demo region's portal went live, in days before the seed runs. */
export const PORTAL_LIVE_DAYS_AGO = 1100;

async function createOrganisationsAndUsers(prisma: PrismaClient): Promise<void> {
  for (const area of DEMO_AREAS) {
    await prisma.area.upsert({ where: { code: area.code }, update: {}, create: area });
  }
  for (const org of DEMO_ORGANISATIONS) {
    await prisma.organisation.upsert({
      where: { name: org.name },
      update: {},
      create: {
        name: org.name,
        shortName: org.shortName,
        type: org.type,
        areas: { connect: org.areas.map((code) => ({ code })) },
      },
    });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const organisation = await prisma.organisation.findUniqueOrThrow({ where: { name: account.organisation } });
    const enrolled = account.mfaEnrolled !== false;
    await prisma.user.upsert({
      where: { email: account.email },
      update: {},
      create: {
        email: account.email,
        name: account.name,
        organisationId: organisation.id,
        roles: account.roles,
        isAgreementSignatory: account.signatory ?? false,
        passwordHash,
        totpSecret: enrolled ? demoTotpSecretBase32(account.email) : null,
        totpEnrolledAt: enrolled ? clock.now() : null,
      },
    });
  }
}

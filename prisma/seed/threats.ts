import type { PrismaClient } from "~/generated/prisma/client";
import { linkThreat } from "~/modules/intelligence/triage.server";
import {
  addThreatEntity,
  changeThreatStatus,
  createThreat,
  scoreThreatRecord,
  updateThreat,
} from "~/modules/threats/threats.server";
import type { ScoreFormData } from "~/modules/threats/forms.server";
import { clock } from "~/utils/clock";
import { newFormToken } from "~/utils/form-token.server";
import { TELFORD_COUNTY_LINE_TITLE } from "./intelligence";
import { actingAtEachStep } from "./people";

export { TELFORD_COUNTY_LINE_TITLE };

/** Other seeds (plans, dissemination) find the Telford county line with this. */
export function findTelfordCountyLine(prisma: PrismaClient) {
  return prisma.threat.findFirst({ where: { title: TELFORD_COUNTY_LINE_TITLE }, select: { id: true, reference: true, organisationId: true } });
}

const DAY = 86_400_000;
const ALEX = "alex.analyst@westmercia.police.example";
const SAM = "sam.supervisor@westmercia.police.example";

type Scores = Omit<ScoreFormData, "formToken">;

/**
 * The demo's threats, through the threats module as the analysts themselves, at realistic past
 * times: the Dee line (the county line from Birmingham into Brookside, Telford, seeded with its
 * first intelligence by ./intelligence.ts) made a county line, active, with its suspect, a
 * cuckooed victim, the line's phone and the Golf, scored three times over seven weeks with a
 * rising trend (medium 24, medium 35, high 55); and three more threats in other areas and statuses. Idempotent: skipped once the
 * Dee line has a scoring.
 */
export async function seedThreats(prisma: PrismaClient, now = Date.now()): Promise<void> {
  const line = await findTelfordCountyLine(prisma);
  if (!line) return;
  if ((await prisma.threatAssessment.count({ where: { threatId: line.id } })) > 0) return;
  const alex = await actingAtEachStep(ALEX);
  const sam = await actingAtEachStep(SAM);
  const areas = await prisma.area.findMany({ select: { id: true, code: true } });
  const area = (code: string) => areas.find((a) => a.code === code)!.id;
  const at = (daysAgo: number, hour = 10) => new Date(now - daysAgo * DAY + hour * 3_600_000 - (now % DAY));

  await clock.at(at(54), () =>
    updateThreat(alex, line.id, {
      title: TELFORD_COUNTY_LINE_TITLE,
      kind: "COUNTY_LINE",
      threatType: "COUNTY_LINES",
      areaIds: [area("TELFORD_WREKIN")],
      leadAnalystId: alex.user.id,
      classification: "OFFICIAL_SENSITIVE",
      summary:
        "Birmingham-based line ('the Dee line') supplying crack cocaine and heroin into Brookside, Telford. Runners are local teenagers; a flat at Grange Court is used as a base after the tenant was cuckooed.",
    }),
  );
  await clock.at(at(53), () => changeThreatStatus(alex, line.id, "ACTIVE", "Corroborated by two partner reports and a school safeguarding referral."));
  const entities: Parameters<typeof addThreatEntity>[2][] = [
    { kind: "PERSON", displayValue: "'Tiny'", part: "SUSPECT", vulnerabilityFlags: [], notes: "Line holder's runner-manager; aged 18 to 24.", formToken: "" },
    {
      kind: "PERSON",
      displayValue: "Tenant of Flat 6, Grange Court",
      part: "VICTIM",
      vulnerabilityFlags: ["CUCKOOED", "SUBSTANCE_MISUSE", "MENTAL_HEALTH"],
      notes: "Safeguarding referral made with adult social care.",
      formToken: "",
    },
    { kind: "PHONE", displayValue: "07700 900123", vulnerabilityFlags: [], notes: "The Dee line deal line.", formToken: "" },
    { kind: "VEHICLE", displayValue: "BD51 SMR", vulnerabilityFlags: [], notes: "Silver Volkswagen Golf collecting runners.", formToken: "" },
    { kind: "ADDRESS", displayValue: "Flat 6, Grange Court, Brookside", vulnerabilityFlags: [], notes: null, formToken: "" },
  ];
  for (const [i, entity] of entities.entries()) {
    await clock.at(at(52 - i), () => addThreatEntity(alex, line.id, { ...entity, formToken: newFormToken() }));
  }
  // Intelligence on the line still being assessed joins it (the triage page's "link to threat").
  const grangeCourt = await prisma.submission.findFirst({
    where: { status: "BEING_ASSESSED", threatId: null, narrative: { contains: "Grange Court" }, organisation: { name: "Telford & Wrekin Council" } },
    select: { id: true },
  });
  if (grangeCourt) await clock.at(at(29), () => linkThreat(alex, grangeCourt.id, line.id));

  const scorings: [number, typeof alex, Scores][] = [
    [46, alex, { harmPhysical: 2, harmPsychological: 2, harmFinancial: 1, harmCommunity: 2, harmVictimVulnerability: 2, likelihood: 3, capacity: 2, capability: 2, confidence: "LOW", reason: "First scoring: one housing report of a trap flat and the 'Dee line' name." }],
    [28, alex, { harmPhysical: 3, harmPsychological: 2, harmFinancial: 1, harmCommunity: 2, harmVictimVulnerability: 3, likelihood: 3, capacity: 2, capability: 2, confidence: "MEDIUM", reason: "School referral: a Year 10 pupil picked up by the Golf. Child criminal exploitation now likely." }],
    [9, sam, { harmPhysical: 3, harmPsychological: 3, harmFinancial: 1, harmCommunity: 3, harmVictimVulnerability: 3, likelihood: 4, capacity: 2, capability: 2, confidence: "MEDIUM", reason: "Runners arriving nightly from Birmingham; tenant cuckooed. Needs a multi-agency plan." }],
  ];
  for (const [daysAgo, who, scores] of scorings) {
    await clock.at(at(daysAgo, 15), () => scoreThreatRecord(who, line.id, { ...scores, formToken: newFormToken() }));
  }

  const others = [
    {
      daysAgo: 38,
      data: {
        title: "Dines Green cuckooing network, Worcester",
        kind: "NETWORK" as const,
        threatType: "CUCKOOING" as const,
        areaIds: [area("WORCESTERSHIRE")],
        summary: "Several vulnerable tenants in Dines Green whose homes are taken over by dealers using the same visitors.",
      },
      status: { to: "EMERGING" as const },
      score: { harmPhysical: 2, harmPsychological: 3, harmFinancial: 1, harmCommunity: 2, harmVictimVulnerability: 4, likelihood: 3, capacity: 2, capability: 1, confidence: "MEDIUM" as const, reason: "Two reports of cuckooing in the same street within a month." },
    },
    {
      daysAgo: 120,
      data: {
        title: "Oswestry town centre drug market",
        kind: "PROBLEM_LOCATION" as const,
        threatType: "DRUG_SUPPLY" as const,
        areaIds: [area("SHROPSHIRE")],
        summary: "Open street dealing around the bus station; the focus of the Clear, Hold, Build plan.",
      },
      status: { to: "BEING_DISMANTLED" as const, reason: "Clear phase under way: warrants executed and dealers charged." },
      score: { harmPhysical: 2, harmPsychological: 1, harmFinancial: 1, harmCommunity: 3, harmVictimVulnerability: 2, likelihood: 3, capacity: 1, capability: 1, confidence: "HIGH" as const, reason: "Scored before the Clear phase began." },
    },
    {
      daysAgo: 200,
      data: {
        title: "Kidderminster cash-for-crash fraud group",
        kind: "ORGANISED_CRIME_GROUP" as const,
        threatType: "FRAUD" as const,
        areaIds: [area("WORCESTERSHIRE")],
        summary: "Staged road collisions with fraudulent insurance claims; principal members charged last year.",
      },
      status: { to: "DORMANT" as const, reason: "No activity reported for six months since the charges." },
      score: { harmPhysical: 1, harmPsychological: 1, harmFinancial: 3, harmCommunity: 1, harmVictimVulnerability: 0, likelihood: 2, capacity: 1, capability: 2, confidence: "MEDIUM" as const, reason: "Financial harm to insurers; little risk to the public." },
    },
  ];
  for (const other of others) {
    const { location } = await clock.at(at(other.daysAgo), () =>
      createThreat(alex, { ...other.data, leadAnalystId: alex.user.id, classification: "OFFICIAL" }, newFormToken()),
    );
    const id = location.split("/")[2]!.split("?")[0]!;
    await clock.at(at(other.daysAgo - 1), () => scoreThreatRecord(alex, id, { ...other.score, formToken: newFormToken() }));
    if (other.status.to !== "EMERGING") {
      const reason = "reason" in other.status ? other.status.reason : "";
      await clock.at(at(Math.max(other.daysAgo - 20, 2)), () => changeThreatStatus(alex, id, other.status.to, reason));
    }
  }
}

import type { PrismaClient } from "~/generated/prisma/client";
import { recordGoodPractice } from "~/modules/good-practice/good-practice.server";
import { EMPTY_FIGURES, type ProfileFigures } from "~/modules/profiles/figures";
import { decideVersion, saveDraft, startProfile, submitDraft } from "~/modules/profiles/profiles.server";
import { newFormToken } from "~/utils/form-token.server";
import { DEMO_AREAS } from "./organisations";
import { asAt, daysBefore, type DemoActor } from "./people";
import { findTelfordCountyLine } from "./threats";

const ALEX = "alex.analyst@westmercia.police.example";
const SAM = "sam.supervisor@westmercia.police.example";
const JO = "jo.supervisor@westmercia.police.example";
const MARK = "mark.manager@telford.gov.example";

type AreaCode = (typeof DEMO_AREAS)[number]["code"];

/** Each area's profile: the version published in the summer, and the one that replaced it last month. */
const PROFILES: Record<AreaCode, { first: string[]; second: string[]; figures: [ProfileFigures, ProfileFigures] }> = {
  HEREFORDSHIRE: {
    first: [
      "Herefordshire's serious and organised crime is mostly rural: two county lines from the West Midlands supply Hereford and Leominster.",
      "Farm machinery and vehicle theft is organised and cross-border.",
      "Modern slavery is suspected in seasonal agricultural work.",
    ],
    second: [
      "Herefordshire's serious and organised crime is mostly rural: one county line from the West Midlands supplies Hereford and Leominster since the spring warrants.",
      "Farm machinery and vehicle theft is organised and cross-border.",
      "Modern slavery is suspected in seasonal agricultural work.",
      "Partners should report unexplained changes of occupancy on farms and caravan sites.",
    ],
    figures: [
      { ...EMPTY_FIGURES, activeThreats: 5, countyLines: 2, organisedCrimeGroups: 3, intelligenceReports: 41, arrests: 38, peopleSafeguarded: 12, weaponsRecovered: 4 },
      { ...EMPTY_FIGURES, activeThreats: 4, countyLines: 1, organisedCrimeGroups: 3, intelligenceReports: 57, arrests: 52, peopleSafeguarded: 19, weaponsRecovered: 6 },
    ],
  },
  SHROPSHIRE: {
    first: [
      "Shropshire's main threat is drug supply in its market towns, from short-let flats in Oswestry and Shrewsbury.",
      "Exploitation of children to carry drugs between towns is the main harm.",
      "Knife carrying among young people is rising.",
    ],
    second: [
      "Shropshire's main threat is drug supply in its market towns, from short-let flats in Oswestry and Shrewsbury.",
      "Exploitation of children to carry drugs between towns is the main harm.",
      "Knife carrying among young people has levelled off since the schools programme.",
      "Oswestry town centre is in the Hold phase of a Clear, Hold, Build plan.",
    ],
    figures: [
      { ...EMPTY_FIGURES, activeThreats: 6, countyLines: 3, organisedCrimeGroups: 2, intelligenceReports: 64, arrests: 71, peopleSafeguarded: 23, weaponsRecovered: 11 },
      { ...EMPTY_FIGURES, activeThreats: 5, countyLines: 2, organisedCrimeGroups: 2, intelligenceReports: 88, arrests: 95, peopleSafeguarded: 31, weaponsRecovered: 9 },
    ],
  },
  TELFORD_WREKIN: {
    first: [
      "Telford and Wrekin has the region's highest rate of drug-related harm.",
      "County lines from Birmingham supply Brookside and the town centre.",
      "Cuckooing of vulnerable tenants is rising.",
    ],
    second: [
      "Telford and Wrekin has the region's highest rate of drug-related harm.",
      "County lines from Birmingham supply Brookside and the town centre; the Dee line is the most active.",
      "Cuckooing of vulnerable tenants is rising, concentrated in a few blocks of flats.",
      "Housing, schools and health partners are each leading a 4P action.",
    ],
    figures: [
      { ...EMPTY_FIGURES, activeThreats: 7, countyLines: 4, organisedCrimeGroups: 2, intelligenceReports: 73, arrests: 84, peopleSafeguarded: 27, weaponsRecovered: 8 },
      { ...EMPTY_FIGURES, activeThreats: 8, countyLines: 4, organisedCrimeGroups: 3, intelligenceReports: 102, arrests: 117, peopleSafeguarded: 36, weaponsRecovered: 10 },
    ],
  },
  WORCESTERSHIRE: {
    first: [
      "Worcestershire's organised crime centres on Redditch, Kidderminster and Worcester.",
      "Organised acquisitive crime targets high-value vehicles.",
      "Three county lines operate from the West Midlands.",
    ],
    second: [
      "Worcestershire's organised crime centres on Redditch, Kidderminster and Worcester.",
      "Organised acquisitive crime targets high-value vehicles and catalytic converters.",
      "Three county lines operate from the West Midlands.",
      "Illegal money lending is emerging in Redditch.",
    ],
    figures: [
      { ...EMPTY_FIGURES, activeThreats: 6, countyLines: 3, organisedCrimeGroups: 4, intelligenceReports: 55, arrests: 90, peopleSafeguarded: 14, weaponsRecovered: 7 },
      { ...EMPTY_FIGURES, activeThreats: 7, countyLines: 3, organisedCrimeGroups: 5, intelligenceReports: 69, arrests: 121, peopleSafeguarded: 20, weaponsRecovered: 9 },
    ],
  },
};

/** Telford's third version, written this week and awaiting a supervisor's approval. */
export const TELFORD_AWAITING_LINE = "A second line from Wolverhampton has been reported in the town centre; it is being assessed.";

/** The good practice the demo records, each linked to the Telford county line's work. */
export const GOOD_PRACTICE_TITLES = {
  threat: "Joint visits with the housing provider found cuckooed flats early",
  action: "Exploitation awareness sessions delivered with youth workers",
  outcome: "Safeguarding plans in place before the warrants",
} as const;

/** The version `author` drafted and sent for approval, at `daysAgo`; the supervisor decides the day after. */
async function draftAndSubmit(prisma: PrismaClient, seededAt: Date, profileId: string, daysAgo: number, narrative: string, figures: ProfileFigures) {
  const saved = await asAt(daysBefore(seededAt, daysAgo, 10), ALEX, (alex) => saveDraft(alex, profileId, { narrative, figures, formToken: newFormToken() }));
  if (!saved.ok) throw new Error(`Demo seed: could not save a profile draft: ${saved.error}`);
  const version = await prisma.localProfileVersion.findFirstOrThrow({ where: { profileId, status: "DRAFT" }, select: { id: true } });
  await asAt(daysBefore(seededAt, daysAgo, 15), ALEX, (alex) => submitDraft(alex, profileId, version.id));
  return version.id;
}

function approve(seededAt: Date, daysAgo: number, supervisor: string, profileId: string, versionId: string) {
  return asAt(daysBefore(seededAt, daysAgo, 11), supervisor, (actor) => decideVersion(actor, profileId, { versionId, decision: "approve" }));
}

/**
 * SOC local profiles and the good practice log, through their own services as the people concerned,
 * at past times: Alex (analyst) starts a profile for each of the force's four areas and drafts it;
 * Sam approves the first versions in the summer, Jo the second last month (so each area has an older,
 * superseded version to compare with); Telford's third version awaits approval. Then Telford's
 * manager, Alex and Sam record what worked on the Telford county line: linked to its Prevent action,
 * the threat and an outcome. Idempotent: each part is skipped once it exists.
 */
export async function seedProfiles(prisma: PrismaClient, seededAt: Date): Promise<void> {
  const areas = await prisma.area.findMany({ where: { code: { in: DEMO_AREAS.map((a) => a.code) } }, select: { id: true, code: true } });
  const areaId = (code: AreaCode) => areas.find((a) => a.code === code)?.id;

  if ((await prisma.localProfile.count()) === 0) {
    for (const area of DEMO_AREAS) {
      const id = areaId(area.code);
      if (!id) continue;
      const text = PROFILES[area.code];
      const started = await asAt(daysBefore(seededAt, 120, 9), ALEX, (alex) => startProfile(alex, id, newFormToken()));
      if (!("id" in started)) throw new Error(`Demo seed: could not start the ${area.name} profile: ${JSON.stringify(started)}`);
      const first = await draftAndSubmit(prisma, seededAt, started.id, 120, text.first.join("\n"), text.figures[0]);
      await approve(seededAt, 119, SAM, started.id, first);
      const second = await draftAndSubmit(prisma, seededAt, started.id, 30, text.second.join("\n"), text.figures[1]);
      await approve(seededAt, 29, JO, started.id, second);
      if (area.code === "TELFORD_WREKIN") {
        await draftAndSubmit(prisma, seededAt, started.id, 3, [...text.second, TELFORD_AWAITING_LINE].join("\n"), text.figures[1]);
      }
    }
  }

  if ((await prisma.goodPractice.count()) === 0) {
    const threat = await findTelfordCountyLine(prisma);
    if (!threat) return;
    const [action, outcome] = await Promise.all([
      prisma.planAction.findFirst({ where: { threatId: threat.id, strand: "PREVENT" }, orderBy: { reference: "asc" }, select: { reference: true } }),
      // Recorded before the entry that cites it.
      prisma.outcome.findFirst({
        where: { threatId: threat.id, kind: "PEOPLE_SAFEGUARDED", createdAt: { lt: daysBefore(seededAt, 8, 14) } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { reference: true },
      }),
    ]);
    const telford = areaId("TELFORD_WREKIN");
    const record = (daysAgo: number, email: string, title: string, whatWorked: string, whatResulted: string, linkReference: string | undefined) =>
      asAt(daysBefore(seededAt, daysAgo, 14), email, async (actor: DemoActor) => {
        const result = await recordGoodPractice(actor, { title, whatWorked, whatResulted, areaId: telford, linkReference, formToken: newFormToken() });
        if (!result.ok) throw new Error(`Demo seed: could not record "${title}": ${JSON.stringify(result.errors)}`);
      });
    await record(
      20,
      ALEX,
      GOOD_PRACTICE_TITLES.threat,
      "Neighbourhood officers visited the flats named in partner intelligence together with the housing provider's tenancy team, so tenants met a familiar face first.",
      "Three cuckooed flats identified within a fortnight; two tenants accepted support and moved.",
      threat.reference,
    );
    if (action) {
      await record(
        15,
        MARK,
        GOOD_PRACTICE_TITLES.action,
        "Youth workers co-delivered the sessions, using local examples the pupils recognised rather than national material.",
        "Four schools reached; two referrals of children at risk of exploitation came in the following week.",
        action.reference,
      );
    }
    if (outcome) {
      await record(
        8,
        SAM,
        GOOD_PRACTICE_TITLES.outcome,
        "Children's services and the hospital trust agreed safeguarding plans for the young people at the addresses before the warrants were executed.",
        "Every young person found at the addresses had a plan and a named worker on the day.",
        outcome.reference,
      );
    }
  }
}

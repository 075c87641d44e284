import type {
  Classification,
  DataCategory,
  HandlingCode,
  IntelligenceAssessment,
  PrismaClient,
  SourceEvaluation,
  SubmissionStatus,
  ThreatType,
} from "~/generated/prisma/client";
import type { EntityInput } from "~/modules/intelligence/entities";
import { addEntity, impliedCategoriesOf, requireDraft, saveDraftStep, startDraft, submitDraft } from "~/modules/intelligence/submissions.server";
import {
  addSanitisedVersion,
  createThreatAndLink,
  decideSanitised,
  linkThreat,
  noFurtherAction,
  saveAssessment,
  sendFeedback,
  submissionForTriage,
} from "~/modules/intelligence/triage.server";
import { clock } from "~/utils/clock";
import { demoAgreement, type DemoAgreementKey } from "./agreements";
import { asAt, daysBefore, type DemoActor } from "./people";

/**
 * Demo intelligence across the four West Mercia areas: county lines into Telford, cuckooing in
 * Worcester, a robbery series in Hereford, online fraud, exploitation near Oswestry. Identifiers
 * recur across submissions (the "Dee" line's phone, a silver Golf, the nickname "Tiny", a Snapchat
 * handle) so the correlation panel has matches to show. Every status appears, with feedback,
 * sanitised versions awaiting approval (one written by a supervisor, for the other supervisor) and
 * two threats. One housing submission sits under the suspended agreement, so the police cannot see
 * it until the agreement is reinstated; two older ones were shared under the expired 2023 agreement
 * (the police no longer see them, and their retention period has passed: the DPO's review list).
 * Every record is made by the services the pages call, as its people, at its time (seed/people.ts).
 * Identifiers are fictional (Ofcom drama phone numbers, invented registrations).
 */


const P = (name: string | null, nickname: string | null = null, ageRange: string | null = null, dateOfBirth: string | null = null): EntityInput => ({
  kind: "PERSON",
  data: { name, nickname, ageRange, dateOfBirth },
});
const V = (registration: string, make: string | null, colour: string | null): EntityInput => ({ kind: "VEHICLE", data: { registration, make, colour } });
const T = (phone: string): EntityInput => ({ kind: "PHONE", data: { phone } });
const H = (handle: string, platform: string | null): EntityInput => ({ kind: "ONLINE_HANDLE", data: { handle, platform } });
const A = (address: string, postcode: string | null): EntityInput => ({ kind: "ADDRESS", data: { address, postcode } });
const O = (name: string): EntityInput => ({ kind: "ORGANISATION", data: { name } });

const DEE_LINE = "07700 900123";
const GOLF = V("BD51 SMR", "Volkswagen Golf", "Silver");

interface DemoSubmission {
  submitter: string;
  agreement: DemoAgreementKey;
  area: string;
  threatType: ThreatType;
  narrative: string;
  location: string;
  postcode: string | null;
  daysAgo: number;
  grading: [SourceEvaluation, IntelligenceAssessment, HandlingCode, string?];
  classification?: Classification;
  extraCategories?: DataCategory[];
  entities: EntityInput[];
  status: SubmissionStatus;
  risk?: number;
  analystNotes?: string;
  regrade?: [SourceEvaluation, IntelligenceAssessment, HandlingCode];
  threat?: keyof typeof THREATS;
  nfa?: string;
  feedback?: string[];
  sanitised?: { text: string; status: "AWAITING_APPROVAL" | "APPROVED"; author?: string };
}

const PRIYA = "priya.submitter@telford.gov.example";
const SIAN = "sian.submitter@shropshire.gov.example";
const HANNAH = "hannah.submitter@herefordshire.gov.example";
const WENDY = "wendy.submitter@worcestershire.gov.example";
const HARRIET = "harriet.housing@severnvale.housing.example";
const ALEX = "alex.analyst@westmercia.police.example";
const SAM = "sam.supervisor@westmercia.police.example";

const SUBMISSIONS: DemoSubmission[] = [
  // ── County lines into Telford ──
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "COUNTY_LINES", daysAgo: 60,
    narrative: "Housing officer reports a steady flow of visitors to a flat at Brookside, staying a few minutes each. Neighbours say young men from Birmingham are staying there and the phrase 'the Dee line' is used.",
    location: "Flats off Brookside Avenue, Telford", postcode: "TF3 1LP", grading: ["RELIABLE", "B", "P"],
    entities: [T(DEE_LINE), P(null, "Tiny", "18 to 24"), A("Flat 6, Grange Court, Brookside", "TF3 1LP")],
    status: "ACTIONED", risk: 4, threat: "telfordLine", regrade: ["RELIABLE", "B", "P"],
    analystNotes: "Links to the Dee line graded 1/B elsewhere. Cross-border line from Birmingham.",
    feedback: ["Thank you. Your information has been linked to an existing investigation into drug supply in Brookside."],
    sanitised: { text: "Police are aware of drug supply from a flat in the Brookside area and are taking action with housing partners.", status: "APPROVED" } },
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "COUNTY_LINES", daysAgo: 45,
    narrative: "School safeguarding lead reports a Year 10 pupil with new clothes and two phones, missing afternoons. Pupil was seen getting into a silver Golf outside the school gates.",
    location: "Outside a secondary school, Madeley", postcode: "TF7 5DZ", grading: ["RELIABLE", "A", "C", "Do not approach the family before speaking to the school safeguarding lead."],
    classification: "OFFICIAL_SENSITIVE", extraCategories: ["CHILDRENS_DATA"],
    entities: [GOLF, T(DEE_LINE), P(null, "Tiny")],
    status: "ACTIONED", risk: 5, threat: "telfordLine",
    analystNotes: "Possible child criminal exploitation: referred to the MASH.",
    feedback: ["You said a pupil was being picked up in a silver Golf; we have referred this to the multi-agency safeguarding hub."] },
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "DRUG_SUPPLY", daysAgo: 30,
    narrative: "Anti-social behaviour team found drug paraphernalia in the stairwell at Grange Court. Residents mention the same phone number being passed around for 'deliveries'.",
    location: "Grange Court stairwell, Brookside", postcode: "TF3 1LP", grading: ["UNTESTED", "C", "P"],
    entities: [T("+44 7700 900123"), A("Grange Court, Brookside, Telford", "TF31LP")],
    status: "BEING_ASSESSED", risk: 3, analystNotes: "Same line as INT reports on Brookside.",
    sanitised: { text: "Drug supply linked to a phone line is reported in a block of flats in Brookside.", status: "AWAITING_APPROVAL" } },
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "COUNTY_LINES", daysAgo: 6,
    narrative: "Taxi marshal at Telford bus station reports two teenagers arriving from Birmingham most evenings and being collected by a silver Golf.",
    location: "Telford bus station", postcode: "TF3 4HS", grading: ["UNTESTED", "B", "P"],
    entities: [GOLF, P(null, "Tiny", "18 to 24")],
    status: "RECEIVED" },
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "CHILD_CRIMINAL_EXPLOITATION", daysAgo: 2,
    narrative: "Youth worker reports a 15-year-old saying he is 'working for Tiny' and owes money. He is frightened to go home.",
    location: "Youth centre, Woodside", postcode: "TF7 5NR", grading: ["RELIABLE", "C", "C", "Consult the youth service before any contact with the young person."],
    classification: "OFFICIAL_SENSITIVE", extraCategories: ["CHILDRENS_DATA"],
    entities: [P(null, "Tiny"), H("@tiny_tfd", "Snapchat")],
    status: "RECEIVED" },
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "DRUG_SUPPLY", daysAgo: 90,
    narrative: "Report of cannabis smell from a house in Hadley; no other information.",
    location: "Hadley", postcode: null, grading: ["NOT_RELIABLE", "D", "P"], entities: [],
    status: "CLOSED", nfa: "Low-level cannabis use with no link to organised supply; passed to the neighbourhood team.",
    feedback: ["Thank you. This has been passed to the local neighbourhood policing team; no further action by the intelligence team."] },
  // ── Cuckooing in Worcester ──
  { submitter: WENDY, agreement: "worcestershire", area: "WORCESTERSHIRE", threatType: "CUCKOOING", daysAgo: 40,
    narrative: "Adult social care client with learning disabilities says 'friends' are staying at his flat and he cannot ask them to leave. Care worker saw scales and small bags on the kitchen table.",
    location: "Flat in Dines Green, Worcester", postcode: "WR2 5QH", grading: ["RELIABLE", "A", "C", "Vulnerable adult: do not disclose the source of this report to the tenant or visitors."],
    classification: "OFFICIAL_SENSITIVE",
    entities: [A("14 Tudor Way, Dines Green, Worcester", "WR2 5QH"), T("07700 900456"), P("Kyle Marsh", null, "25 to 34")],
    status: "ACTIONED", risk: 5, regrade: ["RELIABLE", "A", "C"], threat: "worcesterCuckooing",
    analystNotes: "Classic cuckooing. Safeguarding visit arranged with adult social care.",
    feedback: ["You told us about a vulnerable man whose home was taken over. Officers and adult social care visited and he is now safe."] },
  { submitter: WENDY, agreement: "worcestershire", area: "WORCESTERSHIRE", threatType: "CUCKOOING", daysAgo: 20,
    narrative: "Neighbour of 14 Tudor Way reports the visitors have returned, and a man called Kyle is threatening the tenant. Visitors were using the Dee line number.",
    location: "Tudor Way, Dines Green", postcode: "WR2 5QH", grading: ["UNTESTED", "B", "P"],
    entities: [A("14 Tudor Way, Dines Green, Worcester", "WR2 5QH"), P("Kyle Marsh"), T(DEE_LINE)],
    status: "BEING_ASSESSED", risk: 4, analystNotes: "Dee line now also active in Worcester?",
    sanitised: { text: "A vulnerable tenant in Dines Green may be at risk of cuckooing again.", status: "AWAITING_APPROVAL" } },
  { submitter: WENDY, agreement: "worcestershire", area: "WORCESTERSHIRE", threatType: "CUCKOOING", daysAgo: 4,
    narrative: "Housing association reports a tenant in Warndon has stopped answering the door; support worker saw several young men inside.",
    location: "Warndon, Worcester", postcode: "WR4 9PE", grading: ["UNTESTED", "C", "P"],
    entities: [A("22 Avenue Road, Warndon, Worcester", "WR4 9PE")],
    status: "RECEIVED" },
  { submitter: WENDY, agreement: "worcestershire", area: "WORCESTERSHIRE", threatType: "MODERN_SLAVERY_HUMAN_TRAFFICKING", daysAgo: 12,
    narrative: "Licensing officer visited a hand car wash where workers appeared to live on site and had no protective equipment. Manager would not give names.",
    location: "Hand car wash, Blackpole Road", postcode: "WR3 8SQ", grading: ["RELIABLE", "A", "P"],
    entities: [O("Sparkle Hand Car Wash Ltd"), V("WR19 KXP", "Ford Transit", "White")],
    status: "RECEIVED" },
  { submitter: WENDY, agreement: "worcestershire", area: "WORCESTERSHIRE", threatType: "DRUG_SUPPLY", daysAgo: 75,
    narrative: "Parks team found needles in the bushes by the river path; no suggestion of who left them.",
    location: "River path near Diglis", postcode: null, grading: ["UNTESTED", "D", "P"], entities: [],
    status: "CLOSED", nfa: "No organised crime element; reported to the council's street cleansing team.",
    feedback: ["Thank you. This did not show an organised crime link and has been passed to street cleansing."] },
  // ── Robbery series in Hereford ──
  { submitter: HANNAH, agreement: "herefordshire", area: "HEREFORDSHIRE", threatType: "ORGANISED_ACQUISITIVE_CRIME_ROBBERY", daysAgo: 50,
    narrative: "CCTV operator saw two men on a moped follow a delivery rider before a robbery on Widemarsh Street. The moped had no visible plate; one man wore a red North Face jacket.",
    location: "Widemarsh Street, Hereford", postcode: "HR4 9EP", grading: ["RELIABLE", "A", "P"],
    entities: [P(null, "Red", "18 to 24")],
    status: "ACTIONED", risk: 3, threat: "herefordRobbery",
    feedback: ["Your CCTV report helped identify a moped used in a series of robberies in Hereford city centre."] },
  { submitter: HANNAH, agreement: "herefordshire", area: "HEREFORDSHIRE", threatType: "ORGANISED_ACQUISITIVE_CRIME_ROBBERY", daysAgo: 35,
    narrative: "Shop manager reports a man known as 'Red' selling phones cheaply outside the shop; the phones match ones taken in robberies.",
    location: "Commercial Road, Hereford", postcode: "HR1 2BB", grading: ["UNTESTED", "B", "P"],
    entities: [P(null, "Red"), T("07700 900789")],
    status: "ACTIONED", risk: 3, threat: "herefordRobbery" },
  { submitter: HANNAH, agreement: "herefordshire", area: "HEREFORDSHIRE", threatType: "ORGANISED_ACQUISITIVE_CRIME_ROBBERY", daysAgo: 15,
    narrative: "Delivery company reports another rider threatened with a knife on Edgar Street by two men on a moped.",
    location: "Edgar Street, Hereford", postcode: "HR4 9JR", grading: ["RELIABLE", "A", "P"],
    entities: [V("HK68 RDM", "Yamaha moped", "Black"), T("07700 900789")],
    status: "BEING_ASSESSED", risk: 4,
    // Written by a supervisor: the other supervisor approves it (four eyes).
    sanitised: { text: "A moped used in robberies of delivery riders in Hereford has been identified.", status: "AWAITING_APPROVAL", author: SAM } },
  { submitter: HANNAH, agreement: "herefordshire", area: "HEREFORDSHIRE", threatType: "FIREARMS_WEAPONS", daysAgo: 3,
    narrative: "Community warden was told a knife is being hidden in a hedge at the back of the Newton Farm estate for use in robberies.",
    location: "Newton Farm, Hereford", postcode: "HR2 7QP", grading: ["UNTESTED", "C", "C", "Do not search the location without first contacting the community warden team."],
    entities: [P(null, "Red")],
    status: "RECEIVED" },
  { submitter: HANNAH, agreement: "herefordshire", area: "HEREFORDSHIRE", threatType: "MONEY_LAUNDERING", daysAgo: 25,
    narrative: "Trading standards noticed a barber shop that is always empty but deposits large amounts of cash.",
    location: "Eign Gate, Hereford", postcode: "HR4 0AB", grading: ["UNTESTED", "C", "P"],
    entities: [O("Cutz Barbers Limited")],
    status: "BEING_ASSESSED", risk: 2 },
  // ── Online fraud ──
  { submitter: SIAN, agreement: "shropshire", area: "SHROPSHIRE", threatType: "FRAUD", daysAgo: 28,
    narrative: "Three elderly residents in Shrewsbury lost money to 'bank staff' who phoned and asked them to move savings. The callers used the same number.",
    location: "Shrewsbury", postcode: "SY1 1XJ", grading: ["RELIABLE", "A", "P"],
    entities: [T("+44 (0)7700 900321"), O("Severn Secure Payments")],
    status: "ACTIONED", risk: 3, regrade: ["RELIABLE", "A", "P"], threat: "paymentFraud", analystNotes: "Passed to Action Fraud and ROCU cyber team.",
    feedback: ["The number you reported has been passed to Action Fraud and blocked by the network operator."] },
  { submitter: WENDY, agreement: "worcestershire", area: "WORCESTERSHIRE", threatType: "FRAUD", daysAgo: 9,
    narrative: "Resident in Malvern was sent a text from 'the council' asking for a council tax refund payment; the reply number is the same as in the Shrewsbury scam.",
    location: "Malvern", postcode: "WR14 4QQ", grading: ["UNTESTED", "B", "P"],
    entities: [T("07700900321")],
    status: "RECEIVED" },
  { submitter: SIAN, agreement: "shropshire", area: "SHROPSHIRE", threatType: "CYBERCRIME", daysAgo: 14,
    narrative: "Council IT reports a phishing site copying the council's parking permit page, promoted by an Instagram account.",
    location: "Online", postcode: null, grading: ["RELIABLE", "A", "P"],
    entities: [H("@shrops_permits", "Instagram")],
    status: "BEING_ASSESSED", risk: 2 },
  // ── Exploitation near Oswestry ──
  { submitter: SIAN, agreement: "shropshire", area: "SHROPSHIRE", threatType: "CHILD_SEXUAL_EXPLOITATION", daysAgo: 22,
    narrative: "Children's services report a 14-year-old girl in Oswestry being given lifts and gifts by an older man in a silver Golf who contacts her on Snapchat.",
    location: "Oswestry town centre", postcode: "SY11 1PZ", grading: ["RELIABLE", "B", "C", "Child protection: share only with the child protection team."],
    classification: "OFFICIAL_SENSITIVE", extraCategories: ["CHILDRENS_DATA"],
    entities: [GOLF, H("@tiny_tfd", "Snapchat")],
    status: "BEING_ASSESSED", risk: 5, analystNotes: "Vehicle and handle both match the Telford line: possible link.",
    sanitised: { text: "Concerns about an adult contacting a child in Oswestry through social media, linked to a vehicle seen in Telford.", status: "AWAITING_APPROVAL" } },
  { submitter: SIAN, agreement: "shropshire", area: "SHROPSHIRE", threatType: "MODERN_SLAVERY_HUMAN_TRAFFICKING", daysAgo: 8,
    narrative: "Environmental health visited a farm near Oswestry where seasonal workers live in caravans without heating; workers said their passports were 'kept safe' by the gangmaster.",
    location: "Farm near Oswestry", postcode: "SY10 9AB", grading: ["RELIABLE", "A", "P"],
    entities: [O("Border Agri Labour"), P("Marek Nowak", null, "35 to 49"), V("YX17 LMN", "Ford Transit minibus", "White")],
    status: "RECEIVED" },
  { submitter: SIAN, agreement: "shropshire", area: "SHROPSHIRE", threatType: "CHILD_CRIMINAL_EXPLOITATION", daysAgo: 1,
    narrative: "Oswestry school reports two Year 9 boys with unexplained cash, seen at the bus station with an older boy called Tiny.",
    location: "Oswestry bus station", postcode: "SY11 1RE", grading: ["UNTESTED", "C", "P"],
    extraCategories: ["CHILDRENS_DATA"],
    entities: [P(null, "Tiny")],
    status: "RECEIVED" },
  { submitter: SIAN, agreement: "shropshire", area: "SHROPSHIRE", threatType: "ORGANISED_IMMIGRATION_CRIME", daysAgo: 70,
    narrative: "Lorry park staff saw people getting out of the back of a lorry at night near the A5.",
    location: "Lorry park on the A5 near Oswestry", postcode: null, grading: ["UNTESTED", "D", "P"], entities: [],
    status: "CLOSED", nfa: "Referred to Immigration Enforcement; not a matter for the force intelligence team.",
    feedback: ["Thank you. This has been referred to Immigration Enforcement."] },
  { submitter: PRIYA, agreement: "telford", area: "TELFORD_WREKIN", threatType: "FRAUD", daysAgo: 5,
    narrative: "Council benefits team found a landlord using the same bank account for several addresses claiming housing benefit.",
    location: "Wellington, Telford", postcode: "TF1 1LX", grading: ["RELIABLE", "A", "P"],
    entities: [O("Wrekin Lettings Ltd"), A("3 Market Street, Wellington", "TF1 1DT")],
    status: "RECEIVED" },
  // ── Under the expired 2023 housing agreement: no longer seen by the police, retention passed ──
  { submitter: HARRIET, agreement: "housingExpired", area: "TELFORD_WREKIN", threatType: "CUCKOOING", daysAgo: 900,
    narrative: "A tenant in Woodside says two young men from Birmingham have been staying in her flat for a week and she cannot get them to leave. Visitors come and go through the night.",
    location: "Woodside, Telford", postcode: "TF7 5QR", grading: ["RELIABLE", "B", "P"],
    entities: [A("Flat 11, Park Lane, Woodside", "TF7 5QR")],
    status: "ACTIONED", risk: 4, threat: "woodsideCuckooing", analystNotes: "Cuckooing; safeguarding visit with the housing officer.",
    feedback: ["Thank you. Officers visited with your housing officer and the tenant has been safeguarded."] },
  { submitter: HARRIET, agreement: "housingExpired", area: "SHROPSHIRE", threatType: "DRUG_SUPPLY", daysAgo: 780,
    narrative: "Neighbours report a strong smell of cannabis and frequent short visits to a bungalow on a Severn Vale estate in Shrewsbury.",
    location: "Harlescott, Shrewsbury", postcode: "SY1 4AA", grading: ["UNTESTED", "C", "P"],
    entities: [],
    status: "CLOSED", nfa: "Personal use only; passed to the neighbourhood team." },
  // ── Under the suspended housing agreement: hidden from police until it is reinstated ──
  { submitter: HARRIET, agreement: "housingSuspended", area: "TELFORD_WREKIN", threatType: "CUCKOOING", daysAgo: 18,
    narrative: "Tenancy officer believes a tenant at Grange Court has been cuckooed; visitors use the Dee line number.",
    location: "Grange Court, Brookside", postcode: "TF3 1LP", grading: ["UNTESTED", "B", "P"],
    entities: [T(DEE_LINE), A("Flat 2, Grange Court, Brookside", "TF3 1LP")],
    status: "RECEIVED" },
];

/** The demo's county line into Telford: prisma/seed/threats.ts and later seeds find it by this title. */
export const TELFORD_COUNTY_LINE_TITLE = "Dee line: county line supplying Brookside, Telford";

const THREATS = {
  telfordLine: {
    title: TELFORD_COUNTY_LINE_TITLE,
    threatType: "COUNTY_LINES" as ThreatType,
    summary: "Birmingham-based line supplying crack and heroin into Brookside, exploiting local teenagers.",
    areas: ["TELFORD_WREKIN"],
  },
  herefordRobbery: {
    title: "Moped robbery series, Hereford city centre",
    threatType: "ORGANISED_ACQUISITIVE_CRIME_ROBBERY" as ThreatType,
    summary: "Robberies of delivery riders by two men on a moped; stolen phones sold locally.",
    areas: ["HEREFORDSHIRE"],
  },
  worcesterCuckooing: {
    title: "Cuckooing of vulnerable tenants, Dines Green, Worcester",
    threatType: "CUCKOOING" as ThreatType,
    summary: "Vulnerable adults' homes taken over for drug supply; repeat victimisation at the same address.",
    areas: ["WORCESTERSHIRE"],
  },
  paymentFraud: {
    title: "Bogus permit payment line, Shropshire and Worcestershire",
    threatType: "FRAUD" as ThreatType,
    summary: "Cold calls taking card payments for fake parking permits, one number used across both counties.",
    areas: ["SHROPSHIRE", "WORCESTERSHIRE"],
  },
  woodsideCuckooing: {
    title: "Cuckooing, Woodside, Telford (2024)",
    threatType: "CUCKOOING" as ThreatType,
    summary: "A Birmingham line using a tenant's flat in Woodside; the tenant was safeguarded.",
    areas: ["TELFORD_WREKIN"],
  },
};

const WORKING_HOURS = [9, 10, 11, 13, 14, 15, 16];

/**
 * Oldest first, so references rise with time. Each submission is drafted and sent by its partner;
 * the police then view, assess, link, feed back and decide over the following days, each step as
 * the person who took it and at its own time. Skipped when there is intelligence already.
 */
export async function seedIntelligence(prisma: PrismaClient, seededAt = clock.now()): Promise<void> {
  if ((await prisma.submission.count()) > 0) return;
  const areas = await prisma.area.findMany({ select: { id: true, code: true } });
  const areaId = (code: string) => areas.find((a) => a.code === code)!.id;
  const alex = await prisma.user.findUniqueOrThrow({ where: { email: ALEX }, select: { id: true } });
  const threatIds: Partial<Record<keyof typeof THREATS, string>> = {};

  for (const [index, demo] of [...SUBMISSIONS].sort((a, b) => b.daysAgo - a.daysAgo).entries()) {
    const sentAt = daysBefore(seededAt, demo.daysAgo, WORKING_HOURS[index % WORKING_HOURS.length]!, (index * 13) % 60);
    const later = (days: number, hours = 0) => {
      const at = new Date(sentAt.getTime() + days * 86_400_000 + hours * 3_600_000);
      return at > seededAt ? new Date(seededAt.getTime() - 60_000) : at;
    };
    const agreement = await demoAgreement(prisma, demo.agreement);
    const id = await asAt(new Date(sentAt.getTime() - 40 * 60_000), demo.submitter, (actor) => draftAndSend(actor, demo, areaId(demo.area), agreement.id, sentAt));
    if (demo.status === "RECEIVED") continue;

    // The police's work on it, from the next working day.
    const police = (days: number, email: string, work: (actor: DemoActor) => Promise<unknown>) => asAt(later(days), email, work);
    await police(1, ALEX, async (actor) => {
      await submissionForTriage(actor, id);
      const [source, assessment, handling] = demo.regrade ?? demo.grading;
      await saveAssessment(actor, id, {
        analystSourceEvaluation: source,
        analystIntelligenceAssessment: assessment,
        analystHandlingCode: handling,
        riskLevel: demo.risk ?? 2,
        analystNotes: demo.analystNotes ?? null,
      });
    });
    if (demo.threat) {
      const threat = THREATS[demo.threat];
      const known = threatIds[demo.threat];
      await police(1.1, ALEX, async (actor) => {
        if (known) return linkThreat(actor, id, known);
        const created = await createThreatAndLink(actor, id, {
          title: threat.title,
          threatType: threat.threatType,
          areaIds: threat.areas.map(areaId),
          leadAnalystId: alex.id,
          summary: threat.summary,
        });
        threatIds[demo.threat!] = created.id;
      });
    }
    for (const [i, message] of (demo.feedback ?? []).entries()) {
      await police(3 + i, ALEX, (actor) => sendFeedback(actor, id, { message }));
    }
    if (demo.sanitised) {
      const author = demo.sanitised.author ?? ALEX;
      await police(4, author, (actor) => addSanitisedVersion(actor, id, { text: demo.sanitised!.text }));
      if (demo.sanitised.status === "APPROVED") {
        const report = await prisma.sanitisedReport.findFirstOrThrow({ where: { submissionId: id }, orderBy: { createdAt: "desc" }, select: { id: true } });
        await police(5, SAM, (actor) => decideSanitised(actor, { sanitisedId: report.id, decision: "approve", decisionNote: null }));
      }
    }
    if (demo.nfa) await police(2, ALEX, (actor) => noFurtherAction(actor, id, { reason: demo.nfa! }));
  }
}

/** The partner's journey: a draft filled in question by question, then sent. Returns its id. */
async function draftAndSend(actor: DemoActor, demo: DemoSubmission, areaId: string, agreementId: string, sentAt: Date): Promise<string> {
  // The draft is made by its first answer, as "Start now" does.
  const id = await startDraft(actor, { threatType: demo.threatType, narrative: demo.narrative });
  const step = async (input: Parameters<typeof saveDraftStep>[2]) => saveDraftStep(actor, await requireDraft(actor, id), input);
  await step({
    step: "where",
    data: { areaId, locationDescription: demo.location, postcode: demo.postcode, observedFrom: new Date(sentAt.getTime() - 2 * 86_400_000), observedTo: null },
  });
  for (const entity of demo.entities) await addEntity(actor, await requireDraft(actor, id), entity);
  const [sourceEvaluation, intelligenceAssessment, handlingCode, conditions] = demo.grading;
  await step({ step: "grading", data: { sourceEvaluation, intelligenceAssessment, handlingCode, handlingConditions: conditions ?? null } });
  const implied = impliedCategoriesOf(await requireDraft(actor, id));
  const dataCategories = [...new Set<DataCategory>([...implied, "CRIMINAL_OFFENCE", ...(demo.extraCategories ?? [])])];
  await step({ step: "sharing", data: { classification: demo.classification ?? "OFFICIAL", dataCategories } });
  await step({ step: "agreement", data: { agreementId } });
  await clock.at(sentAt, () => submitDraft(actor, { id }));
  return id;
}

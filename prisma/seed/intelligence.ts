import { randomUUID } from "node:crypto";
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
import { recordAuditEvent, SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { entityRows, type EntityInput } from "~/modules/intelligence/entities";
import { impliedDataCategories, reviewDueDate, submissionReference, threatReference } from "~/modules/intelligence/workflow";
import { DEMO_AGREEMENT_REFERENCES } from "./agreements";

/**
 * Demo intelligence across the four West Mercia areas: county lines into Telford, cuckooing in
 * Worcester, a robbery series in Hereford, online fraud, exploitation near Oswestry. Identifiers
 * recur across submissions (the "Dee" line's phone, a silver Golf, the nickname "Tiny", a Snapchat
 * handle) so the correlation panel has matches to show. Every status appears, with feedback,
 * sanitised versions awaiting approval and two threats. One housing submission sits under the
 * suspended agreement, so the police cannot see it until the agreement is reinstated.
 * Identifiers are fictional (Ofcom drama phone numbers, invented registrations).
 */

const DAY = 24 * 60 * 60 * 1000;

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
  agreement: keyof typeof DEMO_AGREEMENT_REFERENCES;
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
  threat?: "telfordLine" | "herefordRobbery";
  nfa?: string;
  feedback?: string[];
  sanitised?: { text: string; status: "AWAITING_APPROVAL" | "APPROVED" };
}

const PRIYA = "priya.submitter@telford.gov.example";
const SIAN = "sian.submitter@shropshire.gov.example";
const HANNAH = "hannah.submitter@herefordshire.gov.example";
const WENDY = "wendy.submitter@worcestershire.gov.example";
const HARRIET = "harriet.housing@severnvale.housing.example";

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
    status: "ACTIONED", risk: 5, regrade: ["RELIABLE", "A", "C"],
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
    status: "BEING_ASSESSED", risk: 4 },
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
    status: "ACTIONED", risk: 3, regrade: ["RELIABLE", "A", "P"], analystNotes: "Passed to Action Fraud and ROCU cyber team.",
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
};

export async function seedIntelligence(prisma: PrismaClient, now = Date.now()): Promise<void> {
  if ((await prisma.submission.count()) > 0) return;
  const users = await prisma.user.findMany({ select: { id: true, email: true, organisationId: true } });
  const user = (email: string) => {
    const found = users.find((u) => u.email === email);
    if (!found) throw new Error(`Demo user ${email} is missing: seed organisations first`);
    return found;
  };
  const analyst = user("alex.analyst@westmercia.police.example");
  const supervisor = user("sam.supervisor@westmercia.police.example");
  const areas = await prisma.area.findMany({ select: { id: true, code: true } });
  const areaId = (code: string) => areas.find((a) => a.code === code)!.id;
  const agreements = await prisma.agreement.findMany({
    where: { reference: { in: Object.values(DEMO_AGREEMENT_REFERENCES) } },
    select: { id: true, reference: true, retentionMonths: true },
  });
  const agreementFor = (key: keyof typeof DEMO_AGREEMENT_REFERENCES) => agreements.find((a) => a.reference === DEMO_AGREEMENT_REFERENCES[key])!;

  await prisma.$transaction(
    async (tx) => {
      const threatIds: Record<string, string> = {};
      for (const [key, threat] of Object.entries(THREATS)) {
        const [sequence] = await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('threat_reference_seq') AS next`;
        const created = await tx.threat.create({
          data: {
            reference: threatReference(new Date(now).getUTCFullYear(), sequence!.next),
            title: threat.title,
            threatType: threat.threatType,
            summary: threat.summary,
            organisationId: analyst.organisationId,
            leadAnalystId: analyst.id,
            areas: { connect: threat.areas.map((code) => ({ code })) },
            createdAt: new Date(now - 55 * DAY),
          },
        });
        threatIds[key] = created.id;
        await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, {
          action: "threat.created",
          recordType: "Threat",
          recordId: created.id,
          details: { reference: created.reference, seeded: true },
        });
      }

      // Oldest first, so reference numbers rise with time.
      for (const demo of [...SUBMISSIONS].sort((a, b) => b.daysAgo - a.daysAgo)) {
        const submitter = user(demo.submitter);
        const agreement = agreementFor(demo.agreement);
        const submittedAt = new Date(now - demo.daysAgo * DAY - (demo.daysAgo % 7) * 3_600_000);
        const rows = demo.entities.flatMap((e) => entityRows(e, randomUUID()));
        const [source, assessment, handling, conditions] = demo.grading;
        const [sequence] = await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('submission_reference_seq') AS next`;
        const reference = submissionReference(submittedAt.getUTCFullYear(), sequence!.next);
        const categories = new Set<DataCategory>([
          ...impliedDataCategories({
            narrative: demo.narrative,
            locationDescription: demo.location,
            postcode: demo.postcode,
            entityKinds: rows.map((r) => r.kind),
          }),
          "CRIMINAL_OFFENCE",
          ...(demo.extraCategories ?? []),
        ]);
        const assessed = demo.status !== "RECEIVED";
        const submission = await tx.submission.create({
          data: {
            reference,
            status: demo.status,
            organisationId: submitter.organisationId,
            submitterId: submitter.id,
            agreementId: agreement.id,
            areaId: areaId(demo.area),
            threatType: demo.threatType,
            narrative: demo.narrative,
            locationDescription: demo.location,
            postcode: demo.postcode,
            observedFrom: new Date(submittedAt.getTime() - 2 * DAY),
            dataCategories: [...categories],
            classification: demo.classification ?? "OFFICIAL",
            sourceEvaluation: source,
            intelligenceAssessment: assessment,
            handlingCode: handling,
            handlingConditions: conditions ?? null,
            submittedAt,
            createdAt: new Date(submittedAt.getTime() - 3_600_000),
            reviewDueAt: reviewDueDate(submittedAt, agreement.retentionMonths),
            assignedAnalystId: assessed ? analyst.id : null,
            riskLevel: demo.risk ?? null,
            analystNotes: demo.analystNotes ?? null,
            analystSourceEvaluation: demo.regrade?.[0] ?? null,
            analystIntelligenceAssessment: demo.regrade?.[1] ?? null,
            analystHandlingCode: demo.regrade?.[2] ?? null,
            threatId: demo.threat ? threatIds[demo.threat] : null,
            noFurtherActionReason: demo.nfa ?? null,
            entities: rows.length > 0 ? { createMany: { data: rows } } : undefined,
          },
        });
        await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, {
          action: "submission.submitted",
          recordType: "Submission",
          recordId: submission.id,
          agreementId: agreement.id,
          details: { reference, seeded: true, submitterId: submitter.id },
        });
        for (const [i, message] of (demo.feedback ?? []).entries()) {
          await tx.feedback.create({
            data: { submissionId: submission.id, authorId: analyst.id, message, createdAt: new Date(submittedAt.getTime() + (i + 3) * DAY) },
          });
        }
        if (demo.sanitised) {
          const approved = demo.sanitised.status === "APPROVED";
          await tx.sanitisedReport.create({
            data: {
              submissionId: submission.id,
              authorId: analyst.id,
              text: demo.sanitised.text,
              status: demo.sanitised.status,
              approverId: approved ? supervisor.id : null,
              decidedAt: approved ? new Date(submittedAt.getTime() + 5 * DAY) : null,
              createdAt: new Date(submittedAt.getTime() + 4 * DAY),
            },
          });
        }
      }
    },
    { timeout: 120_000 },
  );
}

import type { PartyRole, PrismaClient } from "~/generated/prisma/client";
import type { AgreementStatus } from "~/generated/prisma/enums";
import {
  amendAgreement,
  createDraft,
  expireLapsedAgreements,
  recordReview,
  signVersion,
  submitForSignature,
  suspendAgreement,
} from "~/modules/agreements/lifecycle.server";
import type { AgreementTerms } from "~/modules/agreements/terms";
import { clock } from "~/utils/clock";
import { asAt, daysBefore } from "./people";

/**
 * Demo agreements: one active agreement between West Mercia Police and each area partnership
 * (with its council), one expired, one awaiting signature and one suspended, so the demo shows
 * access appear and disappear. Each is drafted, sent, signed, reviewed, amended, suspended or
 * expired by the lifecycle itself, as its people, at past times: its references are the portal's
 * own (ISA-<year>-<number>), so other seeds and tests find a demo agreement by its title
 * (`demoAgreement`).
 */
export const DEMO_AGREEMENT_TITLES = {
  telford: "Telford & Wrekin serious and organised crime information sharing agreement",
  shropshire: "Shropshire serious and organised crime information sharing agreement",
  herefordshire: "Herefordshire serious and organised crime information sharing agreement",
  worcestershire: "Worcestershire serious and organised crime information sharing agreement",
  housingExpired: "Tenancy enforcement and cuckooing information sharing (2023)",
  nhsAwaitingSignature: "Exploitation and safeguarding referrals from acute hospitals",
  housingSuspended: "Tenancy enforcement and cuckooing information sharing (2025)",
} as const;

export type DemoAgreementKey = keyof typeof DEMO_AGREEMENT_TITLES;

/** A demo agreement's id and reference, by its key. */
export async function demoAgreement(prisma: PrismaClient, key: DemoAgreementKey) {
  return prisma.agreement.findFirstOrThrow({
    where: { title: DEMO_AGREEMENT_TITLES[key] },
    select: { id: true, reference: true, retentionMonths: true },
  });
}

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

interface DemoAgreement {
  key: DemoAgreementKey;
  title: string;
  status: AgreementStatus;
  parties: { organisation: string; role: PartyRole; leadName: string; leadEmail: string; signer?: string }[];
  /** Who drafted and sent it. */
  drafter: string;
  startOffsetDays: number;
  endOffsetDays: number;
  reviewOffsetDays: number;
  ceiling: AgreementTerms["classificationCeiling"];
  statusReason?: string;
}

const POLICE_PARTY = {
  organisation: "West Mercia Police",
  role: "CONTROLLER" as PartyRole,
  leadName: "Sam Price",
  leadEmail: "sam.supervisor@westmercia.police.example",
  signer: "sam.supervisor@westmercia.police.example",
};

const HOUSING_PARTY = {
  organisation: "Severn Vale Housing",
  role: "JOINT_CONTROLLER" as PartyRole,
  leadName: "Gemma Hale",
  leadEmail: "gemma.manager@severnvale.housing.example",
  signer: "gemma.manager@severnvale.housing.example",
};

const AREA_AGREEMENTS: DemoAgreement[] = [
  ["Telford & Wrekin", "Telford & Wrekin Council", "Telford & Wrekin Community Safety Partnership", "telford", "Mark Ellis", "mark.manager@telford.gov.example", 20],
  ["Shropshire", "Shropshire Council", "Safer Stronger Shropshire Partnership", "shropshire", "Owen Davies", "owen.manager@shropshire.gov.example", 200],
  ["Herefordshire", "Herefordshire Council", "Herefordshire Community Safety Partnership", "herefordshire", "Gareth Powell", "gareth.manager@herefordshire.gov.example", 150],
  ["Worcestershire", "Worcestershire County Council", "Safer Communities Worcestershire", "worcestershire", "Will Foster", "will.manager@worcestershire.gov.example", 90],
].map(([, council, csp, key, lead, email, reviewIn]) => ({
  key: key as DemoAgreementKey,
  title: DEMO_AGREEMENT_TITLES[key as DemoAgreementKey],
  drafter: email as string,
  status: "ACTIVE",
  parties: [
    POLICE_PARTY,
    { organisation: council as string, role: "JOINT_CONTROLLER", leadName: lead as string, leadEmail: email as string, signer: email as string },
    { organisation: csp as string, role: "RECIPIENT", leadName: lead as string, leadEmail: email as string },
  ],
  startOffsetDays: -300,
  endOffsetDays: 430,
  reviewOffsetDays: reviewIn as number,
  ceiling: "OFFICIAL_SENSITIVE",
}));

const OTHER_AGREEMENTS: DemoAgreement[] = [
  {
    key: "housingExpired",
    title: DEMO_AGREEMENT_TITLES.housingExpired,
    drafter: POLICE_PARTY.signer,
    status: "EXPIRED",
    parties: [POLICE_PARTY, HOUSING_PARTY],
    startOffsetDays: -1000,
    endOffsetDays: -270,
    reviewOffsetDays: -400,
    ceiling: "OFFICIAL",
  },
  {
    key: "nhsAwaitingSignature",
    title: DEMO_AGREEMENT_TITLES.nhsAwaitingSignature,
    drafter: POLICE_PARTY.signer,
    status: "AWAITING_SIGNATURES",
    parties: [
      POLICE_PARTY,
      {
        organisation: "Shrewsbury and Telford Hospital NHS Trust",
        role: "JOINT_CONTROLLER",
        leadName: "Dr Imran Malik",
        leadEmail: "imran.manager@sath.nhs.example",
        signer: "imran.manager@sath.nhs.example",
      },
    ],
    startOffsetDays: 0,
    endOffsetDays: 730,
    reviewOffsetDays: 365,
    ceiling: "OFFICIAL_SENSITIVE",
  },
  {
    key: "housingSuspended",
    title: DEMO_AGREEMENT_TITLES.housingSuspended,
    drafter: POLICE_PARTY.signer,
    status: "SUSPENDED",
    parties: [POLICE_PARTY, HOUSING_PARTY],
    startOffsetDays: -200,
    endOffsetDays: 530,
    reviewOffsetDays: 25,
    ceiling: "OFFICIAL",
    statusReason: "Suspended pending a DPIA review after a handling breach was reported.",
  },
];

function termsFor(agreement: DemoAgreement, now: number): AgreementTerms {
  return {
    title: agreement.title,
    purpose:
      "To share information about serious and organised crime (county lines, cuckooing, exploitation, drug supply and related harm) so that police and partners share one understanding of the threat and can Pursue, Prevent, Protect and Prepare together.",
    fourPStrands: ["PURSUE", "PREVENT", "PROTECT", "PREPARE"],
    lawfulBases: ["DPA_2018_PART3_S35", "UK_GDPR_ART6_1E", "UK_GDPR_ART10", "CRIME_AND_DISORDER_ACT_1998_S115"],
    lawfulBasisNotes: "Partners disclose under s115 of the Crime and Disorder Act 1998; police process under DPA 2018 Part 3.",
    dataCategories: [
      "PERSON_IDENTIFIERS",
      "ADDRESSES_AND_LOCATIONS",
      "VEHICLES",
      "COMMUNICATIONS_IDENTIFIERS",
      "INTELLIGENCE_NARRATIVE",
      "CRIMINAL_OFFENCE",
      "CHILDRENS_DATA",
    ],
    classificationCeiling: agreement.ceiling,
    handlingConditions: "Not to be shared beyond the parties without the originator's consent.",
    sharingMethod: "Through the Partnership Intelligence Portal only; no email or removable media.",
    retentionMonths: 24,
    disposalMethod: "Content erased in the portal at the end of retention; the erasure is logged.",
    rightsRequests: "Each controller answers requests for its own records and consults the other parties before disclosure.",
    breachProcedure: "Report to both data protection officers within 24 hours.",
    startDate: isoDay(new Date(now + agreement.startOffsetDays * DAY)),
    endDate: isoDay(new Date(now + agreement.endOffsetDays * DAY)),
    reviewDate: isoDay(new Date(now + agreement.reviewOffsetDays * DAY)),
    dpiaReference: `DPIA-WM-${agreement.key}`,
    dpiaStatus: "COMPLETED",
  };
}

const DPO = "dana.dpo@westmercia.police.example";

/**
 * Each agreement's life, oldest first: drafted and sent 40 to 30 days before it starts, signed by
 * each signing party, then reviewed, amended, suspended or expired as its story needs.
 */
export async function seedAgreements(prisma: PrismaClient, seededAt = clock.now()): Promise<void> {
  const demos = [...AREA_AGREEMENTS, ...OTHER_AGREEMENTS].sort((a, b) => a.startOffsetDays - b.startOffsetDays);
  for (const demo of demos) {
    if (await prisma.agreement.findFirst({ where: { title: demo.title }, select: { id: true } })) continue;
    const now = seededAt.getTime();
    const terms = termsFor(demo, now);
    const organisations = await prisma.organisation.findMany({ where: { name: { in: demo.parties.map((p) => p.organisation) } } });
    const orgId = (name: string) => organisations.find((o) => o.name === name)!.id;
    const day = (offset: number, hour = 10) => daysBefore(seededAt, -(demo.startOffsetDays + offset), hour);
    const sentBack = demo.status === "AWAITING_SIGNATURES" ? -20 : -40;

    const { id } = await asAt(day(sentBack), demo.drafter, (actor) =>
      createDraft(actor, {
        terms,
        parties: demo.parties.map((p) => ({ organisationId: orgId(p.organisation), role: p.role, leadName: p.leadName, leadEmail: p.leadEmail })),
      }),
    );
    await asAt(day(sentBack + 3, 14), demo.drafter, (actor) => submitForSignature(actor, id));
    // The partner signs first, then the police; on the agreement still awaiting signatures only the police have.
    const isPolice = (p: { organisation: string }) => (p.organisation === POLICE_PARTY.organisation ? 1 : 0);
    const signers = demo.parties.filter((p) => p.signer).sort((a, b) => isPolice(a) - isPolice(b));
    for (const [index, party] of signers.entries()) {
      if (demo.status === "AWAITING_SIGNATURES" && party.organisation !== POLICE_PARTY.organisation) continue;
      await asAt(day(sentBack + 8 + index * 3, 11), party.signer!, (actor) => signVersion(actor, id, 1));
    }
  }
}

/**
 * What happened to the agreements after intelligence started flowing under them: run after the
 * intelligence seed, so the 2023 housing agreement was in force when its reports were sent and the
 * 2025 one was suspended only after its report arrived. Each step is skipped once done.
 */
export async function seedAgreementChanges(prisma: PrismaClient, seededAt = clock.now()): Promise<void> {
  const expired = OTHER_AGREEMENTS.find((a) => a.key === "housingExpired")!;
  await clock.at(daysBefore(seededAt, -expired.endOffsetDays - 1, 1), () => expireLapsedAgreements());

  const suspended = await prisma.agreement.findFirstOrThrow({ where: { title: DEMO_AGREEMENT_TITLES.housingSuspended }, select: { id: true, status: true } });
  if (suspended.status === "ACTIVE") {
    const reason = OTHER_AGREEMENTS.find((a) => a.key === "housingSuspended")!.statusReason!;
    await asAt(daysBefore(seededAt, 10, 15, 20), DPO, (actor) => suspendAgreement(actor, suspended.id, reason));
  }

  const telford = await prisma.agreement.findFirstOrThrow({ where: { title: DEMO_AGREEMENT_TITLES.telford }, select: { id: true, currentVersionNumber: true } });
  if (telford.currentVersionNumber === 1) {
    const terms = termsFor(AREA_AGREEMENTS.find((a) => a.key === "telford")!, seededAt.getTime());
    await seedTelfordReviewAndAmendment(telford.id, terms, seededAt);
  }
}

/**
 * The Telford agreement shows a recorded review, then a signed amendment (version 2, a readable
 * diff against version 1). The amendment changes handling and breach terms only, so what may be
 * shared under the agreement (ceiling, categories, dates) is the same as in version 1.
 */
async function seedTelfordReviewAndAmendment(id: string, terms: AgreementTerms, seededAt: Date) {
  const manager = "mark.manager@telford.gov.example";
  await asAt(daysBefore(seededAt, 65, 14, 30), manager, (actor) =>
    recordReview(actor, id, {
      outcome: "AMEND",
      notes: "Sharing has followed the agreement. Add a safeguarding condition for children's data and the ICO deadline.",
      nextReviewDate: terms.reviewDate,
    }),
  );
  await asAt(daysBefore(seededAt, 60, 10, 5), manager, (actor) =>
    amendAgreement(actor, id, {
      terms: {
        ...terms,
        handlingConditions:
          "Not to be shared beyond the parties without the originator's consent. Information about children is seen only by staff trained in safeguarding.",
        breachProcedure: "Report to both data protection officers within 24 hours, and to the ICO within 72 hours where required.",
      },
      changeSummary: "Adds a safeguarding condition for children's data and the ICO reporting deadline after the annual review",
    }),
  );
  await asAt(daysBefore(seededAt, 58, 9, 40), manager, (actor) => signVersion(actor, id, 2));
  await asAt(daysBefore(seededAt, 56, 16, 10), POLICE_PARTY.signer, (actor) => signVersion(actor, id, 2));
}

import type { PartyRole, PrismaClient } from "~/generated/prisma/client";
import type { AgreementStatus } from "~/generated/prisma/enums";
import type { AgreementTerms } from "~/modules/agreements/terms";

/**
 * Demo agreements: one active agreement between West Mercia Police and each area partnership
 * (with its council), one expired, one awaiting signature and one suspended, so the demo shows
 * access appear and disappear. References are stable: other seeds find agreements by them.
 */
export const DEMO_AGREEMENT_REFERENCES = {
  telford: "ISA-WM-TW-001",
  shropshire: "ISA-WM-SH-001",
  herefordshire: "ISA-WM-HE-001",
  worcestershire: "ISA-WM-WO-001",
  housingExpired: "ISA-WM-SVH-2023",
  nhsAwaitingSignature: "ISA-WM-SATH-002",
  housingSuspended: "ISA-WM-SVH-2025",
} as const;

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

interface DemoAgreement {
  reference: string;
  title: string;
  status: AgreementStatus;
  parties: { organisation: string; role: PartyRole; leadName: string; leadEmail: string; signer?: string }[];
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

const AREA_AGREEMENTS: DemoAgreement[] = [
  ["Telford & Wrekin", "Telford & Wrekin Council", "Telford & Wrekin Community Safety Partnership", DEMO_AGREEMENT_REFERENCES.telford, "Mark Ellis", "mark.manager@telford.gov.example", 20],
  ["Shropshire", "Shropshire Council", "Safer Stronger Shropshire Partnership", DEMO_AGREEMENT_REFERENCES.shropshire, "Owen Davies", "owen.manager@shropshire.gov.example", 200],
  ["Herefordshire", "Herefordshire Council", "Herefordshire Community Safety Partnership", DEMO_AGREEMENT_REFERENCES.herefordshire, "Gareth Powell", "gareth.manager@herefordshire.gov.example", 150],
  ["Worcestershire", "Worcestershire County Council", "Safer Communities Worcestershire", DEMO_AGREEMENT_REFERENCES.worcestershire, "Will Foster", "will.manager@worcestershire.gov.example", 90],
].map(([area, council, csp, reference, lead, email, reviewIn]) => ({
  reference: reference as string,
  title: `${area} serious and organised crime information sharing agreement`,
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
    reference: DEMO_AGREEMENT_REFERENCES.housingExpired,
    title: "Tenancy enforcement and cuckooing information sharing (2023)",
    status: "EXPIRED",
    parties: [POLICE_PARTY, { organisation: "Severn Vale Housing", role: "JOINT_CONTROLLER", leadName: "Harriet Lowe", leadEmail: "harriet.housing@severnvale.housing.example" }],
    startOffsetDays: -1000,
    endOffsetDays: -270,
    reviewOffsetDays: -400,
    ceiling: "OFFICIAL",
  },
  {
    reference: DEMO_AGREEMENT_REFERENCES.nhsAwaitingSignature,
    title: "Exploitation and safeguarding referrals from acute hospitals",
    status: "AWAITING_SIGNATURES",
    parties: [
      POLICE_PARTY,
      { organisation: "Shrewsbury and Telford Hospital NHS Trust", role: "JOINT_CONTROLLER", leadName: "Nadia Kaur", leadEmail: "nadia.nurse@sath.nhs.example" },
    ],
    startOffsetDays: 0,
    endOffsetDays: 730,
    reviewOffsetDays: 365,
    ceiling: "OFFICIAL_SENSITIVE",
  },
  {
    reference: DEMO_AGREEMENT_REFERENCES.housingSuspended,
    title: "Tenancy enforcement and cuckooing information sharing (2025)",
    status: "SUSPENDED",
    parties: [POLICE_PARTY, { organisation: "Severn Vale Housing", role: "JOINT_CONTROLLER", leadName: "Harriet Lowe", leadEmail: "harriet.housing@severnvale.housing.example" }],
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
    dpiaReference: `DPIA-${agreement.reference}`,
    dpiaStatus: "COMPLETED",
  };
}

export async function seedAgreements(prisma: PrismaClient, now = Date.now()): Promise<void> {
  for (const demo of [...AREA_AGREEMENTS, ...OTHER_AGREEMENTS]) {
    if (await prisma.agreement.findUnique({ where: { reference: demo.reference } })) continue;
    const terms = termsFor(demo, now);
    const organisations = await prisma.organisation.findMany({
      where: { name: { in: demo.parties.map((p) => p.organisation) } },
    });
    const orgId = (name: string) => organisations.find((o) => o.name === name)!.id;
    const signed = demo.status !== "AWAITING_SIGNATURES";
    // Who did what, so the demo history names people (expiry is the portal's own doing).
    const drafter = await userId(prisma, demo.parties[1]?.signer ?? POLICE_PARTY.signer);
    const policeSigner = await userId(prisma, POLICE_PARTY.signer);
    const dpo = await userId(prisma, "dana.dpo@westmercia.police.example");
    const created = await prisma.agreement.create({
      data: {
        reference: demo.reference,
        title: demo.title,
        status: demo.status,
        classificationCeiling: terms.classificationCeiling,
        dataCategories: terms.dataCategories,
        startDate: new Date(terms.startDate),
        endDate: new Date(terms.endDate),
        reviewDate: new Date(terms.reviewDate),
        retentionMonths: terms.retentionMonths,
        parties: {
          create: demo.parties.map((p) => ({
            organisationId: orgId(p.organisation),
            role: p.role,
            leadName: p.leadName,
            leadEmail: p.leadEmail,
          })),
        },
        createdById: drafter,
        versions: { create: { versionNumber: 1, terms, changeSummary: "First version", createdById: drafter, createdAt: new Date(now + (demo.startOffsetDays - 30) * DAY) } },
        history: {
          create: [
            { toStatus: "DRAFT", reason: "Drafted", actorId: drafter, at: new Date(now + (demo.startOffsetDays - 30) * DAY) },
            { fromStatus: "DRAFT", toStatus: "AWAITING_SIGNATURES", reason: "Sent to the parties for signature", actorId: drafter, at: new Date(now + (demo.startOffsetDays - 20) * DAY) },
            ...(signed
              ? [{ fromStatus: "AWAITING_SIGNATURES" as const, toStatus: "ACTIVE" as const, reason: "Signed by every party", actorId: policeSigner, at: new Date(now + (demo.startOffsetDays - 5) * DAY) }]
              : []),
            ...(demo.status === "EXPIRED"
              ? [{ fromStatus: "ACTIVE" as const, toStatus: "EXPIRED" as const, reason: "End date passed", at: new Date(now + demo.endOffsetDays * DAY) }]
              : []),
            ...(demo.status === "SUSPENDED"
              ? [{ fromStatus: "ACTIVE" as const, toStatus: "SUSPENDED" as const, reason: demo.statusReason ?? null, actorId: dpo, at: new Date(now - 10 * DAY) }]
              : []),
          ],
        },
        // West Mercia Police's DPO suspended it: only West Mercia Police can lift that suspension.
        ...(demo.status === "SUSPENDED"
          ? {
              suspensions: {
                create: {
                  organisationId: orgId(POLICE_PARTY.organisation),
                  suspendedById: dpo,
                  suspendedAt: new Date(now - 10 * DAY),
                  reason: demo.statusReason ?? "Suspended",
                },
              },
            }
          : {}),
      },
      include: { versions: true },
    });
    // Signatures: every signing party signed version 1, except on the agreement still awaiting them
    // (there only the police have signed).
    for (const party of demo.parties) {
      if (!party.signer) continue;
      if (!signed && party.organisation !== POLICE_PARTY.organisation) continue;
      const signer = await prisma.user.findUnique({ where: { email: party.signer } });
      if (!signer) continue;
      await prisma.agreementSignature.create({
        data: {
          agreementVersionId: created.versions[0]!.id,
          organisationId: orgId(party.organisation),
          userId: signer.id,
          signedAt: new Date(now + (demo.startOffsetDays - 5) * DAY),
        },
      });
    }
    if (demo.reference === DEMO_AGREEMENT_REFERENCES.telford) await seedTelfordAmendmentAndReview(prisma, created.id, terms, demo, now);
  }
}

async function userId(prisma: PrismaClient, email: string | undefined): Promise<string | null> {
  if (!email) return null;
  return (await prisma.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
}

/**
 * The Telford agreement shows a signed amendment (version 2, a readable diff against version 1)
 * and a recorded review. The amendment changes handling and breach terms only, so what may be
 * shared under the agreement (ceiling, categories, dates) is the same as in version 1.
 */
async function seedTelfordAmendmentAndReview(prisma: PrismaClient, agreementId: string, terms: AgreementTerms, demo: DemoAgreement, now: number) {
  const manager = await userId(prisma, "mark.manager@telford.gov.example");
  const supervisor = await userId(prisma, POLICE_PARTY.signer);
  if (!manager || !supervisor) return;
  const amendedAt = new Date(now - 60 * DAY);
  const amended: AgreementTerms = {
    ...terms,
    handlingConditions:
      "Not to be shared beyond the parties without the originator's consent. Information about children is seen only by staff trained in safeguarding.",
    breachProcedure: "Report to both data protection officers within 24 hours, and to the ICO within 72 hours where required.",
  };
  const version = await prisma.agreementVersion.create({
    data: {
      agreementId,
      versionNumber: 2,
      terms: amended,
      changeSummary: "Adds a safeguarding condition for children's data and the ICO reporting deadline after the annual review",
      createdById: manager,
      createdAt: amendedAt,
    },
  });
  const council = demo.parties[1]!.organisation;
  const organisations = await prisma.organisation.findMany({ where: { name: { in: [council, POLICE_PARTY.organisation] } } });
  for (const [organisation, signer, daysLater] of [[council, manager, 2], [POLICE_PARTY.organisation, supervisor, 4]] as const) {
    await prisma.agreementSignature.create({
      data: {
        agreementVersionId: version.id,
        organisationId: organisations.find((o) => o.name === organisation)!.id,
        userId: signer,
        signedAt: new Date(amendedAt.getTime() + daysLater * DAY),
      },
    });
  }
  await prisma.agreement.update({ where: { id: agreementId }, data: { currentVersionNumber: 2 } });
  await prisma.agreementStatusChange.create({
    data: {
      agreementId,
      fromStatus: "ACTIVE",
      toStatus: "ACTIVE",
      reason: "Version 2 signed by every party and now in force (replacing version 1)",
      actorId: supervisor,
      at: new Date(amendedAt.getTime() + 4 * DAY),
    },
  });
  await prisma.agreementReview.create({
    data: {
      agreementId,
      reviewedById: manager,
      reviewedAt: new Date(amendedAt.getTime() - 5 * DAY),
      outcome: "AMEND",
      notes: "Sharing has followed the agreement. Add a safeguarding condition for children's data and the ICO deadline.",
      nextReviewDate: new Date(terms.reviewDate),
    },
  });
}

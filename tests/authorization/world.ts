import { randomUUID } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { audit } from "~/modules/audit/audit.server";
import { prisma } from "~/utils/db.server";
import { contextFor } from "../audit/helpers";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { createAgreementRow } from "../helpers/agreements";
import { createSubmission } from "../intelligence/fixtures";

/**
 * The authorization matrix's world: two sharing arrangements that know nothing of each other.
 *
 *   side A: police force A  <-- agreement A (in force) -->  council A
 *   side B: police force B  <-- agreement B (in force) -->  council B
 *
 * Every role has a person on each side. For a record of side A, the people of side A are in a party
 * organisation (their own organisation's record, or a partner's under the agreement) and the people
 * of side B are in a non-party organisation (an unrelated record); and the other way round.
 */
export const PRINCIPALS = [
  "out", // signed out
  "subA", // partner submitter, council A
  "subB", // partner submitter, council B
  "mgrA", // partner manager, council A (agreement signatory)
  "mgrB", // partner manager, council B (agreement signatory)
  "anA", // police analyst, force A
  "anB", // police analyst, force B
  "supA", // intelligence supervisor, force A (agreement signatory)
  "supB", // intelligence supervisor, force B (agreement signatory)
  "dpoA", // data protection officer, council A
  "dpoP", // data protection officer, force A (the police party of agreement A)
  "dpoB", // data protection officer, council B
  "admA", // system administrator, force A
  "admB", // system administrator, council B
] as const;
export type Principal = (typeof PRINCIPALS)[number];

const ROLES: Record<Exclude<Principal, "out">, { roles: Role[]; side: "A" | "B"; police: boolean; signatory?: boolean }> = {
  subA: { roles: ["PARTNER_SUBMITTER"], side: "A", police: false },
  subB: { roles: ["PARTNER_SUBMITTER"], side: "B", police: false },
  mgrA: { roles: ["PARTNER_MANAGER"], side: "A", police: false, signatory: true },
  mgrB: { roles: ["PARTNER_MANAGER"], side: "B", police: false, signatory: true },
  anA: { roles: ["POLICE_ANALYST"], side: "A", police: true },
  anB: { roles: ["POLICE_ANALYST"], side: "B", police: true },
  supA: { roles: ["INTELLIGENCE_SUPERVISOR"], side: "A", police: true, signatory: true },
  supB: { roles: ["INTELLIGENCE_SUPERVISOR"], side: "B", police: true, signatory: true },
  dpoA: { roles: ["DATA_PROTECTION_OFFICER"], side: "A", police: false },
  dpoP: { roles: ["DATA_PROTECTION_OFFICER"], side: "A", police: true },
  dpoB: { roles: ["DATA_PROTECTION_OFFICER"], side: "B", police: false },
  admA: { roles: ["SYSTEM_ADMINISTRATOR"], side: "A", police: true },
  admB: { roles: ["SYSTEM_ADMINISTRATOR"], side: "B", police: false },
};

async function createSide(side: "A" | "B") {
  const suffix = `${side}-${randomUUID().slice(0, 6)}`;
  const force = await createOrganisation({ name: `Force ${suffix}`, type: "POLICE_FORCE" });
  const council = await createOrganisation({ name: `Council ${suffix}`, type: "LOCAL_AUTHORITY" });
  const area = await prisma.area.create({ data: { code: `AREA_${suffix}`, name: `Area ${suffix}` } });
  await prisma.organisation.update({ where: { id: council.id }, data: { areas: { connect: { id: area.id } } } });
  const agreement = await createAgreementRow({
    parties: [
      { organisationId: force.id, role: "CONTROLLER" },
      { organisationId: council.id, role: "JOINT_CONTROLLER" },
    ],
    dataCategories: ["PERSON_IDENTIFIERS", "COMMUNICATIONS_IDENTIFIERS", "INTELLIGENCE_NARRATIVE"],
  });
  // A new agreement between the same two, sent for signature and not yet signed.
  const awaitingSignatures = await createAgreementRow({
    parties: [
      { organisationId: force.id, role: "CONTROLLER" },
      { organisationId: council.id, role: "JOINT_CONTROLLER" },
    ],
    status: "AWAITING_SIGNATURES",
  });
  return { force, council, area, agreement, awaitingSignatures };
}

export async function createMatrixWorld() {
  const sides = { A: await createSide("A"), B: await createSide("B") };
  const people = {} as Record<Exclude<Principal, "out">, Awaited<ReturnType<typeof createUser>>>;
  for (const [who, { roles, side, police, signatory }] of Object.entries(ROLES) as [Exclude<Principal, "out">, (typeof ROLES)["subA"]][]) {
    const organisationId = police ? sides[side].force.id : sides[side].council.id;
    people[who] = await createUser({ roles, organisationId, signatory });
  }

  async function records(side: "A" | "B") {
    const { force, council, agreement } = sides[side];
    const submitter = people[side === "A" ? "subA" : "subB"];
    const analyst = people[side === "A" ? "anA" : "anB"];
    const { submission, sanitised } = await submissionOf(sides[side], submitter.id, analyst.id);
    const draft = await createSubmission({ submitterId: submitter.id, organisationId: council.id, agreementId: null, status: "DRAFT" });
    const threat = await prisma.threat.create({
      data: { reference: `THR-M-${randomUUID().slice(0, 8)}`, title: `Threat ${side}`, threatType: "COUNTY_LINES", organisationId: force.id },
    });
    // A threat briefing the side's force sent to its council (approved by the side's supervisor).
    const dissemination = await prisma.dissemination.create({
      data: {
        reference: `DIS-M-${side}-${randomUUID().slice(0, 8)}`,
        kind: "THREAT_BRIEFING",
        threatId: threat.id,
        title: `Briefing ${side}`,
        body: "For partners",
        classification: "OFFICIAL",
        handlingCode: "P",
        dataCategories: ["INTELLIGENCE_NARRATIVE"],
        senderOrganisationId: force.id,
        authorId: analyst.id,
        approverId: people[side === "A" ? "supA" : "supB"].id,
        status: "APPROVED",
        decidedAt: new Date(),
        recipients: { create: { organisationId: council.id, agreementId: agreement.id } },
      },
    });
    // The side's plans: an action on the threat owned by the council, and an area plan it is involved in.
    const planAction = await prisma.planAction.create({
      data: { reference: `ACT-M-${randomUUID().slice(0, 8)}`, threatId: threat.id, strand: "PREVENT", title: `Action ${side}`, ownerOrganisationId: council.id, dueDate: new Date(), createdById: analyst.id },
    });
    const areaPlan = await prisma.areaPlan.create({
      data: {
        reference: `CHB-M-${randomUUID().slice(0, 8)}`,
        name: `Plan ${side}`,
        neighbourhood: "Town centre",
        areaId: sides[side].area.id,
        leadOrganisationId: force.id,
        partners: { connect: { id: council.id } },
        createdById: analyst.id,
      },
    });
    // The area's SOC local profile, owned by the force, with a published version (the analyst's).
    const profile = await prisma.localProfile.create({
      data: {
        areaId: sides[side].area.id,
        organisationId: force.id,
        versions: { create: { number: 1, narrative: "County lines.", figures: {}, status: "PUBLISHED", authorId: analyst.id } },
      },
    });
    // A person the administrators can manage who is none of the principals.
    const member = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    await audit(contextFor(analyst), {
      action: "submission.viewed",
      recordType: "Submission",
      recordId: submission.id,
      agreementId: agreement.id,
      justification: "TRIAGE",
    });
    const event = await prisma.auditEvent.findFirstOrThrow({
      where: { recordId: submission.id, action: "submission.viewed" },
      orderBy: { id: "desc" },
    });
    return { ...sides[side], submission, draft, threat, member, event, sanitised, analyst, dissemination, planAction, areaPlan, profile };
  }

  const A = await records("A");
  const B = await records("B");
  const cookies = { out: undefined } as Record<Principal, string | undefined>;
  for (const who of Object.keys(ROLES) as Exclude<Principal, "out">[]) cookies[who] = await signedInCookie(people[who].id);
  return { A, B, people, cookies };
}

export type MatrixWorld = Awaited<ReturnType<typeof createMatrixWorld>>;

type SideRecords = Pick<MatrixWorld["A"], "council" | "area" | "agreement">;

/** A council's submission shared with its force, with a sanitised version awaiting a decision (four eyes). */
async function submissionOf(side: SideRecords, submitterId: string, analystId: string) {
  const submission = await createSubmission({
    submitterId,
    organisationId: side.council.id,
    agreementId: side.agreement.id,
    areaId: side.area.id,
    entities: [{ kind: "PHONE", displayValue: "07700 900123", normalisedValue: "+447700900123" }],
    extra: { analystNotes: "Police-only note", reviewDueAt: new Date(Date.now() - 86_400_000) },
  });
  const sanitised = await prisma.sanitisedReport.create({
    data: { submissionId: submission.id, authorId: analystId, text: "Sanitised: activity at a flat.", status: "AWAITING_APPROVAL" },
  });
  return { submission, sanitised };
}

/** The same world with new submissions on both sides, for an action that changes the one it acts on. */
export async function withFreshSubmissions(world: MatrixWorld): Promise<MatrixWorld> {
  const { people } = world;
  return {
    ...world,
    A: { ...world.A, ...(await submissionOf(world.A, people.subA.id, people.anA.id)) },
    B: { ...world.B, ...(await submissionOf(world.B, people.subB.id, people.anB.id)) },
  };
}

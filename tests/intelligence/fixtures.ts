import { randomUUID } from "node:crypto";
import type { AgreementStatus, Classification, DataCategory, Prisma, Role, SubmissionStatus } from "~/generated/prisma/client";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { requestAuditContext } from "~/modules/auth/auth.server";
import type { Auth } from "~/modules/intelligence/access.server";
import { prisma } from "~/utils/db.server";
import { addEntity, requireDraft, saveDraftStep, startDraft } from "~/modules/intelligence/submissions.server";
import { createOrganisation, createUser } from "../helpers/factories";
import { testContext } from "../helpers/remix";

const DAY = 24 * 60 * 60 * 1000;
export const ALL_CATEGORIES: DataCategory[] = [
  "PERSON_IDENTIFIERS",
  "ADDRESSES_AND_LOCATIONS",
  "VEHICLES",
  "COMMUNICATIONS_IDENTIFIERS",
  "INTELLIGENCE_NARRATIVE",
  "CRIMINAL_OFFENCE",
];

/** An agreement between organisations, in force by default. */
export async function createAgreement(options: {
  organisationIds: string[];
  status?: AgreementStatus;
  ceiling?: Classification;
  dataCategories?: DataCategory[];
  startOffsetDays?: number;
  endOffsetDays?: number;
  retentionMonths?: number;
}) {
  const now = Date.now();
  return prisma.agreement.create({
    data: {
      reference: `ISA-TEST-${randomUUID().slice(0, 8)}`,
      title: "Test agreement",
      status: options.status ?? "ACTIVE",
      classificationCeiling: options.ceiling ?? "OFFICIAL_SENSITIVE",
      dataCategories: options.dataCategories ?? ALL_CATEGORIES,
      startDate: new Date(now + (options.startOffsetDays ?? -30) * DAY),
      endDate: new Date(now + (options.endOffsetDays ?? 300) * DAY),
      reviewDate: new Date(now + 100 * DAY),
      retentionMonths: options.retentionMonths ?? 24,
      parties: {
        create: options.organisationIds.map((organisationId, i) => ({
          organisationId,
          role: i === 0 ? "CONTROLLER" : "JOINT_CONTROLLER",
          leadName: "Lead",
          leadEmail: `lead${i}@example.test`,
        })),
      },
    },
  });
}

/** A West-Mercia-like world: a force, a council sharing with it, another force, a non-party council. */
export async function createWorld() {
  const force = await createOrganisation({ type: "POLICE_FORCE" });
  const otherForce = await createOrganisation({ type: "POLICE_FORCE" });
  const council = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  const otherCouncil = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  const area = await prisma.area.create({ data: { code: `AREA_${randomUUID().slice(0, 6)}`, name: `Area ${randomUUID().slice(0, 6)}` } });
  await prisma.organisation.update({ where: { id: council.id }, data: { areas: { connect: { id: area.id } } } });
  const agreement = await createAgreement({ organisationIds: [force.id, council.id] });
  const otherAgreement = await createAgreement({ organisationIds: [otherForce.id, otherCouncil.id] });
  const user = (roles: Role[], organisationId: string) => createUser({ roles, organisationId });
  return {
    force,
    otherForce,
    council,
    otherCouncil,
    area,
    agreement,
    otherAgreement,
    analyst: await user(["POLICE_ANALYST"], force.id),
    supervisor: await user(["INTELLIGENCE_SUPERVISOR"], force.id),
    secondSupervisor: await user(["INTELLIGENCE_SUPERVISOR"], force.id),
    forceDpo: await user(["DATA_PROTECTION_OFFICER"], force.id),
    admin: await user(["SYSTEM_ADMINISTRATOR"], force.id),
    otherAnalyst: await user(["POLICE_ANALYST"], otherForce.id),
    submitter: await user(["PARTNER_SUBMITTER"], council.id),
    colleague: await user(["PARTNER_SUBMITTER"], council.id),
    manager: await user(["PARTNER_MANAGER"], council.id),
    councilDpo: await user(["DATA_PROTECTION_OFFICER"], council.id),
    otherSubmitter: await user(["PARTNER_SUBMITTER"], otherCouncil.id),
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

let referenceCounter = 0;

/** A submitted (or draft) submission with optional entities, straight into the database. */
export async function createSubmission(options: {
  submitterId: string;
  organisationId: string;
  agreementId: string | null;
  areaId?: string | null;
  status?: SubmissionStatus;
  classification?: Classification;
  narrative?: string;
  entities?: { kind: Prisma.SubmissionEntityCreateManySubmissionInput["kind"]; displayValue: string; normalisedValue: string }[];
  extra?: Partial<Prisma.SubmissionUncheckedCreateInput>;
}) {
  const status = options.status ?? "RECEIVED";
  referenceCounter += 1;
  return prisma.submission.create({
    data: {
      submitterId: options.submitterId,
      organisationId: options.organisationId,
      agreementId: options.agreementId,
      areaId: options.areaId ?? null,
      status,
      classification: options.classification ?? "OFFICIAL",
      reference: status === "DRAFT" ? null : `INT-TEST-${randomUUID().slice(0, 6)}-${referenceCounter}`,
      threatType: "COUNTY_LINES",
      narrative: options.narrative ?? "Young people seen dealing drugs from a flat near the bus station",
      locationDescription: "Brookside",
      sourceEvaluation: "UNTESTED",
      intelligenceAssessment: "B",
      handlingCode: "P",
      dataCategories: ["INTELLIGENCE_NARRATIVE"],
      submittedAt: status === "DRAFT" ? null : new Date(),
      entities: options.entities ? { createMany: { data: options.entities } } : undefined,
      ...options.extra,
    },
  });
}

/** What requireUser would give a request from `user`. */
export async function authFor(userId: string, now = new Date()): Promise<Auth> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      roles: true,
      isAgreementSignatory: true,
      organisationId: true,
      disabledAt: true,
      totpEnrolledAt: true,
      organisation: { select: { id: true, name: true, type: true } },
    },
  });
  const request = new Request("http://localhost/test", { headers: { "User-Agent": "vitest" } });
  return {
    user,
    ability: defineAbilityFor({ ...user, organisationType: user.organisation.type }, now),
    audit: requestAuditContext(request, testContext, user),
  };
}

/**
 * A partner's draft filled in step by step through the domain services (every step, a phone number,
 * grading, sharing, the agreement), ready to submit.
 */
export async function completeDraftIn(
  world: World,
  userId: string,
  agreementId: string,
  classification: "OFFICIAL" | "OFFICIAL_SENSITIVE" = "OFFICIAL",
  // The agreement step refuses an agreement that does not fit the draft; to test that submitting
  // re-checks too, the choice is stored as if it had fitted when it was made.
  chooseAgreement: "step" | "stored" = "step",
) {
  const auth = await authFor(userId);
  const id = await startDraft(auth, { threatType: "CUCKOOING", narrative: "Visitors at all hours" });
  const step = async (input: Parameters<typeof saveDraftStep>[2]) => saveDraftStep(auth, await requireDraft(auth, id), input);
  await step({
    step: "where",
    data: { areaId: world.area.id, locationDescription: "Tudor Way", postcode: "WR2 5QH", observedFrom: new Date("2026-01-01T10:00:00Z"), observedTo: null },
  });
  await addEntity(auth, await requireDraft(auth, id), { kind: "PHONE", data: { phone: "07700 900456" } });
  await step({ step: "grading", data: { sourceEvaluation: "RELIABLE", intelligenceAssessment: "A", handlingCode: "C", handlingConditions: "Do not tell the tenant" } });
  await step({
    step: "sharing",
    data: { classification, dataCategories: ["INTELLIGENCE_NARRATIVE", "ADDRESSES_AND_LOCATIONS", "COMMUNICATIONS_IDENTIFIERS"] },
  });
  if (chooseAgreement === "step") await step({ step: "agreement", data: { agreementId } });
  else await prisma.submission.update({ where: { id }, data: { agreementId } });
  return { auth, id };
}

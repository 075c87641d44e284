import { subject } from "@casl/ability";
import { beforeAll, describe, expect, it } from "vitest";
import type { Submission } from "~/generated/prisma/client";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { authFor, createAgreement, createSubmission, createWorld, type World } from "./fixtures";

/**
 * The heart of the intelligence rules: who may read a submission, checked both ways the app uses
 * them (in memory with ability.can, and in SQL with accessibleWhere), before and after the
 * agreement stops being in force.
 */
let world: World;

async function loadForMemoryCheck(id: string) {
  return prisma.submission.findUniqueOrThrow({
    where: { id },
    include: { agreement: { include: { parties: { select: { organisationId: true } } } } },
  });
}

async function canRead(userId: string, submissionId: string) {
  const auth = await authFor(userId);
  const inDatabase =
    (await prisma.submission.count({ where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { id: submissionId }] } })) === 1;
  const row = await loadForMemoryCheck(submissionId);
  const inMemory = auth.ability.can("read", subject("Submission", row as Submission));
  expect(inMemory, "in-memory and database answers must agree").toBe(inDatabase);
  return inDatabase;
}

beforeAll(async () => {
  world = await createWorld();
});

describe("reading a submitted submission", () => {
  it("follows role, party and agreement for every role", async () => {
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id });
    const expected: [string, string, boolean][] = [
      ["submitter", world.submitter.id, true],
      ["colleague in the same council", world.colleague.id, true],
      ["partner manager of the council", world.manager.id, true],
      ["council DPO (audit trail only)", world.councilDpo.id, false],
      ["analyst of the party force", world.analyst.id, true],
      ["supervisor of the party force", world.supervisor.id, true],
      ["force DPO (audit trail only)", world.forceDpo.id, false],
      ["system administrator", world.admin.id, false],
      ["analyst of a non-party force", world.otherAnalyst.id, false],
      ["submitter of a non-party council", world.otherSubmitter.id, false],
    ];
    for (const [who, userId, allowed] of expected) {
      expect(await canRead(userId, s.id), who).toBe(allowed);
    }
  });

  it.each(["SUSPENDED", "REVOKED", "EXPIRED"] as const)("stops police access on the next request when the agreement is %s, and restores it", async (status) => {
    const agreement = await createAgreement({ organisationIds: [world.force.id, world.council.id] });
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: agreement.id });
    expect(await canRead(world.analyst.id, s.id)).toBe(true);
    expect(await canRead(world.supervisor.id, s.id)).toBe(true);
    await prisma.agreement.update({ where: { id: agreement.id }, data: { status } });
    expect(await canRead(world.analyst.id, s.id)).toBe(false);
    expect(await canRead(world.supervisor.id, s.id)).toBe(false);
    // The originating organisation keeps sight of what it sent.
    expect(await canRead(world.submitter.id, s.id)).toBe(true);
    await prisma.agreement.update({ where: { id: agreement.id }, data: { status: "ACTIVE" } });
    expect(await canRead(world.analyst.id, s.id)).toBe(true);
  });

  it("stops access when the end date passes even if nobody changed the status", async () => {
    const agreement = await createAgreement({ organisationIds: [world.force.id, world.council.id] });
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: agreement.id });
    expect(await canRead(world.analyst.id, s.id)).toBe(true);
    await prisma.agreement.update({ where: { id: agreement.id }, data: { endDate: new Date(Date.now() - 1000) } });
    expect(await canRead(world.analyst.id, s.id)).toBe(false);
  });

  it("does not start before the agreement's start date", async () => {
    const agreement = await createAgreement({ organisationIds: [world.force.id, world.council.id], startOffsetDays: 2 });
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: agreement.id });
    expect(await canRead(world.analyst.id, s.id)).toBe(false);
  });

  it("keeps OFFICIAL-SENSITIVE records above an OFFICIAL ceiling from police", async () => {
    const agreement = await createAgreement({ organisationIds: [world.force.id, world.council.id], ceiling: "OFFICIAL" });
    const sensitive = await createSubmission({
      submitterId: world.submitter.id,
      organisationId: world.council.id,
      agreementId: agreement.id,
      classification: "OFFICIAL_SENSITIVE",
    });
    const official = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: agreement.id });
    expect(await canRead(world.analyst.id, sensitive.id)).toBe(false);
    expect(await canRead(world.analyst.id, official.id)).toBe(true);
    // Under an OFFICIAL-SENSITIVE ceiling both are visible.
    const sensitiveUnderHigh = await createSubmission({
      submitterId: world.submitter.id,
      organisationId: world.council.id,
      agreementId: world.agreement.id,
      classification: "OFFICIAL_SENSITIVE",
    });
    expect(await canRead(world.analyst.id, sensitiveUnderHigh.id)).toBe(true);
  });
});

describe("drafts", () => {
  it("are seen only by their submitter: not colleagues, managers or police", async () => {
    const draft = await createSubmission({
      submitterId: world.submitter.id,
      organisationId: world.council.id,
      agreementId: world.agreement.id,
      status: "DRAFT",
    });
    expect(await canRead(world.submitter.id, draft.id)).toBe(true);
    expect(await canRead(world.colleague.id, draft.id)).toBe(false);
    expect(await canRead(world.manager.id, draft.id)).toBe(false);
    expect(await canRead(world.analyst.id, draft.id)).toBe(false);
  });
});

describe("assessing and approving", () => {
  it("lets only police of a party assess, and only supervisors approve someone else's sanitised version", async () => {
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id });
    const report = await prisma.sanitisedReport.create({ data: { submissionId: s.id, authorId: world.supervisor.id, text: "Sanitised" } });
    const canAssess = async (userId: string) =>
      (await prisma.submission.count({ where: { AND: [accessibleWhere((await authFor(userId)).ability, "assess", "Submission"), { id: s.id }] } })) === 1;
    const canApprove = async (userId: string) =>
      (await prisma.sanitisedReport.count({
        where: { AND: [accessibleWhere((await authFor(userId)).ability, "approve", "SanitisedReport"), { id: report.id }] },
      })) === 1;
    expect(await canAssess(world.analyst.id)).toBe(true);
    expect(await canAssess(world.supervisor.id)).toBe(true);
    expect(await canAssess(world.submitter.id)).toBe(false);
    expect(await canAssess(world.otherAnalyst.id)).toBe(false);
    expect(await canApprove(world.supervisor.id)).toBe(false); // the author
    expect(await canApprove(world.secondSupervisor.id)).toBe(true);
    expect(await canApprove(world.analyst.id)).toBe(false);
  });
});

describe("accessibleWhere with no rule at all", () => {
  it("matches nothing even inside AND (Prisma drops an empty OR there)", async () => {
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id });
    const dpo = await authFor(world.forceDpo.id);
    expect(await prisma.submission.count({ where: { AND: [accessibleWhere(dpo.ability, "read", "Submission"), { id: s.id }] } })).toBe(0);
    expect(await prisma.submission.count({ where: accessibleWhere(dpo.ability, "read", "Submission") })).toBe(0);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { eligibleAgreements, requireDraft, startDraft, submitDraft, SubmitRefused } from "~/modules/intelligence/submissions.server";
import { authFor, completeDraftIn, createAgreement, createWorld, type World } from "./fixtures";

/** A partner's draft, step by step, to submission under an agreement in force. */
let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** A complete draft of the world's submitter, ready to submit (fixtures.ts). */
const completeDraft = (userId: string, agreementId: string, classification?: "OFFICIAL" | "OFFICIAL_SENSITIVE", chooseAgreement?: "step" | "stored") =>
  completeDraftIn(world, userId, agreementId, classification, chooseAgreement);

describe("submitting", () => {
  it("gives a reference, RECEIVED, a review date from the agreement's retention, and an audit event in the same transaction", async () => {
    const { auth, id } = await completeDraft(world.submitter.id, world.agreement.id);
    const reference = await submitDraft(auth, await requireDraft(auth, id));
    expect(reference).toMatch(/^INT-\d{4}-\d{6}$/);
    const saved = await prisma.submission.findUniqueOrThrow({ where: { id }, include: { entities: true } });
    expect(saved.status).toBe("RECEIVED");
    expect(saved.reviewDueAt!.getTime() - saved.submittedAt!.getTime()).toBeGreaterThan(700 * 24 * 3600 * 1000);
    expect(saved.entities[0]!.normalisedValue).toBe("+447700900456");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.submitted", recordId: id } });
    expect(event.agreementId).toBe(world.agreement.id);
    expect(JSON.stringify(event.details)).not.toContain("Visitors");
  });

  it("gives unique references when many are submitted at once", async () => {
    const drafts = await Promise.all([1, 2, 3, 4, 5].map(() => completeDraft(world.submitter.id, world.agreement.id)));
    const references = await Promise.all(drafts.map(async ({ auth, id }) => submitDraft(auth, await requireDraft(auth, id))));
    expect(new Set(references).size).toBe(5);
  });

  it("cannot submit the same draft twice", async () => {
    const { auth, id } = await completeDraft(world.submitter.id, world.agreement.id);
    const draft = await requireDraft(auth, id);
    await submitDraft(auth, draft);
    await expect(submitDraft(auth, draft)).rejects.toThrow(/was sent on .* and can no longer be changed/);
  });

  it("refuses an incomplete draft", async () => {
    const auth = await authFor(world.submitter.id);
    const id = await startDraft(auth, { threatType: "CUCKOOING", narrative: "Visitors at all hours" });
    await expect(submitDraft(auth, await requireDraft(auth, id))).rejects.toThrow("Tell us where and when");
  });

  it("re-checks the agreement at submit: suspended since it was chosen means refused", async () => {
    const agreement = await createAgreement({ organisationIds: [world.force.id, world.council.id] });
    const { auth, id } = await completeDraft(world.submitter.id, agreement.id);
    await prisma.agreement.update({ where: { id: agreement.id }, data: { status: "SUSPENDED" } });
    await expect(submitDraft(auth, await requireDraft(auth, id))).rejects.toThrow(/no longer in force/);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });

  it("re-checks the ceiling and categories at submit", async () => {
    const lowCeiling = await createAgreement({ organisationIds: [world.force.id, world.council.id], ceiling: "OFFICIAL" });
    const { auth, id } = await completeDraft(world.submitter.id, lowCeiling.id, "OFFICIAL_SENSITIVE", "stored");
    await expect(submitDraft(auth, await requireDraft(auth, id))).rejects.toThrow(SubmitRefused);
    const narrow = await createAgreement({ organisationIds: [world.force.id, world.council.id], dataCategories: ["INTELLIGENCE_NARRATIVE"] });
    const second = await completeDraft(world.submitter.id, narrow.id, "OFFICIAL", "stored");
    await expect(submitDraft(second.auth, await requireDraft(second.auth, second.id))).rejects.toThrow(SubmitRefused);
  });

  it("refuses an agreement the organisation is not party to", async () => {
    await expect(completeDraft(world.submitter.id, world.otherAgreement.id)).rejects.toThrow("Select one of the agreements listed");
    const { auth, id } = await completeDraft(world.submitter.id, world.otherAgreement.id, "OFFICIAL", "stored");
    await expect(submitDraft(auth, await requireDraft(auth, id))).rejects.toThrow(SubmitRefused);
  });
});

describe("agreements offered", () => {
  it("lists only agreements in force, with the organisation as party and a police party, covering ceiling and categories", async () => {
    const suspended = await createAgreement({ organisationIds: [world.force.id, world.council.id], status: "SUSPENDED" });
    const low = await createAgreement({ organisationIds: [world.force.id, world.council.id], ceiling: "OFFICIAL" });
    const narrow = await createAgreement({ organisationIds: [world.force.id, world.council.id], dataCategories: ["INTELLIGENCE_NARRATIVE"] });
    const partnersOnly = await createAgreement({ organisationIds: [world.council.id, world.otherCouncil.id] });
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    const sensitiveVehicles = await eligibleAgreements(world.council.id, { classification: "OFFICIAL_SENSITIVE", dataCategories: ["VEHICLES"] });
    expect(ids(sensitiveVehicles)).toContain(world.agreement.id);
    for (const excluded of [suspended, low, narrow, partnersOnly, world.otherAgreement]) expect(ids(sensitiveVehicles)).not.toContain(excluded.id);
    const officialNarrative = await eligibleAgreements(world.council.id, { classification: "OFFICIAL", dataCategories: ["INTELLIGENCE_NARRATIVE"] });
    expect(ids(officialNarrative)).toEqual(expect.arrayContaining([world.agreement.id, low.id, narrow.id]));
  });
});

describe("drafts belong to their author", () => {
  it("answers 404 to a colleague, a manager and the police", async () => {
    const auth = await authFor(world.submitter.id);
    const id = await startDraft(auth, { threatType: "CUCKOOING", narrative: "Visitors at all hours" });
    for (const other of [world.colleague.id, world.manager.id]) {
      await expect(requireDraft(await authFor(other), id)).rejects.toMatchObject({ status: 404 });
    }
    await expect(requireDraft(await authFor(world.analyst.id), id)).rejects.toMatchObject({ status: 403 });
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", recordId: id } })).toBe(2);
  });
});

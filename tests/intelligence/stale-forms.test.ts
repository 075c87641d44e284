import { beforeAll, describe, expect, it } from "vitest";
import {
  addEntity,
  DraftNoLongerEditable,
  DraftStepRefused,
  removeEntityGroup,
  requireDraft,
  saveDraftStep,
  submitDraft,
} from "~/modules/intelligence/submissions.server";
import * as whatStep from "~/routes/submissions.$id.what";
import * as addEntityRoute from "~/routes/submissions.$id.entities.$kind";
import * as entitiesStep from "~/routes/submissions.$id.entities._index";
import * as checkStep from "~/routes/submissions.$id.check";
import { AssessmentRefused, noFurtherAction } from "~/modules/intelligence/triage.server";
import { prisma } from "~/utils/db.server";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { authFor, completeDraftIn, createAgreement, createSubmission, createWorld, type World } from "./fixtures";

/**
 * Issue 8, defect 8: every draft write re-checks, inside its transaction, that the draft is still
 * the user's and unsent. A tab loaded before the draft was submitted elsewhere (the "stale tab")
 * changes nothing, and its form comes back with a clear message and what was typed.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const completeDraft = () => completeDraftIn(world, world.submitter.id, world.agreement.id);

/** A draft loaded in one tab, then submitted from another. */
async function staleTab() {
  const { auth, id } = await completeDraft();
  const staleDraft = await requireDraft(auth, id);
  await submitDraft(auth, await requireDraft(auth, id));
  const before = await prisma.submission.findUniqueOrThrow({ where: { id }, include: { entities: true } });
  const events = await prisma.auditEvent.count({ where: { recordId: id } });
  return { auth, id, staleDraft, before, events };
}

async function unchanged(id: string, before: Awaited<ReturnType<typeof staleTab>>["before"], events: number) {
  expect(await prisma.submission.findUniqueOrThrow({ where: { id }, include: { entities: true } })).toEqual(before);
  expect(await prisma.auditEvent.count({ where: { recordId: id } })).toBe(events);
}

describe("draft writes re-check the draft inside their transaction", () => {
  it("saveDraftStep from a stale tab is refused with the date it was sent, and changes nothing", async () => {
    const { auth, id, staleDraft, before, events } = await staleTab();
    const error = await saveDraftStep(auth, staleDraft, { step: "what", data: { threatType: "FRAUD", narrative: "Changed after sending" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftNoLongerEditable);
    expect((error as Error).message).toMatch(new RegExp(`^This submission \\(${before.reference}\\) was sent on .+ and can no longer be changed`));
    await unchanged(id, before, events);
  });

  it("addEntity from a stale tab is refused and adds nothing", async () => {
    const { auth, id, staleDraft, before, events } = await staleTab();
    await expect(addEntity(auth, staleDraft, { kind: "VEHICLE", data: { registration: "AB12 CDE", make: "", colour: "" } })).rejects.toBeInstanceOf(DraftNoLongerEditable);
    await unchanged(id, before, events);
  });

  it("removeEntityGroup from a stale tab is refused and removes nothing", async () => {
    const { auth, id, staleDraft, before, events } = await staleTab();
    const group = staleDraft.entities[0]!.id;
    await expect(removeEntityGroup(auth, staleDraft, group)).rejects.toBeInstanceOf(DraftNoLongerEditable);
    await unchanged(id, before, events);
  });

  it("submitting from a stale tab is refused: it was sent already", async () => {
    const { auth, id, staleDraft, before, events } = await staleTab();
    await expect(submitDraft(auth, staleDraft)).rejects.toThrow(/was sent on .* and can no longer be changed/);
    await unchanged(id, before, events);
  });

  it("the audited old values are the row's at the time of the write, not the stale page's", async () => {
    const { auth, id } = await completeDraft();
    const tabA = await requireDraft(auth, id);
    await saveDraftStep(auth, await requireDraft(auth, id), { step: "what", data: { threatType: "FRAUD", narrative: "Tab B's words" } });
    await saveDraftStep(auth, tabA, { step: "what", data: { threatType: "MONEY_LAUNDERING", narrative: "Tab A's words" } });
    const last = await prisma.auditEvent.findFirstOrThrow({ where: { recordId: id, action: "submission.draft_saved" }, orderBy: { id: "desc" } });
    expect(last.details).toMatchObject({ step: "what", changes: { threatType: { old: "FRAUD", new: "MONEY_LAUNDERING" }, narrative: "changed" } });
  });

  it("an agreement chosen on a stale page is checked against the draft as it now stands", async () => {
    const lowCeiling = await createAgreement({ organisationIds: [world.force.id, world.council.id], ceiling: "OFFICIAL" });
    const { auth, id } = await completeDraft();
    const staleAgreementPage = await requireDraft(auth, id);
    // Another tab raises the classification above what the agreement allows.
    await saveDraftStep(auth, await requireDraft(auth, id), {
      step: "sharing",
      data: { classification: "OFFICIAL_SENSITIVE", dataCategories: ["INTELLIGENCE_NARRATIVE", "ADDRESSES_AND_LOCATIONS", "COMMUNICATIONS_IDENTIFIERS"] },
    });
    const error = await saveDraftStep(auth, staleAgreementPage, { step: "agreement", data: { agreementId: lowCeiling.id } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftStepRefused);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id } })).agreementId).toBe(world.agreement.id);
  });
});

describe("a stale form gets a clear message and keeps what was typed", () => {
  type StaleResult = { data: { errors: Record<string, string>; values: Record<string, string>; stale: boolean } };

  it("the 'what' question page: 409, the message in the error summary, the typed words re-shown, nothing saved", async () => {
    const { id, before, events } = await staleTab();
    const cookie = await signedInCookie(world.submitter.id);
    const form = { threatType: "FRAUD", narrative: "Words typed in the old tab" };
    const outcome = await run(whatStep.action, makeRequest(`/submissions/${id}/what`, { cookie, form }), { id });
    expect(statusOf(outcome)).toBe(409);
    const body = (outcome as StaleResult).data;
    expect(body.errors.form).toMatch(/was sent on .* and can no longer be changed/);
    expect(body.values).toMatchObject(form);
    expect(body.stale).toBe(true);
    await unchanged(id, before, events);
    // The page is not reloaded after such an answer (its loader would now be a 404).
    expect(whatStep.shouldRevalidate({ actionResult: body, defaultShouldRevalidate: true } as never)).toBe(false);
    expect(whatStep.shouldRevalidate({ actionResult: { errors: {}, values: {} }, defaultShouldRevalidate: true } as never)).toBe(true);
  });

  it("adding a vehicle, removing an entity and sending from stale pages: the same message, nothing changed", async () => {
    const { id, staleDraft, before, events } = await staleTab();
    const cookie = await signedInCookie(world.submitter.id);
    const add = await run(addEntityRoute.action, makeRequest(`/submissions/${id}/entities/vehicle`, { cookie, form: { registration: "AB12 CDE" } }), { id, kind: "vehicle" });
    expect(statusOf(add)).toBe(409);
    expect((add as StaleResult).data.values.registration).toBe("AB12 CDE");
    const remove = await run(entitiesStep.action, makeRequest(`/submissions/${id}/entities`, { cookie, form: { group: staleDraft.entities[0]!.id } }), { id });
    expect(statusOf(remove)).toBe(409);
    expect((remove as StaleResult).data.errors.form).toMatch(/can no longer be changed/);
    const send = (await run(checkStep.action, makeRequest(`/submissions/${id}/check`, { cookie, form: {} }), { id })) as { error: string; stale: boolean };
    expect(send).toMatchObject({ error: expect.stringMatching(/was sent on/), stale: true });
    await unchanged(id, before, events);
  });

  it("someone else's sent submission is still a 404 (the message is only for the user's own organisation)", async () => {
    const { id } = await staleTab();
    const cookie = await signedInCookie(world.otherSubmitter.id);
    const outcome = await run(whatStep.action, makeRequest(`/submissions/${id}/what`, { cookie, form: { threatType: "FRAUD", narrative: "x" } }), { id });
    expect(statusOf(outcome)).toBe(404);
  });
});

describe("triage changes re-check the submission inside their transaction", () => {
  it("two analysts closing at once: one closes, the other is told it is already closed; one event", async () => {
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id });
    const [a, b] = [await authFor(world.analyst.id), await authFor(world.supervisor.id)];
    const outcomes = await Promise.allSettled([
      noFurtherAction(a, s.id, { reason: "No organised crime element" }),
      noFurtherAction(b, s.id, { reason: "Duplicate of another report" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(AssessmentRefused);
    expect((refused.reason as Error).message).toBe("This submission is already closed");
    expect(await prisma.auditEvent.count({ where: { recordId: s.id, action: "submission.no_further_action" } })).toBe(1);
  });

  it("a triage form submitted after the agreement was suspended changes nothing (logged 404)", async () => {
    const agreement = await createAgreement({ organisationIds: [world.force.id, world.council.id] });
    const s = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: agreement.id });
    const analyst = await authFor(world.analyst.id);
    await prisma.agreement.update({ where: { id: agreement.id }, data: { status: "SUSPENDED" } });
    const outcome = await noFurtherAction(analyst, s.id, { reason: "Stale page" }).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(Response);
    expect((outcome as Response).status).toBe(404);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("RECEIVED");
    expect(await prisma.auditEvent.count({ where: { recordId: s.id, action: "access.denied" } })).toBe(1);
  });
});

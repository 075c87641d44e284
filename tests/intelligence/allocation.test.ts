import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import * as assign from "~/routes/triage.$id_.assign";
import * as triage from "~/routes/triage._index";
import { prisma } from "~/utils/db.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "./fixtures";

/**
 * Work allocation (issue 10): an analyst or supervisor of the force claims a submission or gives it
 * to a colleague; nobody else may, nor can it go to someone outside the force; a double submit
 * changes it once; "my queue" lists what is theirs, with how long each item has waited.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const submitted = (extra: Partial<Parameters<typeof createSubmission>[0]> = {}) =>
  createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, areaId: world.area.id, ...extra });

async function post(userId: string, submissionId: string, form: Record<string, string>) {
  const request = makeRequest(`/triage/${submissionId}/assign`, { cookie: await signedInCookie(userId), form });
  return run(assign.action, request, { id: submissionId });
}

async function getPage(userId: string, submissionId: string) {
  return run(assign.loader, makeRequest(`/triage/${submissionId}/assign`, { cookie: await signedInCookie(userId) }), { id: submissionId });
}

const assignedEvents = (submissionId: string) => prisma.auditEvent.count({ where: { action: "submission.assigned", recordId: submissionId } });

describe("claiming and assigning", () => {
  it("lets an analyst claim a submission, recorded once however often the form is sent", async () => {
    const submission = await submitted();
    const form = { intent: "claim", formToken: randomUUID() };
    const first = (await post(world.analyst.id, submission.id, form)) as Response;
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe(`/triage/${submission.id}/assign?assigned=1`);
    const row = await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(row.assignedAnalystId).toBe(world.analyst.id);
    expect(row.assignedAt).not.toBeNull();
    // A double click: the same form again goes where the first went and changes nothing.
    const again = (await post(world.analyst.id, submission.id, form)) as Response;
    expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await assignedEvents(submission.id)).toBe(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.assigned", recordId: submission.id } });
    expect(event.details).toMatchObject({ assignedAnalystId: { old: null, new: world.analyst.id }, claimed: true });
  });

  it("lets a supervisor give it to an analyst of the force, and shows who has it", async () => {
    const submission = await submitted();
    const outcome = await post(world.supervisor.id, submission.id, { intent: "assign", assigneeId: world.analyst.id, formToken: randomUUID() });
    expect(statusOf(outcome)).toBe(302);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).assignedAnalystId).toBe(world.analyst.id);
    const page = (await getPage(world.supervisor.id, submission.id)) as { submission: { assignedAnalyst: { name: string } | null }; analysts: { id: string }[] };
    expect(page.submission.assignedAnalyst?.name).toBe("Test User");
    // Only the force's active analysts and supervisors are offered.
    const offered = page.analysts.map((a) => a.id);
    expect(offered).toEqual(expect.arrayContaining([world.analyst.id, world.supervisor.id, world.secondSupervisor.id]));
    expect(offered).not.toContain(world.otherAnalyst.id);
    expect(offered).not.toContain(world.forceDpo.id);
  });

  it("refuses to give it to someone outside the force's analysts and supervisors", async () => {
    const submission = await submitted();
    const disabled = await createUser({ roles: ["POLICE_ANALYST"], organisationId: world.force.id, disabled: true });
    for (const assigneeId of [world.otherAnalyst.id, world.submitter.id, world.forceDpo.id, disabled.id]) {
      const outcome = (await post(world.analyst.id, submission.id, { intent: "assign", assigneeId, formToken: randomUUID() })) as { errors: Record<string, string> };
      expect(outcome.errors.assigneeId).toBe("Select an analyst or supervisor of your force");
    }
    const missing = (await post(world.analyst.id, submission.id, { intent: "assign", assigneeId: "", formToken: randomUUID() })) as { errors: Record<string, string> };
    expect(missing.errors.assigneeId).toBe("Select who to give it to");
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: submission.id } })).assignedAnalystId).toBeNull();
    expect(await assignedEvents(submission.id)).toBe(0);
  });

  it("refuses partners and other roles (403) and hides it from another force (404)", async () => {
    const submission = await submitted();
    for (const user of [world.submitter, world.manager, world.forceDpo, world.admin]) {
      expect(statusOf(await getPage(user.id, submission.id))).toBe(403);
      expect(statusOf(await post(user.id, submission.id, { intent: "claim", formToken: randomUUID() }))).toBe(403);
    }
    expect(statusOf(await getPage(world.otherAnalyst.id, submission.id))).toBe(404);
    expect(statusOf(await post(world.otherAnalyst.id, submission.id, { intent: "claim", formToken: randomUUID() }))).toBe(404);
    expect(await assignedEvents(submission.id)).toBe(0);
    const denied = await prisma.auditEvent.count({ where: { action: "access.denied", recordId: submission.id, actorUserId: world.otherAnalyst.id } });
    expect(denied).toBe(2);
  });

  it("does not allocate closed work", async () => {
    const closed = await submitted({ status: "CLOSED" });
    expect(statusOf(await post(world.analyst.id, closed.id, { intent: "claim", formToken: randomUUID() }))).toBe(404);
  });
});

describe("my queue", () => {
  type Queue = { items: { id: string; age: string | null; assignedAnalyst: { name: string } | null; allocatable: boolean }[] };
  const queueOf = async (userId: string, query = "") =>
    (await run(triage.loader, makeRequest(`/triage${query}`, { cookie: await signedInCookie(userId) }))) as Queue;

  it("lists only what is assigned to the person asking, with how long each has waited", async () => {
    const analyst = await createUser({ roles: ["POLICE_ANALYST"], organisationId: world.force.id });
    const threeDaysAgo = new Date(Date.now() - (3 * 24 + 2) * 60 * 60 * 1000);
    const mine = await submitted({ extra: { submittedAt: threeDaysAgo } });
    const notMine = await submitted();
    expect((await queueOf(analyst.id, "?queue=mine")).items).toEqual([]);
    await post(analyst.id, mine.id, { intent: "claim", formToken: randomUUID() });
    const queue = await queueOf(analyst.id, "?queue=mine");
    expect(queue.items.map((i) => i.id)).toEqual([mine.id]);
    expect(queue.items[0]).toMatchObject({ age: "3 days", allocatable: true });
    const everything = await queueOf(analyst.id);
    expect(everything.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine.id, notMine.id]));
  });

  it("answers 400 to a queue it does not know", async () => {
    expect(statusOf(await queueOf(world.analyst.id, "?queue=theirs"))).toBe(400);
  });
});

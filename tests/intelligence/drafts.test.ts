import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { authFor, completeDraftIn, createWorld, type World } from "./fixtures";
import * as startPage from "~/routes/submissions.new";
import * as firstQuestion from "~/routes/submissions.new_.what";
import * as deletePage from "~/routes/submissions.$id.delete";
import * as submissionsIndex from "~/routes/submissions._index";
import { startDraft, submitDraft, requireDraft } from "~/modules/intelligence/submissions.server";

/** Issue 10, drafts: nothing is left behind by "Start now", and partners can delete their own drafts. */
let world: World;
let submitterCookie: string;

const post = (path: string, cookie: string, form: Record<string, string>) =>
  makeRequest(path, { cookie, form, headers: { Origin: "http://localhost" } });

const draftsOf = (userId: string) => prisma.submission.count({ where: { submitterId: userId, status: "DRAFT" } });

beforeAll(async () => {
  world = await createWorld();
  submitterCookie = await signedInCookie(world.submitter.id);
});

describe("starting a submission", () => {
  it("creates no draft until the first answer is saved", async () => {
    const before = await draftsOf(world.submitter.id);
    expect(statusOf(await run(startPage.loader, makeRequest("/submissions/new", { cookie: submitterCookie })))).toBe(200);
    expect(statusOf(await run(firstQuestion.loader, makeRequest("/submissions/new/what", { cookie: submitterCookie })))).toBe(200);
    // A form sent without answers shows its errors and creates nothing either.
    const empty = await run(firstQuestion.action, post("/submissions/new/what", submitterCookie, { formToken: randomUUID() }));
    expect(empty).toMatchObject({ errors: { threatType: expect.any(String), narrative: expect.any(String) } });
    expect(await draftsOf(world.submitter.id)).toBe(before);
  });

  it("creates the draft, with its first answers, on the first save; the same form sent twice makes one draft", async () => {
    const before = await draftsOf(world.submitter.id);
    const form = { threatType: "CUCKOOING", narrative: "Visitors at all hours to a flat on Tudor Way", formToken: randomUUID() };
    const first = (await run(firstQuestion.action, post("/submissions/new/what", submitterCookie, form))) as Response;
    const again = (await run(firstQuestion.action, post("/submissions/new/what", submitterCookie, form))) as Response;
    expect(first.status).toBe(302);
    const location = first.headers.get("Location")!;
    expect(location).toMatch(/^\/submissions\/[0-9a-f-]{36}\/where$/);
    expect(again.headers.get("Location")).toBe(location);
    expect(await draftsOf(world.submitter.id)).toBe(before + 1);
    const id = location.split("/")[2]!;
    const draft = await prisma.submission.findUniqueOrThrow({ where: { id } });
    expect(draft).toMatchObject({ threatType: "CUCKOOING", narrative: form.narrative, status: "DRAFT" });
    expect(await prisma.auditEvent.count({ where: { action: "submission.draft_saved", recordId: id } })).toBe(1);
  });
});

describe("deleting a draft", () => {
  async function newDraft() {
    return startDraft(await authFor(world.submitter.id), { threatType: "COUNTY_LINES", narrative: "A line into town" });
  }

  it("asks for confirmation, then deletes the author's own draft and records it", async () => {
    const id = await newDraft();
    const page = await run(deletePage.loader, makeRequest(`/submissions/${id}/delete`, { cookie: submitterCookie }), { id });
    expect(page).toMatchObject({ id, title: "County lines" });
    expect(await prisma.submission.count({ where: { id } })).toBe(1);
    // A post without the confirmation (not from the page's button) deletes nothing.
    expect(await run(deletePage.action, post(`/submissions/${id}/delete`, submitterCookie, {}), { id })).toMatchObject({ errors: { confirm: expect.any(String) } });
    expect(await prisma.submission.count({ where: { id } })).toBe(1);
    const done = (await run(deletePage.action, post(`/submissions/${id}/delete`, submitterCookie, { confirm: "yes" }), { id })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/submissions?deleted=1");
    expect(await prisma.submission.count({ where: { id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.draft_deleted", recordId: id } });
    expect(event.actorUserId).toBe(world.submitter.id);
    const list = await run(submissionsIndex.loader, makeRequest("/submissions?deleted=1", { cookie: submitterCookie }));
    expect(list).toMatchObject({ deleted: true });
  });

  it("answers 404 to a colleague and a manager, 403 to the police, and deletes nothing", async () => {
    const id = await newDraft();
    for (const other of [world.colleague.id, world.manager.id]) {
      const cookie = await signedInCookie(other);
      expect(statusOf(await run(deletePage.loader, makeRequest(`/submissions/${id}/delete`, { cookie }), { id }))).toBe(404);
      expect(statusOf(await run(deletePage.action, post(`/submissions/${id}/delete`, cookie, { confirm: "yes" }), { id }))).toBe(404);
    }
    const analyst = await signedInCookie(world.analyst.id);
    expect(statusOf(await run(deletePage.action, post(`/submissions/${id}/delete`, analyst, { confirm: "yes" }), { id }))).toBe(403);
    expect(await prisma.submission.count({ where: { id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "submission.draft_deleted", recordId: id } })).toBe(0);
  });

  it("never deletes a sent submission (404), and answers 404 to an unknown or malformed id", async () => {
    const { auth, id } = await completeDraftIn(world, world.submitter.id, world.agreement.id);
    await submitDraft(auth, await requireDraft(auth, id));
    expect(statusOf(await run(deletePage.action, post(`/submissions/${id}/delete`, submitterCookie, { confirm: "yes" }), { id }))).toBe(404);
    expect(await prisma.submission.count({ where: { id } })).toBe(1);
    for (const bad of [randomUUID(), "not-an-id"]) {
      expect(statusOf(await run(deletePage.loader, makeRequest(`/submissions/${bad}/delete`, { cookie: submitterCookie }), { id: bad }))).toBeGreaterThanOrEqual(400);
    }
  });
});

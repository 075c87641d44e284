import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as sharingStep from "~/routes/submissions.$id.sharing";
import * as entityPage from "~/routes/submissions.$id.entities.$kind";
import * as search from "~/routes/search";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "./fixtures";

/**
 * Defaults that would decide for the person (issue 10): the classification of a draft and the
 * police's reason for searching are chosen, never pre-set; and a thing named in a draft can be
 * changed, not only removed.
 */
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const who of ["submitter", "colleague", "analyst"] as const) cookies[who] = await signedInCookie(world[who].id);
});

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;
const call = (handler: unknown, path: string, who: string, params: Record<string, string>, form?: Record<string, string | string[]>) =>
  run(handler as Handler, makeRequest(path, { cookie: cookies[who], form, headers: form ? { Origin: "http://localhost" } : undefined }), params);

const newDraft = () => createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: null, status: "DRAFT", extra: { dataCategories: [] } });

describe("classification", () => {
  it("is not chosen on a draft whose sharing step is unanswered, and must be chosen", async () => {
    const draft = await newDraft();
    const page = (await call(sharingStep.loader, `/submissions/${draft.id}/sharing`, "submitter", { id: draft.id })) as { classification: string | null };
    expect(page.classification).toBeNull();
    const outcome = (await call(sharingStep.action, `/submissions/${draft.id}/sharing`, "submitter", { id: draft.id }, { dataCategories: "INTELLIGENCE_NARRATIVE" })) as { errors: Record<string, string> };
    expect(outcome.errors.classification).toBe("Select the classification");
  });

  it("shows the person's own answer once given", async () => {
    const draft = await newDraft();
    const saved = await call(sharingStep.action, `/submissions/${draft.id}/sharing`, "submitter", { id: draft.id }, {
      classification: "OFFICIAL_SENSITIVE",
      dataCategories: ["INTELLIGENCE_NARRATIVE", "ADDRESSES_AND_LOCATIONS"],
    });
    expect(statusOf(saved)).toBe(302);
    const page = (await call(sharingStep.loader, `/submissions/${draft.id}/sharing`, "submitter", { id: draft.id })) as { classification: string | null };
    expect(page.classification).toBe("OFFICIAL_SENSITIVE");
  });
});

describe("why the police are searching", () => {
  it("is not pre-set: a search without it is refused with an error and logs nothing", async () => {
    const before = await prisma.auditEvent.count({ where: { actorUserId: world.analyst.id, action: "submission.searched" } });
    const refused = (await call(search.loader, "/search?q=drugs", "analyst", {})) as { errors: Record<string, string> | undefined; result: unknown };
    expect(refused.errors?.justification).toBe("Select why you are searching");
    expect(refused.result).toBeNull();
    expect(await prisma.auditEvent.count({ where: { actorUserId: world.analyst.id, action: "submission.searched" } })).toBe(before);

    const chosen = (await call(search.loader, "/search?q=drugs&justification=SAFEGUARDING", "analyst", {})) as { errors: unknown; result: { searched: boolean } };
    expect(chosen.errors).toBeUndefined();
    expect(chosen.result.searched).toBe(true);
    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { actorUserId: world.analyst.id, action: "submission.searched" }, orderBy: { id: "desc" } });
    expect(logged.justification).toBe("SAFEGUARDING");
  });

  it("is not asked of partners, who follow their own submissions", async () => {
    const page = (await call(search.loader, "/search?q=drugs", "submitter", {})) as { errors: unknown; police: boolean };
    expect(page.errors).toBeUndefined();
    expect(page.police).toBe(false);
  });
});

describe("changing a thing named in a draft", () => {
  it("comes filled in, replaces it with what is typed now, and keeps one matching key", async () => {
    const draft = await newDraft();
    const path = `/submissions/${draft.id}/entities/vehicle`;
    await call(entityPage.action, path, "submitter", { id: draft.id, kind: "vehicle" }, { registration: "ab12 cde", make: "Ford Focus", colour: "Blue" });
    const added = await prisma.submissionEntity.findFirstOrThrow({ where: { submissionId: draft.id } });
    // Shown as on the plate, like a postcode; matched on its key.
    expect(added).toMatchObject({ kind: "VEHICLE", displayValue: "AB12 CDE", normalisedValue: "AB12CDE" });
    const group = (added.details as { group: string }).group;

    const form = (await call(entityPage.loader, `${path}?group=${group}`, "submitter", { id: draft.id, kind: "vehicle" })) as { values: Record<string, string>; heading: string };
    expect(form.values).toEqual({ registration: "AB12 CDE", make: "Ford Focus", colour: "Blue" });
    expect(form.heading).toBe("Change a vehicle");

    const bad = (await call(entityPage.action, `${path}?group=${group}`, "submitter", { id: draft.id, kind: "vehicle" }, { registration: "" })) as { errors: Record<string, string> };
    expect(bad.errors.registration).toBeTruthy();
    const saved = await call(entityPage.action, `${path}?group=${group}`, "submitter", { id: draft.id, kind: "vehicle" }, { registration: "xy51zzz", make: "Ford Focus", colour: "Red" });
    expect(statusOf(saved)).toBe(302);
    const rows = await prisma.submissionEntity.findMany({ where: { submissionId: draft.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ displayValue: "XY51 ZZZ", normalisedValue: "XY51ZZZ", details: { group, make: "Ford Focus", colour: "Red" } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { recordId: draft.id, action: "submission.draft_saved" }, orderBy: { id: "desc" } });
    expect(event.details).toEqual({ step: "entities", changed: "VEHICLE", rows: 1 });
  });

  it("answers 404 for a thing of another kind, one not in the draft, or another person's draft", async () => {
    const draft = await newDraft();
    await call(entityPage.action, `/submissions/${draft.id}/entities/phone`, "submitter", { id: draft.id, kind: "phone" }, { phone: "07700 900123" });
    const phone = await prisma.submissionEntity.findFirstOrThrow({ where: { submissionId: draft.id } });
    const group = (phone.details as { group: string }).group;
    expect(statusOf(await call(entityPage.loader, `/submissions/${draft.id}/entities/vehicle?group=${group}`, "submitter", { id: draft.id, kind: "vehicle" }))).toBe(404);
    expect(statusOf(await call(entityPage.action, `/submissions/${draft.id}/entities/vehicle?group=${group}`, "submitter", { id: draft.id, kind: "vehicle" }, { registration: "AB12CDE" }))).toBe(404);
    expect(statusOf(await call(entityPage.loader, `/submissions/${draft.id}/entities/phone?group=${crypto.randomUUID()}`, "submitter", { id: draft.id, kind: "phone" }))).toBe(404);
    expect(statusOf(await call(entityPage.action, `/submissions/${draft.id}/entities/phone?group=${group}`, "colleague", { id: draft.id, kind: "phone" }, { phone: "07700 900999" }))).toBe(404);
    expect(await prisma.submissionEntity.findFirstOrThrow({ where: { submissionId: draft.id } })).toMatchObject({ displayValue: "07700 900123" });
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "~/utils/db.server";
import { POLICE_ONLY_FIELDS } from "~/modules/authorization/fields";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "./fixtures";
import * as submissionsIndex from "~/routes/submissions._index";
import * as submissionsNew from "~/routes/submissions.new";
import * as firstQuestion from "~/routes/submissions.new_.what";
import * as submissionView from "~/routes/submissions.$id._index";
import * as confirmation from "~/routes/submissions.$id.confirmation";
import * as whatStep from "~/routes/submissions.$id.what";
import * as whereStep from "~/routes/submissions.$id.where";
import * as entitiesStep from "~/routes/submissions.$id.entities._index";
import * as addEntity from "~/routes/submissions.$id.entities.$kind";
import * as gradingStep from "~/routes/submissions.$id.grading";
import * as sharingStep from "~/routes/submissions.$id.sharing";
import * as agreementStep from "~/routes/submissions.$id.agreement";
import * as checkStep from "~/routes/submissions.$id.check";
import * as exportRoute from "~/routes/intelligence.$id.export";
import * as triageIndex from "~/routes/triage._index";
import * as triageSummary from "~/routes/triage.$id._index";
import * as triageAssess from "~/routes/triage.$id.assess";
import * as triageLink from "~/routes/triage.$id.link";
import * as triageSanitise from "~/routes/triage.$id.sanitise";
import * as triageFeedback from "~/routes/triage.$id.feedback";
import * as triageHistory from "~/routes/triage.$id.history";
import * as approvals from "~/routes/triage.approvals";
import * as search from "~/routes/search";
import * as threatsIndex from "~/routes/threats._index";
import * as threatView from "~/routes/threats.$id._index";

/**
 * Every intelligence route, for every role: allowed (200 or the redirect its journey expects),
 * forbidden by role (403), or not visible (404, so a record's existence is not disclosed).
 */
let world: World;
const cookies: Record<string, string> = {};
let submission: { id: string };
let draft: { id: string };
let threat: { id: string };

type Who = "submitter" | "colleague" | "manager" | "councilDpo" | "otherSubmitter" | "analyst" | "supervisor" | "forceDpo" | "admin" | "otherAnalyst";
const EVERYONE: Who[] = ["submitter", "colleague", "manager", "councilDpo", "otherSubmitter", "analyst", "supervisor", "forceDpo", "admin", "otherAnalyst"];

beforeAll(async () => {
  world = await createWorld();
  for (const who of EVERYONE) cookies[who] = await signedInCookie(world[who].id);
  submission = await createSubmission({
    submitterId: world.submitter.id,
    organisationId: world.council.id,
    agreementId: world.agreement.id,
    areaId: world.area.id,
    extra: { analystNotes: "POLICE ONLY NOTE", riskLevel: 4, handlingCode: "C", handlingConditions: "Do not disclose to the tenant" },
  });
  draft = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: null, status: "DRAFT" });
  threat = await prisma.threat.create({ data: { reference: "THR-TEST-0001", title: "Test threat", threatType: "COUNTY_LINES", organisationId: world.force.id } });
});

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

async function statusFor(handler: Handler, path: string, who: Who, params: Record<string, string> = {}, form?: Record<string, string>) {
  return statusOf(await run(handler, makeRequest(path, { cookie: cookies[who], form, headers: form ? { Origin: "http://localhost" } : undefined }), params));
}

function expectMatrix(expected: Partial<Record<Who, number>>, actual: Partial<Record<Who, number>>) {
  expect(actual).toEqual(expected);
}

async function matrix(handler: Handler, path: string, params: Record<string, string>, who: Who[], form?: Record<string, string>) {
  const result: Partial<Record<Who, number>> = {};
  for (const w of who) result[w] = await statusFor(handler, path, w, params, form);
  return result;
}

describe("signed out", () => {
  it("redirects every page to sign in", async () => {
    for (const [handler, path, params] of [
      [submissionsIndex.loader, "/submissions", {}],
      [triageIndex.loader, "/triage", {}],
      [triageSummary.loader, `/triage/${"x"}`, { id: "x" }],
      [search.loader, "/search", {}],
      [threatsIndex.loader, "/threats", {}],
    ] as [Handler, string, Record<string, string>][]) {
      const outcome = await run(handler, makeRequest(path), params);
      expect(statusOf(outcome)).toBe(302);
      expect((outcome as Response).headers.get("Location")).toMatch(/^\/sign-in/);
    }
  });
});

describe("partner pages", () => {
  it("/submissions: partners only", async () => {
    expectMatrix(
      { submitter: 200, colleague: 200, manager: 200, councilDpo: 403, otherSubmitter: 200, analyst: 403, supervisor: 403, forceDpo: 403, admin: 403, otherAnalyst: 403 },
      await matrix(submissionsIndex.loader, "/submissions", {}, EVERYONE),
    );
  });

  it("/submissions/new: partners start drafts; nobody else", async () => {
    expectMatrix(
      { submitter: 200, manager: 200, councilDpo: 403, analyst: 403, supervisor: 403, forceDpo: 403, admin: 403 },
      await matrix(submissionsNew.loader, "/submissions/new", {}, ["submitter", "manager", "councilDpo", "analyst", "supervisor", "forceDpo", "admin"]),
    );
    expectMatrix(
      { submitter: 200, analyst: 403, admin: 403 },
      await matrix(firstQuestion.action, "/submissions/new/what", {}, ["submitter", "analyst", "admin"], {}),
    );
  });

  it("question pages and check answers: the draft's author only (404 for colleagues, 403 for police)", async () => {
    const steps: [Handler, string][] = [
      [whatStep.loader, "what"],
      [whereStep.loader, "where"],
      [entitiesStep.loader, "entities"],
      [gradingStep.loader, "grading"],
      [sharingStep.loader, "sharing"],
      [agreementStep.loader, "agreement"],
      [checkStep.loader, "check"],
    ];
    for (const [loader, step] of steps) {
      expectMatrix(
        { submitter: 200, colleague: 404, manager: 404, otherSubmitter: 404, analyst: 403, councilDpo: 403 },
        await matrix(loader, `/submissions/${draft.id}/${step}`, { id: draft.id }, ["submitter", "colleague", "manager", "otherSubmitter", "analyst", "councilDpo"]),
      );
    }
    expectMatrix(
      { submitter: 200, colleague: 404 },
      await matrix(addEntity.loader, `/submissions/${draft.id}/entities/phone`, { id: draft.id, kind: "phone" }, ["submitter", "colleague"]),
    );
    expect(await statusFor(addEntity.loader, `/submissions/${draft.id}/entities/spaceship`, "submitter", { id: draft.id, kind: "spaceship" })).toBe(404);
    // Posting to someone else's draft is refused the same way, and changes nothing.
    expect(await statusFor(whatStep.action, `/submissions/${draft.id}/what`, "colleague", { id: draft.id }, { threatType: "FRAUD", narrative: "hijack" })).toBe(404);
    expect(await statusFor(checkStep.action, `/submissions/${draft.id}/check`, "manager", { id: draft.id }, {})).toBe(404);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: draft.id } })).narrative).not.toBe("hijack");
    // A submitted record is no longer a draft.
    expect(await statusFor(whatStep.loader, `/submissions/${submission.id}/what`, "submitter", { id: submission.id })).toBe(404);
  });

  it("/submissions/:id: the submitting organisation's partners; police go to triage; others 404", async () => {
    expectMatrix(
      { submitter: 200, colleague: 200, manager: 200, councilDpo: 404, otherSubmitter: 404, analyst: 302, supervisor: 302, forceDpo: 404, admin: 404, otherAnalyst: 302 },
      await matrix(submissionView.loader, `/submissions/${submission.id}`, { id: submission.id }, EVERYONE),
    );
    expect(await statusFor(confirmation.loader, `/submissions/${submission.id}/confirmation`, "otherSubmitter", { id: submission.id })).toBe(404);
    expect(await statusFor(confirmation.loader, `/submissions/${submission.id}/confirmation`, "submitter", { id: submission.id })).toBe(200);
  });

  it("gives the partner page no police-only fields, and handling conditions", async () => {
    const data = (await run(submissionView.loader, makeRequest(`/submissions/${submission.id}`, { cookie: cookies.submitter }), { id: submission.id })) as {
      submission: Record<string, unknown>;
    };
    for (const field of POLICE_ONLY_FIELDS) expect(data.submission).not.toHaveProperty(field);
    expect(JSON.stringify(data)).not.toContain("POLICE ONLY NOTE");
    expect(data.submission.handlingConditions).toBe("Do not disclose to the tenant");
  });
});

describe("export", () => {
  it("/intelligence/:id/export: whoever may read it; 404 otherwise", async () => {
    expectMatrix(
      { submitter: 200, manager: 200, otherSubmitter: 404, analyst: 200, supervisor: 200, otherAnalyst: 404, forceDpo: 404, admin: 404 },
      await matrix(exportRoute.loader, `/intelligence/${submission.id}/export`, { id: submission.id }, ["submitter", "manager", "otherSubmitter", "analyst", "supervisor", "otherAnalyst", "forceDpo", "admin"]),
    );
  });
});

describe("police pages", () => {
  const POLICE_ONLY = { submitter: 403, manager: 403, councilDpo: 403, forceDpo: 403, admin: 403 } as const;

  it("/triage: analysts and supervisors", async () => {
    expectMatrix({ ...POLICE_ONLY, analyst: 200, supervisor: 200, otherAnalyst: 200 }, await matrix(triageIndex.loader, "/triage", {}, ["submitter", "manager", "councilDpo", "forceDpo", "admin", "analyst", "supervisor", "otherAnalyst"]));
  });

  it("/triage/:id and its sub-pages: police of a party to an agreement in force; 404 for another force", async () => {
    for (const [route, page] of [[triageSummary, ""], [triageAssess, "/assess"], [triageLink, "/link"], [triageSanitise, "/sanitise"], [triageFeedback, "/feedback"], [triageHistory, "/history"]] as const) {
      expectMatrix(
        { ...POLICE_ONLY, analyst: 200, supervisor: 200, otherAnalyst: 404 },
        await matrix(route.loader, `/triage/${submission.id}${page}`, { id: submission.id }, ["submitter", "manager", "councilDpo", "forceDpo", "admin", "analyst", "supervisor", "otherAnalyst"]),
      );
      expect(await statusFor(route.loader, `/triage/not-a-uuid${page}`, "analyst", { id: "not-a-uuid" })).toBe(404);
    }
  });

  it("/triage/:id sub-page actions: police of a party only", async () => {
    const form = () => ({ intent: "feedback", message: "Thank you", formToken: randomUUID() });
    const who: Who[] = ["submitter", "otherAnalyst", "forceDpo", "analyst"];
    const result: Partial<Record<Who, number>> = {};
    for (const w of who) result[w] = await statusFor(triageFeedback.action as Handler, `/triage/${submission.id}/feedback`, w, { id: submission.id }, form());
    expectMatrix({ submitter: 403, otherAnalyst: 404, forceDpo: 403, analyst: 302 }, result);
    for (const route of [triageAssess, triageLink, triageSanitise, triageFeedback]) {
      expect(await statusFor(route.action as Handler, `/triage/${submission.id}`, "analyst", { id: submission.id }, { intent: "explode" })).toBe(400);
    }
  });

  it("/triage/approvals: supervisors only", async () => {
    expectMatrix(
      { ...POLICE_ONLY, analyst: 403, supervisor: 200 },
      await matrix(approvals.loader, "/triage/approvals", {}, ["submitter", "manager", "councilDpo", "forceDpo", "admin", "analyst", "supervisor"]),
    );
  });

  it("/threats and /threats/:id: the force's analysts and supervisors", async () => {
    expectMatrix({ ...POLICE_ONLY, analyst: 200, supervisor: 200 }, await matrix(threatsIndex.loader, "/threats", {}, ["submitter", "manager", "councilDpo", "forceDpo", "admin", "analyst", "supervisor"]));
    expectMatrix(
      // A threat record is police-only: a partner is answered as for one that does not exist.
      { submitter: 404, analyst: 200, supervisor: 200, otherAnalyst: 404 },
      await matrix(threatView.loader, `/threats/${threat.id}`, { id: threat.id }, ["submitter", "analyst", "supervisor", "otherAnalyst"]),
    );
  });
});

describe("search", () => {
  it("/search: partners and police; not DPOs or administrators", async () => {
    expectMatrix(
      { submitter: 200, manager: 200, analyst: 200, supervisor: 200, councilDpo: 403, forceDpo: 403, admin: 403 },
      await matrix(search.loader, "/search?q=drugs", {}, ["submitter", "manager", "analyst", "supervisor", "councilDpo", "forceDpo", "admin"]),
    );
  });
});

describe("the assessment pages' changes ask who may act before they read the form", () => {
  it("a refused user gets 403 or 404 for an incomplete form, never its field errors; an allowed one gets them", async () => {
    const routeOf: Record<string, { action: unknown }> = {
      assessment: triageAssess, status: triageAssess, nfa: triageAssess, linkThreat: triageLink, createThreat: triageLink,
      sanitise: triageSanitise, decide: triageSanitise, feedback: triageFeedback,
    };
    const post = (who: Who, intent: string) =>
      statusFor(routeOf[intent]!.action as Handler, `/triage/${submission.id}`, who, { id: submission.id }, { intent });
    for (const intent of ["assessment", "status", "linkThreat", "createThreat", "nfa", "sanitise", "feedback"]) {
      // Partners and DPOs are not police: 403. The other force's analyst cannot see it: 404.
      expect([intent, await post("submitter", intent)]).toEqual([intent, 403]);
      expect([intent, await post("forceDpo", intent)]).toEqual([intent, 403]);
      expect([intent, await post("otherAnalyst", intent)]).toEqual([intent, 404]);
      // The force's analyst may act: the incomplete form comes back with its errors.
      expect([intent, await post("analyst", intent)]).toEqual([intent, 200]);
    }
    expect(await post("analyst", "decide")).toBe(403);
    expect(await post("submitter", "decide")).toBe(403);
  });
});

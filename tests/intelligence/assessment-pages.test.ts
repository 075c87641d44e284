import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import * as summaryPage from "~/routes/triage.$id._index";
import * as assessPage from "~/routes/triage.$id.assess";
import * as linkPage from "~/routes/triage.$id.link";
import * as sanitisePage from "~/routes/triage.$id.sanitise";
import * as feedbackPage from "~/routes/triage.$id.feedback";
import * as historyPage from "~/routes/triage.$id.history";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "./fixtures";

/**
 * The assessment of one submission, split into a summary and sub-pages (issue 10): each sub-page's
 * action answers a good form with post/redirect/get to a confirmation banner, a bad one with its
 * errors, and refuses the wrong role (403) or organisation (404) before reading the form; the same
 * form sent twice writes once; the correlation panel links a match's threat in one click.
 */
let world: World;
const cookies: Record<string, string> = {};
type Who = "analyst" | "supervisor" | "secondSupervisor" | "otherAnalyst" | "submitter" | "forceDpo";

beforeAll(async () => {
  world = await createWorld();
  for (const who of ["analyst", "supervisor", "secondSupervisor", "otherAnalyst", "submitter", "forceDpo"] as Who[]) cookies[who] = await signedInCookie(world[who].id);
});

const submitted = (entities?: Parameters<typeof createSubmission>[0]["entities"]) =>
  createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, areaId: world.area.id, entities });

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

function post(handler: unknown, id: string, page: string, who: Who, form: Record<string, string | string[]>) {
  return run(handler as Handler, makeRequest(`/triage/${id}/${page}`, { cookie: cookies[who], form, headers: { Origin: "http://localhost" } }), { id });
}

function get(handler: unknown, path: string, id: string, who: Who) {
  return run(handler as Handler, makeRequest(path, { cookie: cookies[who] }), { id });
}

function locationOf(outcome: unknown): string | null {
  return outcome instanceof Response ? outcome.headers.get("Location") : null;
}

function errorsOf(outcome: unknown): Record<string, string> {
  expect(outcome).not.toBeInstanceOf(Response);
  return (outcome as { errors: Record<string, string> }).errors;
}

const token = () => randomUUID();

describe("each sub-page's action", () => {
  const cases = [
    { page: "assess", route: assessPage, form: () => ({ intent: "assessment", analystSourceEvaluation: "RELIABLE", analystIntelligenceAssessment: "B", analystHandlingCode: "P", riskLevel: "3" }), done: "assessed", bad: { intent: "assessment", riskLevel: "9" }, field: "analystSourceEvaluation" },
    { page: "assess", route: assessPage, form: () => ({ intent: "nfa", reason: "Already known" }), done: "closed", bad: { intent: "nfa", reason: " " }, field: "reason", summary: true },
    { page: "link", route: linkPage, form: (threatId: string) => ({ intent: "linkThreat", threatId }), done: "linked", bad: { intent: "linkThreat", threatId: "" }, field: "threatId" },
    { page: "link", route: linkPage, form: () => ({ intent: "createThreat", title: "County line into Brookside", threatType: "COUNTY_LINES", areaIds: world.area.id, leadAnalystId: world.analyst.id }), done: "threat-created", bad: { intent: "createThreat", title: "" }, field: "title" },
    { page: "sanitise", route: sanitisePage, form: () => ({ intent: "sanitise", text: "A flat in the town centre is used to deal drugs." }), done: "sanitised-sent", bad: { intent: "sanitise", text: "" }, field: "text" },
    { page: "feedback", route: feedbackPage, form: () => ({ intent: "feedback", message: "Thank you: this helped." }), done: "feedback-sent", bad: { intent: "feedback", message: "" }, field: "message" },
  ] as const;

  for (const c of cases) {
    it(`/${c.page} ${c.bad.intent}: redirects to the confirmation; errors for a bad form; refuses other roles and forces`, async () => {
      const s = await submitted();
      const threat = await prisma.threat.create({ data: { reference: `THR-T-${randomUUID().slice(0, 6)}`, title: "Known line", threatType: "COUNTY_LINES", organisationId: world.force.id } });
      const valid = { ...c.form(threat.id), formToken: token() };
      // Refused before the form is read: a partner and a DPO are not police (403); another force cannot see it (404).
      expect(statusOf(await post(c.route.action, s.id, c.page, "submitter", valid))).toBe(403);
      expect(statusOf(await post(c.route.action, s.id, c.page, "forceDpo", valid))).toBe(403);
      expect(statusOf(await post(c.route.action, s.id, c.page, "otherAnalyst", valid))).toBe(404);
      const bad = await post(c.route.action, s.id, c.page, "analyst", { ...c.bad, formToken: token() });
      expect(errorsOf(bad)[c.field]).toBeTruthy();
      const ok = await post(c.route.action, s.id, c.page, "analyst", valid);
      const back = "summary" in c ? `/triage/${s.id}` : `/triage/${s.id}/${c.page}`;
      expect(locationOf(ok)).toBe(`${back}?done=${c.done}`);
      // The page redirected to shows the banner.
      const page = (await get("summary" in c ? summaryPage.loader : c.route.loader, `${back}?done=${c.done}`, s.id, "analyst")) as { notice: string };
      expect(page.notice).toBe(c.done);
    });
  }

  it("/sanitise decide: another supervisor approves; the author and analysts cannot", async () => {
    const s = await submitted();
    const report = await prisma.sanitisedReport.create({ data: { submissionId: s.id, authorId: world.supervisor.id, text: "Activity at a flat.", status: "AWAITING_APPROVAL" } });
    const form = (note = "") => ({ intent: "decide", sanitisedId: report.id, decision: "approve", decisionNote: note, formToken: token() });
    expect(statusOf(await post(sanitisePage.action, s.id, "sanitise", "analyst", form()))).toBe(403);
    expect(errorsOf(await post(sanitisePage.action, s.id, "sanitise", "supervisor", form())).sanitisedId).toMatch(/another supervisor/);
    expect(errorsOf(await post(sanitisePage.action, s.id, "sanitise", "secondSupervisor", { ...form(), decision: "reject" })).decisionNote).toBeTruthy();
    expect(locationOf(await post(sanitisePage.action, s.id, "sanitise", "secondSupervisor", form()))).toBe(`/triage/${s.id}/sanitise?done=approved`);
    expect((await prisma.sanitisedReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("APPROVED");
  });

  it("a form without its one-time token comes back asking for a reload, and nothing is written", async () => {
    const s = await submitted();
    const outcome = await post(feedbackPage.action, s.id, "feedback", "analyst", { intent: "feedback", message: "Hello" });
    expect(errorsOf(outcome).form).toMatch(/expired/);
    expect(await prisma.feedback.count({ where: { submissionId: s.id } })).toBe(0);
  });
});

describe("the same form sent twice (double click, resubmission)", () => {
  it("creates one feedback, and the repeat goes where the first went", async () => {
    const s = await submitted();
    const form = { intent: "feedback", message: "Thank you: this helped.", formToken: token() };
    const [first, second] = await Promise.all([
      post(feedbackPage.action, s.id, "feedback", "analyst", form),
      post(feedbackPage.action, s.id, "feedback", "analyst", form),
    ]);
    const third = await post(feedbackPage.action, s.id, "feedback", "analyst", form);
    for (const outcome of [first, second, third]) expect(locationOf(outcome)).toBe(`/triage/${s.id}/feedback?done=feedback-sent`);
    expect(await prisma.feedback.count({ where: { submissionId: s.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { recordId: s.id, action: "submission.feedback_sent" } })).toBe(1);
    // A new form (a new token) sends again.
    await post(feedbackPage.action, s.id, "feedback", "analyst", { ...form, formToken: token() });
    expect(await prisma.feedback.count({ where: { submissionId: s.id } })).toBe(2);
  });

  it("creates one sanitised version", async () => {
    const s = await submitted();
    const form = { intent: "sanitise", text: "A flat in the town centre is used to deal drugs.", formToken: token() };
    await post(sanitisePage.action, s.id, "sanitise", "analyst", form);
    expect(locationOf(await post(sanitisePage.action, s.id, "sanitise", "analyst", form))).toBe(`/triage/${s.id}/sanitise?done=sanitised-sent`);
    expect(await prisma.sanitisedReport.count({ where: { submissionId: s.id } })).toBe(1);
  });

  it("another person's token is not theirs to reuse: the form has expired", async () => {
    const s = await submitted();
    const form = { intent: "feedback", message: "Thank you", formToken: token() };
    await post(feedbackPage.action, s.id, "feedback", "analyst", form);
    expect(errorsOf(await post(feedbackPage.action, s.id, "feedback", "supervisor", form)).form).toMatch(/expired/);
    expect(await prisma.feedback.count({ where: { submissionId: s.id } })).toBe(1);
  });

  it("a refused change leaves the token free for the corrected form", async () => {
    const s = await submitted();
    const formToken = token();
    const refused = await post(linkPage.action, s.id, "link", "analyst", { intent: "linkThreat", threatId: randomUUID(), formToken });
    expect(errorsOf(refused).threatId).toBeTruthy();
    const threat = await prisma.threat.create({ data: { reference: `THR-T-${randomUUID().slice(0, 6)}`, title: "Known line", threatType: "COUNTY_LINES", organisationId: world.force.id } });
    expect(locationOf(await post(linkPage.action, s.id, "link", "analyst", { intent: "linkThreat", threatId: threat.id, formToken }))).toBe(`/triage/${s.id}/link?done=linked`);
  });
});

describe("the correlation panel", () => {
  it("offers a one-click link to a match's threat, which links this submission to it", async () => {
    const phone = { kind: "PHONE" as const, displayValue: "07700 900777", normalisedValue: `+4477009${Math.floor(Math.random() * 89999 + 10000)}` };
    const threat = await prisma.threat.create({ data: { reference: `THR-T-${randomUUID().slice(0, 6)}`, title: "Brookside line", threatType: "COUNTY_LINES", organisationId: world.force.id } });
    const otherForcesThreat = await prisma.threat.create({ data: { reference: `THR-O-${randomUUID().slice(0, 6)}`, title: "Theirs", threatType: "COUNTY_LINES", organisationId: world.otherForce.id } });
    const match = await submitted([phone]);
    await prisma.submission.update({ where: { id: match.id }, data: { threatId: threat.id, status: "ACTIONED" } });
    const unlinked = await submitted([phone]);
    const s = await submitted([phone]);

    const summary = (await get(summaryPage.loader, `/triage/${s.id}`, s.id, "analyst")) as {
      matches: { id: string; threat: { id: string; reference: string } | null }[];
      formToken: string;
    };
    expect(summary.matches.find((m) => m.id === match.id)?.threat).toMatchObject({ id: threat.id, reference: threat.reference });
    expect(summary.matches.find((m) => m.id === unlinked.id)?.threat).toBeNull();

    // What the button posts: the link page's linkThreat with the threat's id and the page's token.
    const form = { intent: "linkThreat", threatId: threat.id, formToken: summary.formToken };
    expect(locationOf(await post(linkPage.action, s.id, "link", "analyst", form))).toBe(`/triage/${s.id}/link?done=linked`);
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: s.id }, select: { threatId: true, status: true } })).toEqual({ threatId: threat.id, status: "ACTIONED" });
    // A double click links once.
    expect(locationOf(await post(linkPage.action, s.id, "link", "analyst", form))).toBe(`/triage/${s.id}/link?done=linked`);
    expect(await prisma.auditEvent.count({ where: { recordId: s.id, action: "submission.linked" } })).toBe(1);

    // A threat of another force is never offered, nor linked by posting its id.
    await prisma.submission.update({ where: { id: match.id }, data: { threatId: otherForcesThreat.id } });
    const again = (await get(summaryPage.loader, `/triage/${s.id}`, s.id, "analyst")) as { matches: { id: string; threat: unknown }[] };
    expect(again.matches.find((m) => m.id === match.id)?.threat).toBeNull();
    const refused = await post(linkPage.action, s.id, "link", "analyst", { intent: "linkThreat", threatId: otherForcesThreat.id, formToken: token() });
    expect(errorsOf(refused).threatId).toBeTruthy();
  });
});

describe("the history page", () => {
  it("lists what was done, newest first, with who did it; not who viewed it", async () => {
    const s = await submitted();
    await post(assessPage.action, s.id, "assess", "analyst", { intent: "assessment", analystSourceEvaluation: "RELIABLE", analystIntelligenceAssessment: "B", analystHandlingCode: "P", riskLevel: "3", formToken: token() });
    await post(feedbackPage.action, s.id, "feedback", "analyst", { intent: "feedback", message: "Thanks", formToken: token() });
    const history = (await get(historyPage.loader, `/triage/${s.id}/history`, s.id, "analyst")) as { events: { action: string; who: string }[]; nextBefore: string | null };
    expect(history.events.map((e) => e.action)).toEqual(["submission.feedback_sent", "submission.triaged", "submission.regraded"]);
    expect(history.events[0]!.who).toContain(world.force.name);
    expect(history.nextBefore).toBeNull();
    expect(statusOf(await get(historyPage.loader, `/triage/${s.id}/history?before=abc`, s.id, "analyst"))).toBe(400);
    expect(statusOf(await get(historyPage.loader, `/triage/${s.id}/history`, s.id, "otherAnalyst"))).toBe(404);
  });
});

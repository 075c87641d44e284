import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "../intelligence/fixtures";
import * as threatsIndex from "~/routes/threats._index";
import * as threatsNew from "~/routes/threats.new";
import * as threatView from "~/routes/threats.$id._index";
import * as threatEdit from "~/routes/threats.$id.edit";
import * as threatScore from "~/routes/threats.$id.score";
import * as threatEntities from "~/routes/threats.$id.entities";
import * as threatChart from "~/routes/threats.$id.chart";

/** Threat records through their routes, as analysts use them, and who is refused. */
let world: World;
const cookie: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const who of ["analyst", "supervisor", "otherAnalyst", "submitter", "manager"] as const) cookie[who] = await signedInCookie(world[who].id);
}, 60_000);

function location(outcome: unknown): string {
  expect(outcome).toBeInstanceOf(Response);
  const response = outcome as Response;
  expect(response.status).toBe(302);
  return response.headers.get("Location")!;
}

const threatForm = () => ({
  title: "Bravo line into town",
  kind: "COUNTY_LINE",
  threatType: "COUNTY_LINES",
  areaIds: world.area.id,
  leadAnalystId: world.analyst.id,
  classification: "OFFICIAL",
  summary: "A line from the city.",
});

async function createThroughRoute(): Promise<string> {
  const token = randomUUID();
  const to = location(await run(threatsNew.action, makeRequest("/threats/new", { cookie: cookie.analyst, form: { ...threatForm(), formToken: token } })));
  return to.split("/")[2]!.split("?")[0]!;
}

const scoreForm = (reason: string, harm: string) => ({
  harmPhysical: harm,
  harmPsychological: harm,
  harmFinancial: "1",
  harmCommunity: "2",
  harmVictimVulnerability: "4",
  likelihood: "3",
  capacity: "2",
  capability: "2",
  confidence: "MEDIUM",
  reason,
  formToken: randomUUID(),
});

describe("threat records", () => {
  it("creates a threat once per form token, and shows it with a banner", async () => {
    const token = randomUUID();
    const form = { ...threatForm(), formToken: token };
    const first = location(await run(threatsNew.action, makeRequest("/threats/new", { cookie: cookie.analyst, form })));
    const again = location(await run(threatsNew.action, makeRequest("/threats/new", { cookie: cookie.analyst, form })));
    expect(again).toBe(first);
    expect(first).toMatch(/\?created=1$/);
    const id = first.split("/")[2]!.split("?")[0]!;
    expect(await prisma.threat.count({ where: { title: "Bravo line into town", organisationId: world.force.id, id } })).toBe(1);
    const page = (await run(threatView.loader, makeRequest(first, { cookie: cookie.analyst }), { id })) as Awaited<ReturnType<typeof threatView.loader>>;
    expect(page.banners.created).toBe(true);
    expect(page.threat).toMatchObject({ kind: "COUNTY_LINE", status: "EMERGING", leadAnalyst: { id: world.analyst.id } });
    expect(await prisma.auditEvent.count({ where: { recordId: id, action: { in: ["threat.created", "threat.viewed"] } } })).toBe(2);
  });

  it("shows field errors and refuses a lead from another force", async () => {
    const empty = await run(threatsNew.action, makeRequest("/threats/new", { cookie: cookie.analyst, form: { formToken: randomUUID() } }));
    expect((empty as { errors: Record<string, string> }).errors).toMatchObject({ title: "Enter a title for the threat", areaIds: "Select at least one area" });
    const foreign = await run(threatsNew.action, makeRequest("/threats/new", { cookie: cookie.analyst, form: { ...threatForm(), leadAnalystId: world.otherAnalyst.id, formToken: randomUUID() } }));
    expect((foreign as { errors: Record<string, string> }).errors.leadAnalystId).toBe("Select an analyst from your force");
  });

  it("edits details and changes status with a reason, each audited", async () => {
    const id = await createThroughRoute();
    const edited = await run(threatEdit.action, makeRequest(`/threats/${id}/edit`, { cookie: cookie.supervisor, form: { ...threatForm(), title: "Bravo line", leadAnalystId: world.supervisor.id } }), { id });
    expect(location(edited)).toBe(`/threats/${id}?updated=1`);
    const noReason = await run(threatView.action, makeRequest(`/threats/${id}`, { cookie: cookie.analyst, form: { intent: "status", status: "ACTIVE" } }), { id });
    expect((noReason as { errors: Record<string, string> }).errors.reason).toBe("Enter why the status is changing");
    const changed = await run(threatView.action, makeRequest(`/threats/${id}`, { cookie: cookie.analyst, form: { intent: "status", status: "ACTIVE", reason: "Corroborated" } }), { id });
    expect(location(changed)).toBe(`/threats/${id}?status=1`);
    expect(await prisma.threat.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Bravo line", status: "ACTIVE", leadAnalystId: world.supervisor.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { recordId: id, action: "threat.status_changed" } });
    expect(event.details).toMatchObject({ status: { old: "EMERGING", new: "ACTIVE" }, reason: "Corroborated" });
  });

  it("keeps every scoring with who, when and why, and copies the latest priority to the threat", async () => {
    const id = await createThroughRoute();
    const missing = await run(threatScore.action, makeRequest(`/threats/${id}/score`, { cookie: cookie.analyst, form: { ...scoreForm("", "1") } }), { id });
    expect((missing as { errors: Record<string, string> }).errors.reason).toBe("Enter why you are scoring the threat now");
    const first = scoreForm("First look", "1");
    expect(location(await run(threatScore.action, makeRequest(`/threats/${id}/score`, { cookie: cookie.analyst, form: first }), { id }))).toBe(`/threats/${id}?scored=1`);
    // The same form again (a double click) records nothing more.
    await run(threatScore.action, makeRequest(`/threats/${id}/score`, { cookie: cookie.analyst, form: first }), { id });
    await run(threatScore.action, makeRequest(`/threats/${id}/score`, { cookie: cookie.supervisor, form: scoreForm("Worse", "4") }), { id });
    const assessments = await prisma.threatAssessment.findMany({ where: { threatId: id }, orderBy: { assessedAt: "asc" } });
    // harm 1+1+1+2+4 = 9 × 3 × 14/12 × 0.9 = 28.35; harm 4+4+1+2+4 = 15 → 47.25
    expect(assessments.map((a) => [a.score, a.priority, a.reason, a.assessedById])).toEqual([
      [28, "MEDIUM", "First look", world.analyst.id],
      [47, "HIGH", "Worse", world.supervisor.id],
    ]);
    expect(await prisma.threat.findUniqueOrThrow({ where: { id } })).toMatchObject({ priority: "HIGH", priorityScore: 47 });
    const page = (await run(threatView.loader, makeRequest(`/threats/${id}`, { cookie: cookie.analyst }), { id })) as Awaited<ReturnType<typeof threatView.loader>>;
    expect(page.threat.assessments.map((a) => a.score)).toEqual([28, 47]);
    const filtered = (await run(threatsIndex.loader, makeRequest("/threats?priority=HIGH", { cookie: cookie.analyst }))) as Awaited<ReturnType<typeof threatsIndex.loader>>;
    expect(filtered.threats.map((t) => t.id)).toContain(id);
    expect(filtered.threats.every((t) => t.priority === "HIGH")).toBe(true);
  });

  it("adds, changes and removes entities; a person needs a part", async () => {
    const id = await createThroughRoute();
    const path = `/threats/${id}/entities`;
    const noPart = await run(threatEntities.action, makeRequest(path, { cookie: cookie.analyst, form: { intent: "add", kind: "PERSON", displayValue: "Tiny", formToken: randomUUID() } }), { id });
    expect((noPart as { errors: Record<string, string> }).errors.part).toBe("Select the person's part");
    const added = await run(
      threatEntities.action,
      makeRequest(path, { cookie: cookie.analyst, form: { intent: "add", kind: "PERSON", displayValue: "Sam Victim", part: "VICTIM", vulnerabilityFlags: ["CUCKOOED", "MENTAL_HEALTH"], formToken: randomUUID() } }),
      { id },
    );
    expect(location(added)).toBe(`${path}?added=1`);
    await run(threatEntities.action, makeRequest(path, { cookie: cookie.analyst, form: { intent: "add", kind: "PHONE", displayValue: "07700 900456", formToken: randomUUID() } }), { id });
    const person = await prisma.threatEntity.findFirstOrThrow({ where: { threatId: id, kind: "PERSON" } });
    expect(person).toMatchObject({ part: "VICTIM", vulnerabilityFlags: ["CUCKOOED", "MENTAL_HEALTH"] });
    await run(threatEntities.action, makeRequest(path, { cookie: cookie.analyst, form: { intent: "update", entityId: person.id, kind: "PERSON", part: "WITNESS" } }), { id });
    expect(await prisma.threatEntity.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ part: "WITNESS", vulnerabilityFlags: [] });
    await run(threatEntities.action, makeRequest(path, { cookie: cookie.analyst, form: { intent: "remove", entityId: person.id } }), { id });
    expect(await prisma.threatEntity.findMany({ where: { threatId: id }, select: { kind: true } })).toEqual([{ kind: "PHONE" }]);
    const actions = (await prisma.auditEvent.findMany({ where: { recordId: id, action: { startsWith: "threat.entity_" } }, select: { action: true, details: true } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["threat.entity_added", "threat.entity_added", "threat.entity_removed", "threat.entity_updated"]);
    // The audit trail records the kind and part, never the person's name.
    const events = await prisma.auditEvent.findMany({ where: { recordId: id, action: { startsWith: "threat.entity_" } }, select: { details: true } });
    expect(JSON.stringify(events)).not.toContain("Sam Victim");
  });

  it("draws the link chart from intelligence the analyst may see, with a table of every node and link", async () => {
    const id = await createThroughRoute();
    const visible = await createSubmission({
      submitterId: world.submitter.id,
      organisationId: world.council.id,
      agreementId: world.agreement.id,
      entities: [{ kind: "PHONE", displayValue: "07700 900777", normalisedValue: "+447700900777" }],
      extra: { threatId: id, reference: `INT-T-${randomUUID().slice(0, 6)}` },
    });
    // Linked, but shared under another force's agreement: never on this force's chart.
    await createSubmission({
      submitterId: world.otherSubmitter.id,
      organisationId: world.otherCouncil.id,
      agreementId: world.otherAgreement.id,
      entities: [{ kind: "PHONE", displayValue: "07700 900888", normalisedValue: "+447700900888" }],
      extra: { threatId: id, reference: `INT-X-${randomUUID().slice(0, 6)}` },
    });
    const chart = (await run(threatChart.loader, makeRequest(`/threats/${id}/chart`, { cookie: cookie.analyst }), { id })) as Awaited<ReturnType<typeof threatChart.loader>>;
    expect(chart.nodes.map((n) => n.label).sort()).toEqual([visible.reference, "07700 900777", chart.threat.reference].sort());
    expect(chart.edges).toHaveLength(2);
    // The table beside the drawing leads to each record's page; entities are not records of their own.
    expect(Object.fromEntries(chart.nodes.map((n) => [n.label, n.href ?? null]))).toEqual({
      [chart.threat.reference]: `/threats/${id}`,
      [visible.reference!]: `/triage/${visible.id}`,
      "07700 900777": null,
    });
    for (const n of chart.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
    }
    expect(await prisma.auditEvent.count({ where: { recordId: id, action: "threat.chart_viewed" } })).toBe(1);
  });

  it("answers 404 to another force and to partners, on every threat page and action", async () => {
    const id = await createThroughRoute();
    for (const who of ["otherAnalyst", "submitter", "manager"] as const) {
      for (const [handler, path] of [
        [threatView.loader, `/threats/${id}`],
        [threatEdit.loader, `/threats/${id}/edit`],
        [threatScore.loader, `/threats/${id}/score`],
        [threatEntities.loader, `/threats/${id}/entities`],
        [threatChart.loader, `/threats/${id}/chart`],
      ] as const) {
        expect(statusOf(await run(handler, makeRequest(path, { cookie: cookie[who] }), { id })), `${who} ${path}`).toBe(404);
      }
      const scored = await run(threatScore.action, makeRequest(`/threats/${id}/score`, { cookie: cookie[who], form: scoreForm("Sneaky", "4") }), { id });
      expect(statusOf(scored)).toBe(404);
    }
    expect(await prisma.threatAssessment.count({ where: { threatId: id } })).toBe(0);
    expect(statusOf(await run(threatsIndex.loader, makeRequest("/threats", { cookie: cookie.submitter })))).toBe(403);
    expect(statusOf(await run(threatsIndex.loader, makeRequest("/threats?status=NOPE", { cookie: cookie.analyst })))).toBe(400);
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { HANDLING_CONDITIONS } from "~/modules/authorization/classification";
import { EXPORT_ROW_LIMIT, renderExport, withinExportLimit } from "~/modules/exports/document.server";
import * as submissionExport from "~/routes/intelligence.$id.export";
import * as outcomesExport from "~/routes/outcomes.export";
import * as planExport from "~/routes/threats.$id_.plan_.export";
import * as threatsExport from "~/routes/threats.export";
import { prisma } from "~/utils/db.server";
import { createUser, signedInCookie, staleSignedInCookie } from "../helpers/factories";
import { locationOf } from "../auth/flow";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createSubmission, createWorld, type World } from "../intelligence/fixtures";

/**
 * Exports (issue 9): the threat list, a threat's plan actions and outcomes, as CSV and JSON, with
 * the classification and handling conditions first, formula-safe, audited with what they held, and
 * holding only what the user may see.
 */

let world: World;
let sensitive: { id: string; reference: string };
let plain: { id: string; reference: string };
let otherForceThreat: { id: string; reference: string };
let councilAction: { reference: string };
let forceAction: { reference: string };
let outcomeOnSensitive: { reference: string };
let outcomeUnlinked: { reference: string };
let otherForceOutcome: { reference: string };
const tag = randomUUID().slice(0, 6);

type Loader = Parameters<typeof run>[0];

async function download(loader: Loader, path: string, userId: string, params: Record<string, string> = {}) {
  return run(loader, makeRequest(path, { cookie: await signedInCookie(userId) }), params);
}

async function textOf(outcome: unknown): Promise<string> {
  expect(outcome).toBeInstanceOf(Response);
  const response = outcome as Response;
  expect(response.status).toBe(200);
  return response.text();
}

async function lastExportEvent(action: string, actorId: string) {
  return prisma.auditEvent.findFirstOrThrow({ where: { action, actorUserId: actorId }, orderBy: { id: "desc" } });
}

async function threat(organisationId: string, title: string, classification: "OFFICIAL" | "OFFICIAL_SENSITIVE", status: "ACTIVE" | "EMERGING" = "ACTIVE") {
  return prisma.threat.create({
    data: {
      reference: `THR-X-${tag}-${randomUUID().slice(0, 6)}`,
      title,
      kind: "COUNTY_LINE",
      threatType: "COUNTY_LINES",
      status,
      classification,
      organisationId,
      areas: { connect: { id: world.area.id } },
    },
    select: { id: true, reference: true },
  });
}

async function action(threatId: string, ownerOrganisationId: string, title: string) {
  return prisma.planAction.create({
    data: {
      reference: `ACT-X-${tag}-${randomUUID().slice(0, 6)}`,
      threatId,
      strand: "PREVENT",
      title,
      ownerOrganisationId,
      dueDate: new Date(Date.now() + 10 * 86_400_000),
      createdById: world.analyst.id,
    },
    select: { reference: true },
  });
}

async function outcome(organisationId: string, threatId: string | null, description: string) {
  return prisma.outcome.create({
    data: {
      reference: `OUT-X-${tag}-${randomUUID().slice(0, 6)}`,
      kind: "ARREST",
      occurredOn: new Date(),
      quantity: 2,
      description,
      areaId: world.area.id,
      threatId,
      organisationId,
      recordedById: world.analyst.id,
    },
    select: { reference: true },
  });
}

beforeAll(async () => {
  world = await createWorld();
  sensitive = await threat(world.force.id, `=HYPERLINK("http://evil.example") line ${tag}`, "OFFICIAL_SENSITIVE");
  plain = await threat(world.force.id, `Plain line ${tag}`, "OFFICIAL", "EMERGING");
  otherForceThreat = await threat(world.otherForce.id, `Other force line ${tag}`, "OFFICIAL");
  councilAction = await action(sensitive.id, world.council.id, "+SUM(A1:A9) youth outreach");
  forceAction = await action(sensitive.id, world.force.id, "Police-only warrant planning");
  outcomeOnSensitive = await outcome(world.force.id, sensitive.id, "@cmd arrests at the flat");
  outcomeUnlinked = await outcome(world.force.id, null, "Arrests in the town centre");
  otherForceOutcome = await outcome(world.otherForce.id, null, "Not this force's");
});

describe("threat list export", () => {
  it("puts the classification and handling conditions first, neutralises formulas and holds only the force's threats", async () => {
    const csv = await textOf(await download(threatsExport.loader, "/threats/export?format=csv", world.analyst.id));
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Classification,OFFICIAL-SENSITIVE");
    expect(lines[1]).toContain(HANDLING_CONDITIONS.OFFICIAL_SENSITIVE.slice(0, 40));
    expect(csv).toContain(sensitive.reference);
    expect(csv).toContain(plain.reference);
    expect(csv).not.toContain(otherForceThreat.reference);
    // The title starting "=" is prefixed with an apostrophe: text in a spreadsheet, never a formula.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") line ${tag}"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it("applies the list's filters, as JSON with the marking as fields, and audits what it held", async () => {
    const response = (await download(threatsExport.loader, "/threats/export?format=json&status=EMERGING", world.supervisor.id)) as Response;
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="threats-\d{4}-\d{2}-\d{2}\.json"$/);
    const body = JSON.parse(await textOf(response)) as { classification: string; handlingConditions: string; filters: Record<string, string>; count: number; items: { reference: string }[] };
    const references = body.items.map((i) => i.reference);
    expect(references).toContain(plain.reference);
    expect(references).not.toContain(sensitive.reference);
    expect(body.classification).toBe("OFFICIAL");
    expect(body.handlingConditions).toBe(HANDLING_CONDITIONS.OFFICIAL);
    expect(body.filters).toEqual({ Status: "Emerging" });
    expect(body.count).toBe(body.items.length);

    const event = await lastExportEvent("threat_list.exported", world.supervisor.id);
    expect(event.details).toMatchObject({
      format: "json",
      rowCount: body.items.length,
      references,
      filters: { status: "EMERGING", priority: null, kind: null },
      classification: "OFFICIAL",
    });
  });

  it("is refused to partners, DPOs and administrators", async () => {
    for (const user of [world.submitter, world.manager, world.forceDpo, world.admin]) {
      expect(statusOf(await download(threatsExport.loader, "/threats/export", user.id))).toBe(403);
    }
    expect(statusOf(await run(threatsExport.loader, makeRequest("/threats/export?format=xml", { cookie: await signedInCookie(world.analyst.id) })))).toBe(400);
  });
});

describe("plan actions export", () => {
  it("gives the force's planners every action on the threat", async () => {
    const csv = await textOf(await download(planExport.loader, `/threats/${sensitive.id}/plan/export`, world.analyst.id, { id: sensitive.id }));
    expect(csv).toContain(councilAction.reference);
    expect(csv).toContain(forceAction.reference);
    expect(csv).toContain("'+SUM(A1:A9) youth outreach");
    expect(csv.replace(/^\uFEFF/, "").startsWith("Classification,OFFICIAL-SENSITIVE\r\n")).toBe(true);
  });

  it("gives a partner only its own organisation's actions, and audits that share", async () => {
    const text = await textOf(await download(planExport.loader, `/threats/${sensitive.id}/plan/export?format=json`, world.manager.id, { id: sensitive.id }));
    const body = JSON.parse(text) as { classification: string; items: { reference: string; owner: string }[] };
    expect(body.items.map((i) => i.reference)).toEqual([councilAction.reference]);
    expect(body.items[0]!.owner).toBe(world.council.name);
    expect(text).not.toContain("Police-only warrant planning");
    expect(body.classification).toBe("OFFICIAL-SENSITIVE");
    const event = await lastExportEvent("plan_actions.exported", world.manager.id);
    expect(event.recordId).toBe(sensitive.id);
    expect(event.details).toMatchObject({ format: "json", rowCount: 1, references: [councilAction.reference], filters: { threat: sensitive.reference } });
  });

  it("is refused (404) to another force, a partner with nothing on the threat, and for a threat without the partner's actions", async () => {
    expect(statusOf(await download(planExport.loader, `/threats/${sensitive.id}/plan/export`, world.otherAnalyst.id, { id: sensitive.id }))).toBe(404);
    expect(statusOf(await download(planExport.loader, `/threats/${sensitive.id}/plan/export`, world.otherSubmitter.id, { id: sensitive.id }))).toBe(404);
    expect(statusOf(await download(planExport.loader, `/threats/${plain.id}/plan/export`, world.manager.id, { id: plain.id }))).toBe(404);
    expect(statusOf(await download(planExport.loader, `/threats/${sensitive.id}/plan/export`, world.forceDpo.id, { id: sensitive.id }))).toBe(403);
  });
});

describe("outcomes export", () => {
  it("holds the force's outcomes with the list's filters, marked with the highest classification, and is audited", async () => {
    const csv = await textOf(await download(outcomesExport.loader, `/outcomes/export?kind=ARREST&areaId=${world.area.id}`, world.analyst.id));
    expect(csv).toContain(outcomeOnSensitive.reference);
    expect(csv).toContain(outcomeUnlinked.reference);
    expect(csv).not.toContain(otherForceOutcome.reference);
    expect(csv).toContain("'@cmd arrests at the flat");
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("Classification,OFFICIAL-SENSITIVE");
    expect(csv).toContain(`Filters,Area: ${world.area.name}; Kind: Arrests`);
    const event = await lastExportEvent("outcomes.exported", world.analyst.id);
    expect(event.details).toMatchObject({ format: "csv", filters: { kind: "ARREST", areaId: world.area.id }, classification: "OFFICIAL_SENSITIVE" });
    expect((event.details as { references: string[] }).references).toEqual(expect.arrayContaining([outcomeOnSensitive.reference, outcomeUnlinked.reference]));
  });

  it("marks an export of unlinked outcomes OFFICIAL, and refuses partners", async () => {
    const json = JSON.parse(await textOf(await download(outcomesExport.loader, "/outcomes/export?format=json&kind=CONVICTION", world.analyst.id))) as { classification: string; count: number };
    expect(json).toMatchObject({ classification: "OFFICIAL", count: 0 });
    const partner = await createUser({ roles: ["PARTNER_MANAGER"], organisationId: world.council.id });
    expect(statusOf(await download(outcomesExport.loader, "/outcomes/export", partner.id))).toBe(403);
  });
});

describe("an export asked for without a recent proof of identity", () => {
  async function staleDownload(loader: Loader, path: string, userId: string, params: Record<string, string> = {}) {
    return run(loader, makeRequest(path, { cookie: await staleSignedInCookie(userId) }), params);
  }

  it("is refused as a refusal (403 or 404) to whoever may not have it, not sent to confirm first", async () => {
    expect(statusOf(await staleDownload(threatsExport.loader, "/threats/export", world.manager.id))).toBe(403);
    expect(statusOf(await staleDownload(outcomesExport.loader, "/outcomes/export", world.submitter.id))).toBe(403);
    expect(statusOf(await staleDownload(planExport.loader, `/threats/${sensitive.id}/plan/export`, world.otherAnalyst.id, { id: sensitive.id }))).toBe(404);
    expect(statusOf(await staleDownload(planExport.loader, `/threats/${randomUUID()}/plan/export`, world.analyst.id, { id: randomUUID() }))).toBe(404);
    const unknown = randomUUID();
    expect(statusOf(await staleDownload(submissionExport.loader, `/intelligence/${unknown}/export`, world.analyst.id, { id: unknown }))).toBe(404);
  });

  it("sends whoever may have it to confirm it is them, and nothing is exported or audited as exported", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "plan_actions.exported", actorUserId: world.analyst.id } });
    const outcome = await staleDownload(planExport.loader, `/threats/${sensitive.id}/plan/export`, world.analyst.id, { id: sensitive.id });
    expect(statusOf(outcome)).toBe(302);
    expect(locationOf(outcome)).toMatch(/^\/confirm-identity\?redirectTo=/);
    expect(await prisma.auditEvent.count({ where: { action: "plan_actions.exported", actorUserId: world.analyst.id } })).toBe(before);
    const submission = await createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id });
    const single = await staleDownload(submissionExport.loader, `/intelligence/${submission.id}/export`, world.analyst.id, { id: submission.id });
    expect(locationOf(single)).toMatch(/^\/confirm-identity\?redirectTo=/);
  });
});

describe("an export of more than one export holds", () => {
  it("holds the first EXPORT_ROW_LIMIT rows and says, in CSV and JSON, that more matched", () => {
    const read = Array.from({ length: EXPORT_ROW_LIMIT + 1 }, (_, i) => ({ reference: `R-${i}` }));
    const { rows, truncated } = withinExportLimit(read);
    expect(rows).toHaveLength(EXPORT_ROW_LIMIT);
    expect(truncated).toBe(true);
    expect(withinExportLimit(read.slice(0, EXPORT_ROW_LIMIT))).toEqual({ rows: read.slice(0, EXPORT_ROW_LIMIT), truncated: false });

    const doc = { title: "Threats", classifications: ["OFFICIAL" as const], exportedAt: new Date("2026-12-02T10:00:00Z"), exportedBy: "A", filters: {}, columns: [{ key: "reference" as const, label: "Reference" }], rows, truncated };
    const csv = renderExport(doc, "csv").body;
    expect(csv).toContain("Records,\"10000 (more matched: this export holds the first 10,000; narrow the filters for the rest)\"");
    const json = JSON.parse(renderExport(doc, "json").body) as { count: number; truncated: boolean; truncatedNote: string };
    expect(json).toMatchObject({ count: EXPORT_ROW_LIMIT, truncated: true });
    expect(json.truncatedNote).toContain("narrow the filters");
    expect(JSON.parse(renderExport({ ...doc, rows: [], truncated: false }, "json").body)).toMatchObject({ count: 0, truncated: false });
  });
});

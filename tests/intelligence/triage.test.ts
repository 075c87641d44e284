import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { POLICE_ONLY_FIELDS } from "~/modules/authorization/fields";
import { exportSubmissionCsv } from "~/modules/intelligence/export.server";
import { searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { listOrganisationSubmissions, partnerSubmission } from "~/modules/intelligence/submissions.server";
import {
  addSanitisedVersion,
  AssessmentRefused,
  assessOptions,
  changeStatus,
  correlations,
  createThreatAndLink,
  decideSanitised,
  noFurtherAction,
  saveAssessment,
  sendFeedback,
  submissionForTriage,
  triageQueue,
  triageSummary,
} from "~/modules/intelligence/triage.server";
import { authFor, createAgreement, createSubmission, createWorld, type World } from "./fixtures";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const submitted = (extra: Partial<Parameters<typeof createSubmission>[0]> = {}) =>
  createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, areaId: world.area.id, ...extra });

describe("assessment and status flow", () => {
  it("keeps the original grading, starts assessment and logs old and new grades", async () => {
    const s = await submitted();
    const analyst = await authFor(world.analyst.id);
    await saveAssessment(analyst, s.id, {
      analystSourceEvaluation: "RELIABLE",
      analystIntelligenceAssessment: "A",
      analystHandlingCode: "P",
      riskLevel: 4,
      analystNotes: "Police-only note",
    });
    const saved = await prisma.submission.findUniqueOrThrow({ where: { id: s.id } });
    expect(saved).toMatchObject({ sourceEvaluation: "UNTESTED", intelligenceAssessment: "B", analystSourceEvaluation: "RELIABLE", status: "BEING_ASSESSED", assignedAnalystId: world.analyst.id });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.regraded", recordId: s.id } });
    expect(event.details).toMatchObject({ riskLevel: { old: null, new: 4 }, notesChanged: true });
    expect(JSON.stringify(event.details)).not.toContain("Police-only note");
    expect(await prisma.auditEvent.count({ where: { action: "submission.triaged", recordId: s.id } })).toBe(1);
  });

  it("refuses ACTIONED without a threat, then links a new threat and closes with no further action rules", async () => {
    const s = await submitted();
    const analyst = await authFor(world.analyst.id);
    await changeStatus(analyst, s.id, "BEING_ASSESSED");
    await expect(changeStatus(analyst, s.id, "ACTIONED")).rejects.toThrow(AssessmentRefused);
    await expect(changeStatus(analyst, s.id, "CLOSED")).rejects.toThrow(/no further action/);
    const threat = await createThreatAndLink(analyst, s.id, {
      title: "Brookside line",
      threatType: "COUNTY_LINES",
      areaIds: [world.area.id],
      leadAnalystId: world.analyst.id,
      summary: null,
    });
    expect(threat.reference).toMatch(/^THR-\d{4}-\d{4}$/);
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "ACTIONED", threatId: threat.id });
    await changeStatus(analyst, s.id, "CLOSED");
    await expect(changeStatus(analyst, s.id, "RECEIVED")).rejects.toThrow(/cannot be moved/);
  });

  it("offers and accepts as threat lead only the force's active analysts and supervisors", async () => {
    const analyst = await authFor(world.analyst.id);
    const leads = (await assessOptions(analyst)).analysts.map((a) => a.id);
    expect(leads).toEqual(expect.arrayContaining([world.analyst.id, world.supervisor.id, world.secondSupervisor.id]));
    for (const notALead of [world.forceDpo.id, world.admin.id, world.otherAnalyst.id]) expect(leads).not.toContain(notALead);

    const s = await submitted();
    const threat = { title: "Lead check", threatType: "COUNTY_LINES" as const, areaIds: [world.area.id], summary: null };
    for (const leadAnalystId of [world.forceDpo.id, world.otherAnalyst.id]) {
      await expect(createThreatAndLink(analyst, s.id, { ...threat, leadAnalystId })).rejects.toThrow(/Select an analyst from your force/);
    }
    await expect(createThreatAndLink(analyst, s.id, { ...threat, leadAnalystId: world.supervisor.id })).resolves.toBeTruthy();
  });

  it("records no further action with a reason and closes", async () => {
    const s = await submitted();
    await noFurtherAction(await authFor(world.analyst.id), s.id, { reason: "No organised crime element" });
    expect(await prisma.submission.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "CLOSED", noFurtherActionReason: "No organised crime element" });
  });

  it("answers 404 (logged) to police of another force and to partners", async () => {
    const s = await submitted();
    await expect(submissionForTriage(await authFor(world.otherAnalyst.id), s.id)).rejects.toMatchObject({ status: 404 });
    await expect(saveAssessment(await authFor(world.otherAnalyst.id), s.id, { analystSourceEvaluation: "RELIABLE", analystIntelligenceAssessment: "A", analystHandlingCode: "P", riskLevel: 1, analystNotes: null })).rejects.toMatchObject({ status: 404 });
    await expect(submissionForTriage(await authFor(world.submitter.id), s.id)).rejects.toMatchObject({ status: 403 });
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", recordId: s.id } })).toBeGreaterThanOrEqual(2);
  });

  it("logs the analyst's view with the triage justification and the agreement", async () => {
    const s = await submitted();
    await submissionForTriage(await authFor(world.analyst.id), s.id);
    const view = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.viewed", recordId: s.id } });
    expect(view).toMatchObject({ justification: "TRIAGE", agreementId: world.agreement.id, actorUserId: world.analyst.id });
  });

  it("logs the summary page's view and the matches it combined, in that order", async () => {
    const key = { kind: "PHONE" as const, displayValue: "07700 900321", normalisedValue: "+447700900321" };
    const s = await submitted({ entities: [key] });
    const other = await submitted({ entities: [key] });
    const summary = await triageSummary(await authFor(world.analyst.id), s.id);
    expect(summary.matches.map((m) => m.id)).toEqual([other.id]);
    const events = await prisma.auditEvent.findMany({ where: { recordId: s.id, actorUserId: world.analyst.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["submission.viewed", "submission.matches_viewed"]);
    expect(events[1]).toMatchObject({ justification: "TRIAGE", agreementId: world.agreement.id, details: { count: 1, ids: [other.id], more: false } });
  });
});

describe("sanitisation and four eyes", () => {
  it("lets another supervisor approve, never the author; approved text is what the partner sees", async () => {
    const s = await submitted();
    const supervisor = await authFor(world.supervisor.id);
    await addSanitisedVersion(supervisor, s.id, { text: "Sanitised: drug supply reported in Brookside" });
    const report = await prisma.sanitisedReport.findFirstOrThrow({ where: { submissionId: s.id } });
    await expect(decideSanitised(supervisor, { sanitisedId: report.id, decision: "approve", decisionNote: null })).rejects.toThrow(/another supervisor/);
    // An analyst never approves: refused by role (403), as the approvals queue refuses them.
    await expect(decideSanitised(await authFor(world.analyst.id), { sanitisedId: report.id, decision: "approve", decisionNote: null })).rejects.toMatchObject({ status: 403 });
    const partnerBefore = await partnerSubmission(await authFor(world.submitter.id), s.id);
    expect(partnerBefore.sanitisedReports).toEqual([]);
    await decideSanitised(await authFor(world.secondSupervisor.id), { sanitisedId: report.id, decision: "approve", decisionNote: null });
    expect(await prisma.sanitisedReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ status: "APPROVED", approverId: world.secondSupervisor.id });
    const partnerAfter = await partnerSubmission(await authFor(world.submitter.id), s.id);
    expect(partnerAfter.sanitisedReports.map((r) => r.text)).toEqual(["Sanitised: drug supply reported in Brookside"]);
    // A decided report cannot be decided again.
    await expect(decideSanitised(await authFor(world.secondSupervisor.id), { sanitisedId: report.id, decision: "reject", decisionNote: "late" })).rejects.toThrow(AssessmentRefused);
    expect(await prisma.auditEvent.count({ where: { action: "sanitised.disseminated", recordId: report.id } })).toBe(1);
  });

  it("keeps rejected versions from partners", async () => {
    const s = await submitted();
    await addSanitisedVersion(await authFor(world.analyst.id), s.id, { text: "Too revealing" });
    const report = await prisma.sanitisedReport.findFirstOrThrow({ where: { submissionId: s.id } });
    await decideSanitised(await authFor(world.supervisor.id), { sanitisedId: report.id, decision: "reject", decisionNote: "Identifies the source" });
    expect((await partnerSubmission(await authFor(world.submitter.id), s.id)).sanitisedReports).toEqual([]);
  });
});

describe("what partners see", () => {
  it("never includes police-only fields, in the view, the list or the export", async () => {
    const s = await submitted({
      extra: { analystNotes: "SECRET ANALYST NOTE", riskLevel: 5, noFurtherActionReason: "NFA REASON", analystSourceEvaluation: "RELIABLE" },
    });
    await sendFeedback(await authFor(world.analyst.id), s.id, { message: "You said, we did: visited" });
    const view = await partnerSubmission(await authFor(world.submitter.id), s.id);
    for (const field of POLICE_ONLY_FIELDS) expect(view).not.toHaveProperty(field);
    expect(JSON.stringify(view)).not.toMatch(/SECRET ANALYST NOTE|NFA REASON/);
    expect(view.feedback.map((f) => f.message)).toEqual(["You said, we did: visited"]);
    expect(JSON.stringify(view.feedback)).not.toContain(world.analyst.id);
    const list = await listOrganisationSubmissions(await authFor(world.manager.id), null);
    expect(JSON.stringify(list)).not.toMatch(/riskLevel|analyst/);
    const csv = await exportSubmissionCsv(await authFor(world.submitter.id), s.id, { beforeExport: () => undefined });
    expect(csv.csv).not.toMatch(/SECRET ANALYST NOTE|NFA REASON|Risk level/);
    const policeCsv = await exportSubmissionCsv(await authFor(world.analyst.id), s.id, { beforeExport: () => undefined });
    expect(policeCsv.csv).toContain("SECRET ANALYST NOTE");
  });

  it("puts handling code C conditions first in every export, formula-safe", async () => {
    const s = await submitted({ extra: { handlingCode: "C", handlingConditions: "=cmd|' /C calc'!A0 Do not disclose" } });
    for (const userId of [world.submitter.id, world.analyst.id]) {
      const { csv } = await exportSubmissionCsv(await authFor(userId), s.id, { beforeExport: () => undefined });
      const lines = csv.replace("\uFEFF", "").split("\r\n");
      expect(lines[1]).toBe(`HANDLING CODE C: CONDITIONS APPLY,'=cmd|' /C calc'!A0 Do not disclose`);
    }
  });
});

describe("matching never crosses access boundaries", () => {
  it("shows matches the analyst may see, and never those under a suspended agreement or another force's agreement", async () => {
    const key = { kind: "PHONE" as const, displayValue: "07700 900999", normalisedValue: "+447700900999" };
    const base = await submitted({ entities: [key] });
    const visible = await submitted({ entities: [key] });
    const suspendedAgreement = await createAgreement({ organisationIds: [world.force.id, world.council.id] });
    const underSuspended = await submitted({ agreementId: suspendedAgreement.id, entities: [key] });
    await prisma.agreement.update({ where: { id: suspendedAgreement.id }, data: { status: "SUSPENDED" } });
    const otherForce = await createSubmission({
      submitterId: world.otherSubmitter.id,
      organisationId: world.otherCouncil.id,
      agreementId: world.otherAgreement.id,
      entities: [key],
    });
    const lowCeiling = await createAgreement({ organisationIds: [world.force.id, world.council.id], ceiling: "OFFICIAL" });
    const aboveCeiling = await submitted({ agreementId: lowCeiling.id, classification: "OFFICIAL_SENSITIVE", entities: [key] });
    const draft = await submitted({ status: "DRAFT", entities: [key] });

    const analyst = await authFor(world.analyst.id);
    const matches = (await correlations(analyst, await submissionForTriage(analyst, base.id))).matches.map((m) => m.id);
    expect(matches).toEqual([visible.id]);
    for (const hidden of [underSuspended.id, otherForce.id, aboveCeiling.id, draft.id]) expect(matches).not.toContain(hidden);

    // The other force's analyst sees only their own record, never ours.
    const other = await authFor(world.otherAnalyst.id);
    const theirs = await correlations(other, await submissionForTriage(other, otherForce.id));
    expect(theirs).toEqual({ matches: [], more: false });
  });
});

describe("queue and search", () => {
  it("filters the queue in the database by the rules, highest risk and newest first, with keyset paging", async () => {
    const fresh = await createWorld();
    const make = (risk: number | null, minutesAgo: number, agreementId = fresh.agreement.id) =>
      createSubmission({
        submitterId: fresh.submitter.id,
        organisationId: fresh.council.id,
        agreementId,
        extra: { riskLevel: risk, submittedAt: new Date(Date.now() - minutesAgo * 60_000) },
      });
    const low = await make(1, 1);
    const high = await make(5, 30);
    const unassessed = await make(null, 60);
    const hidden = await make(5, 1, fresh.otherAgreement.id);
    const analyst = await authFor(fresh.analyst.id);
    const page = await triageQueue(analyst, {}, null);
    expect(page.items.map((i) => i.id)).toEqual([unassessed.id, high.id, low.id]);
    expect(page.items.map((i) => i.id)).not.toContain(hidden.id);
    for (let i = 0; i < 26; i += 1) await make(2, 100 + i);
    const first = await triageQueue(analyst, { areaId: undefined }, null);
    expect(first.items).toHaveLength(25);
    const second = await triageQueue(analyst, {}, first.nextCursor);
    expect(second.items).toHaveLength(4);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(29);
    expect(second.nextCursor).toBeNull();
  });

  it("searches text and identifiers within what the user may see, and logs counts not terms", async () => {
    const key = { kind: "VEHICLE" as const, displayValue: "BD51 SMR", normalisedValue: "BD51SMR" };
    const mine = await submitted({ narrative: "Teenagers collected by a silver car near the bus station", entities: [key] });
    const suspendedAgreement = await createAgreement({ organisationIds: [world.force.id, world.council.id], status: "SUSPENDED" });
    const hidden = await submitted({ agreementId: suspendedAgreement.id, narrative: "Teenagers collected again at the bus station", entities: [key] });
    const analyst = await authFor(world.analyst.id);
    const byText = await searchSubmissions(analyst, searchSchema.parse({ q: "teenager collected", justification: "TRIAGE" }));
    expect(byText.items.map((i) => i.id)).toContain(mine.id);
    expect(byText.items.map((i) => i.id)).not.toContain(hidden.id);
    const byIdentifier = await searchSubmissions(analyst, searchSchema.parse({ identifier: "bd51smr", justification: "TRIAGE" }));
    expect(byIdentifier.items.map((i) => i.id)).toEqual([mine.id]);
    // The submitting partner sees both of their own.
    const partner = await searchSubmissions(await authFor(world.submitter.id), searchSchema.parse({ identifier: "BD51 SMR" }));
    expect(partner.items.map((i) => i.id).sort()).toEqual([mine.id, hidden.id].sort());
    const other = await searchSubmissions(await authFor(world.otherSubmitter.id), searchSchema.parse({ identifier: "BD51 SMR" }));
    expect(other.items).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.searched", actorUserId: world.analyst.id }, orderBy: { id: "desc" } });
    expect(event.details).toMatchObject({ filters: ["identifier"], count: 1 });
    expect(JSON.stringify(event.details)).not.toContain("bd51smr");
  });
});

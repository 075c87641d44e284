/**
 * What data protection officers and administrators can see in the audit trail, and the oversight
 * work built on it: search, export, record history, agreement report, subject access, unusual
 * access and retention decisions. Every read of the trail is itself recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { agreementAccessReport, largeExports, outOfHoursEvents, recordHistoryWhere, repeatedDenials, unusualVolume } from "~/modules/audit/reports.server";
import { listRetentionDue, recordRetentionDecision, retentionDecisionSchema, RetentionError } from "~/modules/audit/retention.server";
import { auditScopeFor, auditScopeSql, auditScopeWhere, type AuditScope } from "~/modules/audit/scope.server";
import { auditFiltersSchema, exportAuditCsv, filtersWhere, searchAuditEvents } from "~/modules/audit/search.server";
import { subjectAccessSearch } from "~/modules/audit/subject-access.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { prisma } from "~/utils/db.server";
import { clock } from "~/utils/clock";
import { ukDay } from "~/utils/dates";
import { createAuditWorld, type AuditWorld } from "./fixtures";
import { contextFor } from "./helpers";

let world: AuditWorld;
const stringify = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
beforeAll(async () => {
  world = await createAuditWorld();
});

type Person = AuditWorld["people"][keyof AuditWorld["people"]];
const scopeOf = async (person: Person) => (await auditScopeFor(person))!;
const abilityOf = (person: Person) => defineAbilityFor({ ...person, organisationType: person.organisation.type });

async function visibleIds(scope: AuditScope, where: Prisma.AuditEventWhereInput = {}) {
  const rows = await prisma.auditEvent.findMany({ where: { AND: [auditScopeWhere(scope), where] }, select: { id: true } });
  return rows.map((r) => r.id);
}

describe("who sees which events", () => {
  it("shows a police DPO their own users' events and events under their agreements", async () => {
    const scope = await scopeOf(world.people.policeDpo);
    const events = await prisma.auditEvent.findMany({ where: { AND: [auditScopeWhere(scope), { recordId: world.submission.id }] } });
    // The outsider's refused attempt on the partner's record carries the agreement it was shared
    // under, so the police DPO (a party) sees it too.
    expect(events.map((e) => e.action).sort()).toEqual(["access.denied", "submission.viewed"]);
  });

  it("shows the partner DPO events about their organisation's records, including a stranger's denied attempt", async () => {
    const scope = await scopeOf(world.people.partnerDpo);
    const events = await prisma.auditEvent.findMany({ where: { AND: [auditScopeWhere(scope), { recordId: world.submission.id }] } });
    expect(events.map((e) => e.action).sort()).toEqual(["access.denied", "submission.viewed"]);
    const denied = events.find((e) => e.action === "access.denied")!;
    expect(denied.actorOrganisationId).toBe(world.outsider.id);
    expect(denied.recordOrganisationId).toBe(world.partner.id);
  });

  it("shows a DPO of an organisation party to nothing only their own users' events", async () => {
    const scope = await scopeOf(world.people.outsiderDpo);
    const events = await prisma.auditEvent.findMany({ where: auditScopeWhere(scope) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.actorOrganisationId === world.outsider.id || e.recordOrganisationId === world.outsider.id)).toBe(true);
    expect(events.some((e) => e.action === "submission.viewed")).toBe(false);
  });

  it("shows a system administrator security events only", async () => {
    const scope = await scopeOf(world.people.admin);
    const events = await prisma.auditEvent.findMany({ where: auditScopeWhere(scope) });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.action.startsWith("auth.") || e.action.startsWith("admin.") || e.action === "access.denied")).toBe(true);
  });

  it("gives everyone else no scope at all", async () => {
    for (const person of [world.people.analyst, world.people.supervisor, world.people.submitter, world.people.manager]) {
      expect(await auditScopeFor(person)).toBeNull();
    }
  });

  it("decides the same in SQL as in Prisma", async () => {
    for (const person of [world.people.policeDpo, world.people.partnerDpo, world.people.outsiderDpo, world.people.admin]) {
      const scope = await scopeOf(person);
      const sql = await prisma.$queryRaw<{ id: bigint }[]>(Prisma.sql`SELECT e.id FROM "AuditEvent" e WHERE ${auditScopeSql(scope, "e")} ORDER BY e.id`);
      expect(sql.map((r) => BigInt(r.id))).toEqual((await visibleIds(scope)).sort((a, b) => (a < b ? -1 : 1)));
    }
  });
});

describe("searching", () => {
  it("filters by person, record, agreement, action and outcome within the scope", async () => {
    const scope = await scopeOf(world.people.policeDpo);
    const search = async (values: Record<string, string>) => {
      const filters = auditFiltersSchema.parse(values);
      return (await searchAuditEvents(scope, await filtersWhere(filters), {})).events;
    };
    expect((await search({ person: world.people.analyst.email.toUpperCase() })).every((e) => e.actorUserId === world.people.analyst.id)).toBe(true);
    // The outsider's refused attempt on the partner's record carries the agreement: the police DPO sees it.
    expect((await search({ recordType: "Submission", recordId: world.submission.id, outcome: "DENIED" })).map((e) => e.actorUserId)).toEqual([
      world.people.outsiderSubmitter.id,
    ]);
    const partnerScope = await scopeOf(world.people.partnerDpo);
    const denied = await searchAuditEvents(
      partnerScope,
      await filtersWhere(auditFiltersSchema.parse({ recordType: "Submission", recordId: world.submission.id, outcome: "DENIED" })),
      {},
    );
    expect(denied.events.map((e) => e.actorUserId)).toEqual([world.people.outsiderSubmitter.id]);
    expect((await search({ agreement: world.agreement.id, action: "submission.viewed" })).map((e) => e.actorEmail)).toEqual([world.people.analyst.email]);
    // The London day (the filter's), not the UTC one: they differ for an hour each summer night.
    const today = ukDay(clock.now());
    expect((await search({ from: "2000-01-01", to: "2000-01-02" }))).toHaveLength(0);
    expect((await search({ from: today, to: today, recordType: "Submission", recordId: world.submission.id })).length).toBeGreaterThan(0);
  });

  it("refuses malformed filters with messages", () => {
    const result = auditFiltersSchema.safeParse({ from: "2026-02-30", organisation: "x", action: "nope" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["from", "organisation", "action"]));
  });

  it("pages by id through every event exactly once, newest first, and back", async () => {
    for (let i = 0; i < 7; i++) await audit(contextFor(world.people.analyst), { action: "record.searched", details: { i } });
    const scope = await scopeOf(world.people.policeDpo);
    const where = { action: "record.searched" };
    const seen: bigint[] = [];
    let before: bigint | undefined;
    const pages = [];
    for (;;) {
      const page = await searchAuditEvents(scope, where, { before }, 3);
      pages.push(page);
      seen.push(...page.events.map((e) => e.id));
      if (!page.older) break;
      before = BigInt(page.older);
    }
    expect(seen).toHaveLength(7);
    expect([...seen].sort((a, b) => (a > b ? -1 : 1))).toEqual(seen);
    const back = await searchAuditEvents(scope, where, { after: BigInt(pages[1]!.newer!) }, 3);
    expect(back.events.map((e) => e.id)).toEqual(pages[0]!.events.map((e) => e.id));
  });
});

describe("CSV export", () => {
  it("is formula-safe, contains only events in scope, and is itself recorded", async () => {
    const { id: hostileId } = await audit(contextFor(world.people.analyst), {
      action: "record.viewed",
      recordType: "Submission",
      recordId: world.submission.id,
      agreementId: world.agreement.id,
      justification: "OTHER",
      justificationNote: '=HYPERLINK("http://evil.example","click")',
      details: { note: "@SUM(1+1)" },
    });
    const scope = await scopeOf(world.people.partnerDpo);
    const filters = auditFiltersSchema.parse({ recordType: "Submission", recordId: world.submission.id });
    const result = await exportAuditCsv(scope, filters, contextFor(world.people.partnerDpo));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const csv = await new Response(result.body).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,occurredAt \(UTC\),what,action/);
    expect(lines).toHaveLength(1 + result.rowCount);
    const hostile = lines.find((l) => l.startsWith(`${hostileId},`))!;
    expect(hostile).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(hostile).not.toMatch(/,=|,"=/);
    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.exported", actorUserId: world.people.partnerDpo.id }, orderBy: { id: "desc" } });
    expect(logged.details).toMatchObject({ rowCount: result.rowCount, filters: { recordType: "Submission", recordId: world.submission.id } });
  });
});

describe("export limit", () => {
  it("refuses an export over the limit without counting the whole scope, and says 'more than'", async () => {
    for (let i = 0; i < 4; i += 1) {
      await audit(contextFor(world.people.partnerDpo), { action: "record.viewed", recordType: "Submission", recordId: world.submission.id, details: { i } });
    }
    const scope = await scopeOf(world.people.partnerDpo);
    const filters = auditFiltersSchema.parse({ recordType: "Submission", recordId: world.submission.id });
    const refused = await exportAuditCsv(scope, filters, contextFor(world.people.partnerDpo), 3);
    expect(refused).toEqual({ ok: false, limit: 3 });
    const allowed = await exportAuditCsv(scope, filters, contextFor(world.people.partnerDpo), 1000);
    expect(allowed.ok).toBe(true);
  });
});

describe("reports", () => {
  it("gives a record's history including its sanitised versions", async () => {
    const report = await prisma.sanitisedReport.findFirstOrThrow({ where: { submissionId: world.submission.id } });
    await audit(contextFor(world.people.submitter), { action: "sanitised.disseminated", recordType: "SanitisedReport", recordId: report.id, agreementId: world.agreement.id });
    const scope = await scopeOf(world.people.partnerDpo);
    const ids = await visibleIds(scope, await recordHistoryWhere("Submission", world.submission.id));
    const events = await prisma.auditEvent.findMany({ where: { id: { in: ids } } });
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["submission.viewed", "access.denied", "sanitised.disseminated"]));
  });

  it("reports who accessed what under an agreement, by organisation", async () => {
    const scope = await scopeOf(world.people.partnerDpo);
    const rows = await agreementAccessReport(scope, world.agreement.id, { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) });
    const viewed = rows.find((r) => r.action === "submission.viewed")!;
    expect(viewed).toMatchObject({ organisationName: world.police.name, actorEmail: world.people.analyst.email, recordType: "Submission", records: 1 });
    expect(viewed.events).toBeGreaterThanOrEqual(1);
    const outsiderRows = await agreementAccessReport(await scopeOf(world.people.outsiderDpo), world.agreement.id, {
      from: new Date(Date.now() - 86_400_000),
      to: new Date(Date.now() + 86_400_000),
    });
    expect(outsiderRows).toEqual([]);
  });

  it("lists unusual access: heavy viewers, out-of-hours events, repeated denials, large exports", async () => {
    // A world of its own: this test changes it, and no other test may depend on whether it ran first.
    const world = await createAuditWorld();
    const heavy = world.people.analyst;
    const colleague = world.people.supervisor;
    const views = (person: Person, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          audit(contextFor(person), { action: "record.viewed", recordType: "Threat", recordId: `threat-${person.id}-${i}`, agreementId: world.agreement.id }),
        ),
      );
    await views(heavy, 30);
    await views(colleague, 2);
    for (let i = 0; i < 3; i++) await audit(contextFor(world.people.outsiderSubmitter), { action: "access.denied", outcome: "DENIED", recordType: "Submission", recordId: world.submission.id });
    await audit(contextFor(world.people.analyst), { action: "submission.exported", agreementId: world.agreement.id, details: { rowCount: 250 } });
    const period = { from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 86_400_000) };
    const scope = await scopeOf(world.people.policeDpo);

    const volume = await unusualVolume(scope, period);
    expect(volume.map((v) => v.actorEmail)).toEqual([heavy.email]);
    expect(volume[0]!.records).toBeGreaterThanOrEqual(30);

    const denied = await repeatedDenials(await scopeOf(world.people.partnerDpo), period);
    expect(denied.find((d) => d.actorEmail === world.people.outsiderSubmitter.email)?.attempts).toBeGreaterThanOrEqual(4);

    const exports = await largeExports(scope, period, undefined);
    expect(exports.ids.length).toBe(1);

    // Out of hours, whatever the hour the test runs: with the clock set, one event at 02:30 and one at
    // 12:00 London time (January: UTC) on a day of their own; only the first is listed.
    const night = await clock.at(new Date("2026-01-15T02:30:00Z"), () =>
      audit(contextFor(world.people.analyst), { action: "record.viewed", recordType: "Threat", recordId: "night", agreementId: world.agreement.id }),
    );
    const noon = await clock.at(new Date("2026-01-15T12:00:00Z"), () =>
      audit(contextFor(world.people.analyst), { action: "record.viewed", recordType: "Threat", recordId: "noon", agreementId: world.agreement.id }),
    );
    const thatDay = await outOfHoursEvents(scope, { from: new Date("2026-01-15T00:00:00Z"), to: new Date("2026-01-16T00:00:00Z") }, undefined);
    expect(thatDay.ids).toEqual([night.id]);
    expect(thatDay.ids).not.toContain(noon.id);

    // And over the whole trail, the listed events are exactly those outside 07:00-19:00.
    const out = await outOfHoursEvents(scope, { from: new Date(0), to: new Date(Date.now() + 86_400_000) }, undefined, 500);
    const listed = await prisma.auditEvent.findMany({ where: { id: { in: out.ids } } });
    for (const e of listed) {
      const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(e.occurredAt));
      expect(hour < 7 || hour >= 19).toBe(true);
    }
    const all = await prisma.auditEvent.findMany({ where: { AND: [auditScopeWhere(scope), { actorUserId: { not: null } }] } });
    const expected = all.filter((e) => {
      const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(e.occurredAt));
      return hour < 7 || hour >= 19;
    });
    expect(out.ids.length).toBe(expected.length);
  });
});

describe("subject access", () => {
  it("finds the records naming a person by normalised identifiers, and who consulted them, and records the search", async () => {
    const dpo = world.people.policeDpo;
    const results = await subjectAccessSearch(
      abilityOf(dpo),
      await scopeOf(dpo),
      { name: "", nickname: "", phone: "+44 (0)7700-900123", handle: "", vehicle: "", address: "" },
      { justification: "SUBJECT_ACCESS_REQUEST", justificationNote: null },
      contextFor(dpo),
    );
    expect(results.map((r) => r.reference)).toEqual([world.submission.reference]);
    expect(results[0]!.matched).toEqual([{ kind: "PHONE", displayValue: "07700 900123" }]);
    expect(results[0]!.access.map((a) => a.actorEmail)).toContain(world.people.analyst.email);
    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.subject_access_search", actorUserId: dpo.id }, orderBy: { id: "desc" } });
    expect(logged.justification).toBe("SUBJECT_ACCESS_REQUEST");
    expect(logged.details).toEqual({ identifierKinds: ["PHONE"], rowCount: 1, submissionIds: [world.submission.id] });
    expect(stringify(logged)).not.toContain("900123");
  });

  it("finds nothing for a DPO whose organisation does not control the record", async () => {
    const dpo = world.people.outsiderDpo;
    const results = await subjectAccessSearch(
      abilityOf(dpo),
      await scopeOf(dpo),
      { name: "jordan  example", nickname: "", phone: "", handle: "", vehicle: "AB12CDE", address: "" },
      { justification: "SUBJECT_ACCESS_REQUEST", justificationNote: null },
      contextFor(dpo),
    );
    expect(results).toEqual([]);
  });
});

describe("retention and review", () => {
  it("re-checks oversight inside the decision's transaction: a DPO who does not oversee the record decides nothing", async () => {
    const now = new Date();
    const input = retentionDecisionSchema(now).parse({ decision: "DISPOSE", reason: "Not mine to decide", confirmDisposal: "yes" });
    const outsider = world.people.outsiderDpo;
    await expect(
      recordRetentionDecision(world.submission.id, input, { id: outsider.id, ability: abilityOf(outsider) }, contextFor(outsider), now),
    ).rejects.toThrow("You can no longer make a retention decision on this record.");
    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: world.submission.id }, include: { retentionDecisions: true } });
    expect(submission.disposedAt).toBeNull();
    expect(submission.retentionDecisions).toEqual([]);
  });

  it("lists records past retention for the DPOs who oversee them, and records a decision to retain", async () => {
    // A world of its own: this test changes it, and no other test may depend on whether it ran first.
    const world = await createAuditWorld();
    const now = new Date();
    const due = await listRetentionDue(abilityOf(world.people.partnerDpo), now);
    expect(due.submissions.map((s) => s.id)).toContain(world.submission.id);
    expect((await listRetentionDue(abilityOf(world.people.outsiderDpo), now)).submissions).toEqual([]);

    const bad = retentionDecisionSchema(now).safeParse({ decision: "RETAIN", reason: "", nextReviewDate: "2001-01-01" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["nextReviewDate", "reason"]);

    const nextYear = new Date(now.getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
    const input = retentionDecisionSchema(now).parse({ decision: "RETAIN", reason: "Linked to a live investigation", nextReviewDate: nextYear });
    await recordRetentionDecision(world.submission.id, input, { id: world.people.partnerDpo.id, ability: abilityOf(world.people.partnerDpo) }, contextFor(world.people.partnerDpo), now);
    expect((await listRetentionDue(abilityOf(world.people.partnerDpo), now)).submissions.map((s) => s.id)).not.toContain(world.submission.id);
    const submission = await prisma.submission.findUniqueOrThrow({ where: { id: world.submission.id } });
    expect(submission.reviewDueAt?.toISOString().slice(0, 10)).toBe(
      new Date(new Date(`${nextYear}T00:00:00Z`).getTime() - (submission.reviewDueAt!.getUTCHours() === 23 ? 3_600_000 : 0)).toISOString().slice(0, 10),
    );
    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { action: "retention.retained", recordId: world.submission.id }, orderBy: { id: "desc" } });
    expect(logged).toMatchObject({ recordType: "Submission", recordId: world.submission.id, agreementId: world.agreement.id, justification: "RETENTION_REVIEW" });
    // Due again once the review date passes.
    const later = new Date(now.getTime() + 400 * 86_400_000);
    expect((await listRetentionDue(abilityOf(world.people.partnerDpo), later)).submissions.map((s) => s.id)).toContain(world.submission.id);
  });

  it("disposes: erases the content, keeps a tombstone, and logs the erasure without the erased data", async () => {
    // A world of its own: this test changes it, and no other test may depend on whether it ran first.
    const world = await createAuditWorld();
    const now = new Date();
    const input = retentionDecisionSchema(now).parse({ decision: "DISPOSE", reason: "No continuing policing purpose", confirmDisposal: "yes" });
    await recordRetentionDecision(world.submission.id, input, { id: world.people.policeDpo.id, ability: abilityOf(world.people.policeDpo) }, contextFor(world.people.policeDpo), now);
    const submission = await prisma.submission.findUniqueOrThrow({
      where: { id: world.submission.id },
      include: { entities: true, sanitisedReports: true, feedback: true, retentionDecisions: true },
    });
    expect(submission).toMatchObject({
      reference: world.submission.reference,
      narrative: null,
      locationDescription: null,
      postcode: null,
      handlingConditions: null,
      analystNotes: null,
      entities: [],
    });
    expect(submission.disposedAt).not.toBeNull();
    expect(submission.sanitisedReports.every((r) => r.text === "")).toBe(true);
    expect(submission.feedback.every((f) => f.message === "")).toBe(true);
    expect(submission.retentionDecisions.map((d) => d.decision)).toEqual(["DISPOSE"]);

    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { action: "retention.disposed", recordId: world.submission.id } });
    expect(logged.details).toMatchObject({ entitiesErased: 3, sanitisedReportsErased: 1, feedbackErased: 1 });
    const text = stringify(logged);
    for (const erased of ["Jordan", "900123", "AB12", "TF1", "Example Court", "running a line", "Police-only", "tenant"]) {
      expect(text).not.toContain(erased);
    }
    await expect(
      recordRetentionDecision(world.submission.id, input, { id: world.people.policeDpo.id, ability: abilityOf(world.people.policeDpo) }, contextFor(world.people.policeDpo), now),
    ).rejects.toBeInstanceOf(RetentionError);
    expect((await listRetentionDue(abilityOf(world.people.policeDpo), now)).submissions.map((s) => s.id)).not.toContain(world.submission.id);
  });

  it("leaves the audit trail intact after all of this", async () => {
    expect((await verifyAuditTrail()).intact).toBe(true);
  });
});

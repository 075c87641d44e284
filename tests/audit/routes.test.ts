/**
 * Authorization for every audit and oversight route: each role allowed or refused, refusals
 * recorded, records outside the reader's reach answered 404, and reading the trail recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import * as agreementsRoute from "~/routes/audit.agreements";
import * as eventRoute from "~/routes/audit.events.$id";
import * as eventsRoute from "~/routes/audit.events._index";
import * as exportRoute from "~/routes/audit.export";
import * as hubRoute from "~/routes/audit._index";
import * as checkpointsRoute from "~/routes/audit.integrity.checkpoints";
import * as integrityRoute from "~/routes/audit.integrity";
import { integrityChecksSettled } from "~/modules/audit/integrity.server";
import * as recordsRoute from "~/routes/audit.records";
import * as unusualKindRoute from "~/routes/audit.unusual.$kind";
import * as unusualRoute from "~/routes/audit.unusual._index";
import * as retentionDecisionRoute from "~/routes/dpo.retention.$id";
import * as retentionRoute from "~/routes/dpo.retention._index";
import * as subjectAccessRoute from "~/routes/dpo.subject-access";
import { prisma } from "~/utils/db.server";
import { signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { createAuditWorld, type AuditWorld } from "./fixtures";

let world: AuditWorld;
const cookies = new Map<string, string>();
beforeAll(async () => {
  world = await createAuditWorld();
  for (const [name, person] of Object.entries(world.people)) cookies.set(name, await signedInCookie(person.id));
});

type PersonName = keyof AuditWorld["people"];
const ROLE_OF: Record<Role, PersonName> = {
  DATA_PROTECTION_OFFICER: "policeDpo",
  SYSTEM_ADMINISTRATOR: "admin",
  POLICE_ANALYST: "analyst",
  INTELLIGENCE_SUPERVISOR: "supervisor",
  PARTNER_SUBMITTER: "submitter",
  PARTNER_MANAGER: "manager",
};

interface Case {
  name: string;
  call: (cookie: string | undefined) => Promise<unknown>;
  /** Expected status per role; anyone signed out is sent to sign in. */
  allowed: Partial<Record<Role, number>>;
}

const get = (handler: Parameters<typeof run>[0], path: string, params: Record<string, string> = {}) => (cookie: string | undefined) =>
  run(handler, makeRequest(path, { cookie }), params);
const post = (handler: Parameters<typeof run>[0], path: string, form: Record<string, string>, params: Record<string, string> = {}) => (cookie: string | undefined) =>
  run(handler, makeRequest(path, { cookie, form, headers: { Origin: "http://localhost" } }), params);

const AUDITORS = { DATA_PROTECTION_OFFICER: 200, SYSTEM_ADMINISTRATOR: 200 } as const;
const DPO_ONLY = { DATA_PROTECTION_OFFICER: 200 } as const;

function cases(): Case[] {
  const submissionId = world.submission.id;
  return [
    { name: "GET /audit", call: get(hubRoute.loader, "/audit"), allowed: AUDITORS },
    { name: "GET /audit/events", call: get(eventsRoute.loader, "/audit/events?action=submission.viewed"), allowed: AUDITORS },
    { name: "POST /audit/export", call: post(exportRoute.action, "/audit/export", { action: "submission.viewed" }), allowed: AUDITORS },
    { name: "GET /audit/records", call: get(recordsRoute.loader, `/audit/records?recordType=Submission&record=${world.submission.reference}`), allowed: DPO_ONLY },
    { name: "GET /audit/agreements", call: get(agreementsRoute.loader, `/audit/agreements?agreement=${world.agreement.id}`), allowed: DPO_ONLY },
    { name: "GET /audit/unusual", call: get(unusualRoute.loader, "/audit/unusual"), allowed: DPO_ONLY },
    { name: "GET /audit/unusual/volume", call: get(unusualKindRoute.loader, "/audit/unusual/volume", { kind: "volume" }), allowed: DPO_ONLY },
    { name: "GET /audit/unusual/out-of-hours", call: get(unusualKindRoute.loader, "/audit/unusual/out-of-hours", { kind: "out-of-hours" }), allowed: DPO_ONLY },
    { name: "GET /audit/unusual/denied", call: get(unusualKindRoute.loader, "/audit/unusual/denied", { kind: "denied" }), allowed: DPO_ONLY },
    { name: "GET /audit/unusual/exports", call: get(unusualKindRoute.loader, "/audit/unusual/exports", { kind: "exports" }), allowed: DPO_ONLY },
    { name: "GET /audit/integrity", call: get(integrityRoute.loader, "/audit/integrity"), allowed: AUDITORS },
    // The check runs in the background: the POST queues it and redirects to its progress.
    { name: "POST /audit/integrity (verify)", call: post(integrityRoute.action, "/audit/integrity", { intent: "verify" }), allowed: { DATA_PROTECTION_OFFICER: 303, SYSTEM_ADMINISTRATOR: 303 } },
    { name: "POST /audit/integrity (checkpoint)", call: post(integrityRoute.action, "/audit/integrity", { intent: "checkpoint" }), allowed: AUDITORS },
    { name: "GET /audit/integrity/checkpoints", call: get(checkpointsRoute.loader, "/audit/integrity/checkpoints"), allowed: AUDITORS },
    { name: "GET /dpo/subject-access", call: get(subjectAccessRoute.loader, "/dpo/subject-access"), allowed: DPO_ONLY },
    {
      name: "POST /dpo/subject-access",
      call: post(subjectAccessRoute.action, "/dpo/subject-access", { vehicle: "AB12 CDE", justification: "SUBJECT_ACCESS_REQUEST" }),
      allowed: DPO_ONLY,
    },
    { name: "GET /dpo/retention", call: get(retentionRoute.loader, "/dpo/retention"), allowed: DPO_ONLY },
    { name: "GET /dpo/retention/:id", call: get(retentionDecisionRoute.loader, `/dpo/retention/${submissionId}`, { id: submissionId }), allowed: DPO_ONLY },
    {
      name: "POST /dpo/retention/:id (invalid, so nothing changes)",
      call: post(retentionDecisionRoute.action, `/dpo/retention/${submissionId}`, { decision: "RETAIN", reason: "" }, { id: submissionId }),
      allowed: DPO_ONLY,
    },
  ];
}

describe("every audit route, every role", () => {
  it("allows only the roles that may, refuses the rest with 403, and records each refusal", async () => {
    for (const route of cases()) {
      for (const [role, person] of Object.entries(ROLE_OF) as [Role, PersonName][]) {
        const before = await prisma.auditEvent.count({ where: { action: "access.denied", actorUserId: world.people[person].id } });
        const outcome = await route.call(cookies.get(person));
        const expected = route.allowed[role] ?? 403;
        expect(`${route.name} as ${role}: ${statusOf(outcome)}`).toBe(`${route.name} as ${role}: ${expected}`);
        if (expected === 403) {
          const after = await prisma.auditEvent.count({ where: { action: "access.denied", actorUserId: world.people[person].id, outcome: "DENIED" } });
          expect(after).toBe(before + 1);
        }
      }
      const signedOut = await route.call(undefined);
      expect(`${route.name} signed out: ${statusOf(signedOut)}`).toBe(`${route.name} signed out: 302`);
    }
  });
});

describe("each oversight action's own event", () => {
  it("was recorded by the role matrix above with who, what and why", async () => {
    // The integrity check asked for above records its result when it finishes, in the background.
    await integrityChecksSettled();
    const dpo = world.people.policeDpo;
    const expected: Record<string, { justification: string | null; recordType?: string | null; agreementId?: string | null }> = {
      "audit.searched": { justification: "DATA_PROTECTION_REVIEW" },
      "audit.exported": { justification: null },
      "audit.record_history_viewed": { justification: "DATA_PROTECTION_REVIEW", recordType: "Submission" },
      "audit.agreement_report_viewed": { justification: "DATA_PROTECTION_REVIEW", recordType: "Agreement", agreementId: world.agreement.id },
      "audit.unusual_access_viewed": { justification: "AUDIT_INVESTIGATION" },
      "audit.verification_requested": { justification: null },
      "audit.verified": { justification: null },
      "audit.checkpoint_signed": { justification: null },
      "audit.checkpoints_exported": { justification: null },
      "audit.subject_access_search": { justification: "SUBJECT_ACCESS_REQUEST" },
      "retention.listed": { justification: "RETENTION_REVIEW", recordType: "Submission" },
      "retention.viewed": { justification: "RETENTION_REVIEW", recordType: "Submission", agreementId: world.agreement.id },
    };
    for (const [action, fields] of Object.entries(expected)) {
      const event = await prisma.auditEvent.findFirst({ where: { action, actorUserId: dpo.id }, orderBy: { id: "desc" } });
      expect(event, action).not.toBeNull();
      expect(event, action).toMatchObject({
        outcome: "ALLOWED",
        actorEmail: dpo.email,
        actorOrganisationId: dpo.organisationId,
        actorRoles: ["DATA_PROTECTION_OFFICER"],
        ipAddress: "203.0.113.7",
        userAgent: "vitest",
        ...fields,
      });
    }
  });
});

describe("records beyond the reader's reach", () => {
  it("answers 404 for an audit event outside the scope, and for a retention decision on a record the DPO does not oversee", async () => {
    const viewed = await prisma.auditEvent.findFirstOrThrow({ where: { action: "submission.viewed", recordId: world.submission.id } });
    const cookie = cookies.get("outsiderDpo");
    expect(statusOf(await run(eventRoute.loader, makeRequest(`/audit/events/${viewed.id}`, { cookie }), { id: viewed.id.toString() }))).toBe(404);
    expect(statusOf(await run(eventRoute.loader, makeRequest(`/audit/events/${viewed.id}`, { cookie: cookies.get("admin") }), { id: viewed.id.toString() }))).toBe(404);
    expect(statusOf(await run(eventRoute.loader, makeRequest(`/audit/events/${viewed.id}`, { cookie: cookies.get("policeDpo") }), { id: viewed.id.toString() }))).toBe(200);
    expect(statusOf(await run(eventRoute.loader, makeRequest(`/audit/events/x`, { cookie: cookies.get("policeDpo") }), { id: "x" }))).toBe(404);
    const path = `/dpo/retention/${world.submission.id}`;
    expect(statusOf(await run(retentionDecisionRoute.loader, makeRequest(path, { cookie }), { id: world.submission.id }))).toBe(404);
    expect(
      statusOf(
        await run(
          retentionDecisionRoute.action,
          makeRequest(path, { cookie, form: { decision: "DISPOSE", reason: "x", confirmDisposal: "yes" }, headers: { Origin: "http://localhost" } }),
          { id: world.submission.id },
        ),
      ),
    ).toBe(404);
    expect((await prisma.submission.findUniqueOrThrow({ where: { id: world.submission.id } })).disposedAt).toBeNull();
  });

  it("records reading the trail, with what was returned", async () => {
    const cookie = cookies.get("partnerDpo");
    const outcome = (await run(eventsRoute.loader, makeRequest(`/audit/events?recordType=Submission&recordId=${world.submission.id}`, { cookie }))) as {
      page: { events: { id: string }[] };
    };
    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.searched", actorUserId: world.people.partnerDpo.id }, orderBy: { id: "desc" } });
    expect(logged.details).toMatchObject({
      filters: { recordType: "Submission", recordId: world.submission.id },
      rowCount: outcome.page.events.length,
      eventIds: outcome.page.events.map((e) => e.id),
    });
  });

  it("shows a DPO who viewed a submission and under which agreement on its history page", async () => {
    const outcome = (await run(
      recordsRoute.loader,
      makeRequest(`/audit/records?recordType=Submission&record=${world.submission.reference!.toLowerCase()}`, { cookie: cookies.get("policeDpo") }),
    )) as { result: { summary: { actorEmail: string; action: string; agreementId: string }[]; labels: { agreements: Record<string, string> } } };
    const viewed = outcome.result.summary.find((s) => s.action === "submission.viewed")!;
    expect(viewed.actorEmail).toBe(world.people.analyst.email);
    expect(outcome.result.labels.agreements[viewed.agreementId]).toBe(world.agreement.reference);
    const logged = await prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.record_history_viewed" }, orderBy: { id: "desc" } });
    expect(logged).toMatchObject({ recordType: "Submission", recordId: world.submission.id, actorUserId: world.people.policeDpo.id });
  });

  it("validates the subject access form, including the justification", async () => {
    const outcome = (await run(
      subjectAccessRoute.action,
      makeRequest("/dpo/subject-access", { cookie: cookies.get("policeDpo"), form: { phone: "not a phone", justification: "OTHER" }, headers: { Origin: "http://localhost" } }),
    )) as { errors: Record<string, string>; values: Record<string, string> };
    expect(outcome.errors).toMatchObject({ phone: "Enter a valid phone number", justificationNote: "Explain why you need to see this information" });
    expect(outcome.values.phone).toBe("not a phone");
  });
});

import { describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { requireUser } from "~/modules/auth/auth.server";
import { SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { decideRoleGrant, grantFirstApproverRole } from "~/modules/users/role-grants.server";
import * as home from "~/routes/_index";
import * as decide from "~/routes/approvals.roles.$id";
import * as approvals from "~/routes/approvals.roles._index";
import * as unusual from "~/routes/audit.unusual.$kind";
import * as userEdit from "~/routes/admin.users.$id.edit";
import * as userNew from "~/routes/admin.users.new";
import * as triage from "~/routes/triage._index";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf, testContext } from "../helpers/remix";

/**
 * Issue 8, defect 1, the class: an administrator could equally create a second account for
 * themselves. Every role reaches intelligence or the audit trail, so a role an administrator gives
 * takes effect only when a second person approves it: an intelligence supervisor of that
 * organisation for police roles, a partner manager for partner roles, a DPO for the DPO and
 * administrator roles. Never the requester, never the person it is for.
 */

async function region() {
  const police = await createOrganisation({ type: "POLICE_FORCE" });
  const council = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  const admin = await createUser({ roles: ["SYSTEM_ADMINISTRATOR"], organisationId: police.id });
  const supervisor = await createUser({ roles: ["INTELLIGENCE_SUPERVISOR"], organisationId: police.id });
  const policeDpo = await createUser({ roles: ["DATA_PROTECTION_OFFICER"], organisationId: police.id });
  const manager = await createUser({ roles: ["PARTNER_MANAGER"], organisationId: council.id });
  return { police, council, admin, supervisor, policeDpo, manager, adminCookie: await signedInCookie(admin.id) };
}

let counter = 0;
async function createAccount(cookie: string, organisationId: string, roles: Role[]) {
  const email = `grant-${Date.now()}-${counter++}@example.test`;
  const outcome = await run(
    userNew.action,
    makeRequest("/admin/users/new", { cookie, form: { name: "Sock Puppet", email, organisationId, roles, isAgreementSignatory: "no" } }),
  );
  return { outcome: outcome as { created: { id: string } | null; errors?: Record<string, string> }, email };
}

async function editAccount(cookie: string, id: string, form: { organisationId: string; roles: Role[]; name?: string }) {
  return run(
    userEdit.action,
    makeRequest(`/admin/users/${id}/edit`, { cookie, form: { name: form.name ?? "Test User", isAgreementSignatory: "no", ...form } }),
    { id },
  );
}

function pending(userId: string) {
  return prisma.roleGrantRequest.findMany({ where: { userId, status: "PENDING" }, orderBy: { role: "asc" } });
}

async function decideAs(userId: string, requestId: string, form: Record<string, string>) {
  const cookie = await signedInCookie(userId);
  return run(decide.action, makeRequest(`/approvals/roles/${requestId}`, { cookie, form }), { id: requestId });
}

async function listFor(userId: string) {
  const outcome = await run(approvals.loader, makeRequest("/approvals/roles", { cookie: await signedInCookie(userId) }));
  return outcome as { requests: { id: string; role: string; email: string }[] };
}

const rolesOf = async (id: string) => (await prisma.user.findUniqueOrThrow({ where: { id } })).roles;

describe("asking for a role", () => {
  it("a new account gets no role, and no access, until a second person approves", async () => {
    const r = await region();
    const { outcome } = await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    const id = outcome.created!.id;
    expect(await rolesOf(id)).toEqual([]);
    const [request] = await pending(id);
    expect(request).toMatchObject({ role: "POLICE_ANALYST", organisationId: r.police.id, requestedById: r.admin.id });

    // The new account sees no intelligence.
    const puppetCookie = await signedInCookie(id);
    expect(statusOf(await run(triage.loader, makeRequest("/triage", { cookie: puppetCookie })))).toBe(403);

    const asked = await prisma.auditEvent.findFirstOrThrow({ where: { action: "privilege.grant_requested", recordId: id } });
    expect(asked).toMatchObject({ actorUserId: r.admin.id, recordOrganisationId: r.police.id });
    expect(asked.details).toMatchObject({ requestId: request!.id, role: "POLICE_ANALYST", approvedBy: "INTELLIGENCE_SUPERVISOR" });

    // The supervisor approves; the role is there on the account's next request.
    expect((await listFor(r.supervisor.id)).requests.map((q) => q.id)).toEqual([request!.id]);
    const decided = await decideAs(r.supervisor.id, request!.id, { decision: "approve" });
    expect((decided as Response).headers.get("Location")).toBe("/approvals/roles?done=approved");
    expect(await rolesOf(id)).toEqual(["POLICE_ANALYST"]);
    expect(await prisma.roleGrantRequest.findUniqueOrThrow({ where: { id: request!.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: r.supervisor.id,
    });
    expect(statusOf(await run(triage.loader, makeRequest("/triage", { cookie: puppetCookie })))).toBe(200);
    const approved = await prisma.auditEvent.findFirstOrThrow({ where: { action: "privilege.grant_approved", recordId: id } });
    expect(approved).toMatchObject({ actorUserId: r.supervisor.id, recordOrganisationId: r.police.id });
    expect(approved.details).toMatchObject({ role: "POLICE_ANALYST", changes: { roles: { old: [], new: ["POLICE_ANALYST"] } } });
  });

  it("adding a role to an existing account asks for it; taking one off takes effect at once", async () => {
    const r = await region();
    const analyst = await createUser({ roles: ["POLICE_ANALYST"], organisationId: r.police.id });
    await editAccount(r.adminCookie, analyst.id, { organisationId: r.police.id, roles: ["POLICE_ANALYST", "DATA_PROTECTION_OFFICER"] });
    expect(await rolesOf(analyst.id)).toEqual(["POLICE_ANALYST"]);
    expect((await pending(analyst.id)).map((q) => q.role)).toEqual(["DATA_PROTECTION_OFFICER"]);

    // Saving the same form again queues nothing new.
    await editAccount(r.adminCookie, analyst.id, { organisationId: r.police.id, roles: ["POLICE_ANALYST", "DATA_PROTECTION_OFFICER"] });
    expect(await pending(analyst.id)).toHaveLength(1);

    // Taking both off: the granted role goes at once, the pending request is cancelled.
    await editAccount(r.adminCookie, analyst.id, { organisationId: r.police.id, roles: ["INTELLIGENCE_SUPERVISOR"] });
    expect(await rolesOf(analyst.id)).toEqual([]);
    expect((await pending(analyst.id)).map((q) => q.role)).toEqual(["INTELLIGENCE_SUPERVISOR"]);
    expect(await prisma.roleGrantRequest.count({ where: { userId: analyst.id, status: "CANCELLED", role: "DATA_PROTECTION_OFFICER" } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "privilege.grant_cancelled", recordId: analyst.id } })).toBe(1);
  });

  it("moving an account to another organisation takes its roles away and asks for them there", async () => {
    const r = await region();
    const otherForce = await createOrganisation({ type: "REGIONAL_ORGANISED_CRIME_UNIT" });
    const analyst = await createUser({ roles: ["POLICE_ANALYST"], organisationId: r.police.id });
    await editAccount(r.adminCookie, analyst.id, { organisationId: otherForce.id, roles: ["POLICE_ANALYST"] });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: analyst.id } });
    expect(after).toMatchObject({ organisationId: otherForce.id, roles: [] });
    expect((await pending(analyst.id)).map((q) => [q.role, q.organisationId])).toEqual([["POLICE_ANALYST", otherForce.id]]);
    // The old force's supervisor cannot approve it: it is for the other organisation.
    expect((await listFor(r.supervisor.id)).requests).toEqual([]);
  });

  it("refuses a police role for a council and a partner role for a police force, with the reason", async () => {
    const r = await region();
    const council = await createAccount(r.adminCookie, r.council.id, ["POLICE_ANALYST"]);
    expect(council.outcome.created).toBeNull();
    expect(council.outcome.errors?.roles).toBe(
      `Police analyst is a police role: ${r.council.name} is not a police force or regional organised crime unit`,
    );
    const force = await createAccount(r.adminCookie, r.police.id, ["PARTNER_SUBMITTER"]);
    expect(force.outcome.errors?.roles).toBe(`Partner submitter is a partner role: ${r.police.name} is a police organisation`);
    expect(await prisma.user.count({ where: { email: { in: [council.email, force.email] } } })).toBe(0);

    const submitter = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: r.council.id });
    const edited = (await editAccount(r.adminCookie, submitter.id, {
      organisationId: r.council.id,
      roles: ["PARTNER_SUBMITTER", "INTELLIGENCE_SUPERVISOR"],
    })) as { errors: Record<string, string> };
    expect(edited.errors.roles).toMatch(/Intelligence supervisor is a police role/);
    expect(await pending(submitter.id)).toEqual([]);
  });
});

describe("who approves", () => {
  it.each([
    ["a partner role", "council", ["PARTNER_SUBMITTER"], "manager"],
    ["the DPO role", "police", ["DATA_PROTECTION_OFFICER"], "policeDpo"],
    ["the system administrator role", "police", ["SYSTEM_ADMINISTRATOR"], "policeDpo"],
    ["a police role", "police", ["INTELLIGENCE_SUPERVISOR"], "supervisor"],
  ] as const)("%s: only the right approver of that organisation sees and decides it", async (_what, org, roles, approverKey) => {
    const r = await region();
    const { outcome } = await createAccount(r.adminCookie, r[org].id, [...roles]);
    const [request] = await pending(outcome.created!.id);
    const approver = r[approverKey];
    const others = (["supervisor", "policeDpo", "manager", "admin"] as const).filter((key) => key !== approverKey).map((key) => r[key]);
    for (const other of others) {
      expect((await listFor(other.id)).requests ?? []).toEqual([]);
      expect(statusOf(await decideAs(other.id, request!.id, { decision: "approve" }))).toBe(404);
    }
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
    expect((await listFor(approver.id)).requests.map((q) => q.id)).toEqual([request!.id]);
    await decideAs(approver.id, request!.id, { decision: "approve" });
    expect(await rolesOf(outcome.created!.id)).toEqual([...roles]);
  });

  it("an approver of another organisation gets 404, audited, and nothing changes", async () => {
    const r = await region();
    const otherForce = await createOrganisation({ type: "POLICE_FORCE" });
    const otherSupervisor = await createUser({ roles: ["INTELLIGENCE_SUPERVISOR"], organisationId: otherForce.id });
    const { outcome } = await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    const [request] = await pending(outcome.created!.id);
    expect(statusOf(await decideAs(otherSupervisor.id, request!.id, { decision: "approve" }))).toBe(404);
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
    const denial = await prisma.auditEvent.findFirstOrThrow({ where: { actorUserId: otherSupervisor.id, action: "access.denied" } });
    expect(denial).toMatchObject({ outcome: "DENIED", recordType: "User", recordId: outcome.created!.id });
  });

  it("the requester never approves their own request, even if they are an approver", async () => {
    const r = await region();
    const adminSupervisor = await createUser({ roles: ["SYSTEM_ADMINISTRATOR", "INTELLIGENCE_SUPERVISOR"], organisationId: r.police.id });
    const { outcome } = await createAccount(await signedInCookie(adminSupervisor.id), r.police.id, ["POLICE_ANALYST"]);
    const [request] = await pending(outcome.created!.id);
    expect((await listFor(adminSupervisor.id)).requests).toEqual([]);
    expect(statusOf(await decideAs(adminSupervisor.id, request!.id, { decision: "approve" }))).toBe(404);
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
    // Another supervisor can.
    await decideAs(r.supervisor.id, request!.id, { decision: "approve" });
    expect(await rolesOf(outcome.created!.id)).toEqual(["POLICE_ANALYST"]);
  });

  it("nobody approves a role for their own account", async () => {
    const r = await region();
    await editAccount(r.adminCookie, r.supervisor.id, { organisationId: r.police.id, roles: ["INTELLIGENCE_SUPERVISOR", "POLICE_ANALYST"] });
    const [request] = await pending(r.supervisor.id);
    expect(statusOf(await decideAs(r.supervisor.id, request!.id, { decision: "approve" }))).toBe(404);
    expect(await rolesOf(r.supervisor.id)).toEqual(["INTELLIGENCE_SUPERVISOR"]);
  });

  it("people who approve nothing get 404 on the approvals pages, audited", async () => {
    const r = await region();
    const analyst = await createUser({ roles: ["POLICE_ANALYST"], organisationId: r.police.id });
    for (const user of [analyst, r.admin]) {
      const outcome = await run(approvals.loader, makeRequest("/approvals/roles", { cookie: await signedInCookie(user.id) }));
      expect(statusOf(outcome)).toBe(404);
      expect(await prisma.auditEvent.count({ where: { actorUserId: user.id, action: "access.denied", recordType: "RoleGrantRequest" } })).toBe(1);
    }
  });
});

describe("deciding", () => {
  it("a refusal needs a reason, which is recorded; the role is not given", async () => {
    const r = await region();
    const { outcome } = await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    const [request] = await pending(outcome.created!.id);
    const missing = (await decideAs(r.supervisor.id, request!.id, { decision: "refuse", reason: "  " })) as { errors: Record<string, string> };
    expect(missing.errors.reason).toBe("Enter why you are refusing this role");
    const nothing = (await decideAs(r.supervisor.id, request!.id, {})) as { errors: Record<string, string> };
    expect(nothing.errors.decision).toMatch(/Select whether you approve/);

    await decideAs(r.supervisor.id, request!.id, { decision: "refuse", reason: "Not in the analysis team" });
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
    expect(await prisma.roleGrantRequest.findUniqueOrThrow({ where: { id: request!.id } })).toMatchObject({
      status: "REFUSED",
      reason: "Not in the analysis team",
    });
    const refused = await prisma.auditEvent.findFirstOrThrow({ where: { action: "privilege.grant_refused", recordId: outcome.created!.id } });
    expect(refused.details).toMatchObject({ role: "POLICE_ANALYST", reason: "Not in the analysis team" });

    // Decided is decided: a second supervisor's stale page says so.
    const second = await createUser({ roles: ["INTELLIGENCE_SUPERVISOR"], organisationId: r.police.id });
    const late = (await decideAs(second.id, request!.id, { decision: "approve" })) as { errors: Record<string, string> };
    expect(late.errors.form).toBe("This request has already been refused");
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
  });

  it("re-checks the approver inside the transaction: a supervisor who lost the role since signing in cannot approve", async () => {
    const r = await region();
    const { outcome } = await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    const [request] = await pending(outcome.created!.id);
    const actor = await requireUser(makeRequest("/approvals/roles", { cookie: await signedInCookie(r.supervisor.id) }), { ...testContext });
    await prisma.user.update({ where: { id: r.supervisor.id }, data: { roles: ["POLICE_ANALYST"] } });
    const result = await decideRoleGrant(actor, request!.id, { decision: "approve" });
    expect(result).toEqual({ ok: false, errors: { form: "You cannot decide this request" } });
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
    expect((await prisma.roleGrantRequest.findUniqueOrThrow({ where: { id: request!.id } })).status).toBe("PENDING");
  });

  it("re-checks the account inside the transaction: one moved to another organisation is not given the role", async () => {
    const r = await region();
    const otherForce = await createOrganisation({ type: "POLICE_FORCE" });
    const { outcome } = await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    const [request] = await pending(outcome.created!.id);
    // Moved behind the service's back (the admin edit would have cancelled the request).
    await prisma.user.update({ where: { id: outcome.created!.id }, data: { organisationId: otherForce.id } });
    const result = (await decideAs(r.supervisor.id, request!.id, { decision: "approve" })) as { errors: Record<string, string> };
    expect(result.errors.form).toMatch(/moved to another organisation/);
    expect(await rolesOf(outcome.created!.id)).toEqual([]);
  });
});

describe("the trail of privilege changes", () => {
  it("the DPO of the organisation finds requests, approvals and refused self-grants under unusual access; another DPO does not", async () => {
    const r = await region();
    const { outcome } = await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    const [request] = await pending(outcome.created!.id);
    await decideAs(r.supervisor.id, request!.id, { decision: "approve" });
    await editAccount(r.adminCookie, r.admin.id, { organisationId: r.police.id, roles: ["SYSTEM_ADMINISTRATOR", "POLICE_ANALYST"] });

    type Events = { result: { type: "events"; events: { action: string; recordId: string | null }[] } };
    const listAs = async (userId: string) =>
      (await run(unusual.loader, makeRequest("/audit/unusual/privileges", { cookie: await signedInCookie(userId) }), {
        kind: "privileges",
      })) as Events;
    const seen = (await listAs(r.policeDpo.id)).result.events.map((e) => `${e.action} ${e.recordId}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        `admin.user_created ${outcome.created!.id}`,
        `privilege.grant_requested ${outcome.created!.id}`,
        `privilege.grant_approved ${outcome.created!.id}`,
        `access.denied ${r.admin.id}`,
      ]),
    );
    const councilDpo = await createUser({ roles: ["DATA_PROTECTION_OFFICER"], organisationId: r.council.id });
    expect((await listAs(councilDpo.id)).result.events.filter((e) => e.recordId === outcome.created!.id)).toEqual([]);
  });

  it("an approver's home page says how many roles wait for them", async () => {
    const r = await region();
    await createAccount(r.adminCookie, r.police.id, ["POLICE_ANALYST"]);
    await createAccount(r.adminCookie, r.police.id, ["INTELLIGENCE_SUPERVISOR"]);
    const page = (await run(home.loader, makeRequest("/", { cookie: await signedInCookie(r.supervisor.id) }))) as {
      panels: { id: string; title: string; items: { label: string }[] }[];
    };
    const panel = page.panels.find((p) => p.id === "role-requests");
    expect(panel?.title).toBe("2 roles waiting for your approval");
    expect(panel?.items.map((i) => i.label)).toEqual(["Police analyst for Sock Puppet", "Intelligence supervisor for Sock Puppet"]);
    const managerPage = (await run(home.loader, makeRequest("/", { cookie: await signedInCookie(r.manager.id) }))) as typeof page;
    expect(managerPage.panels.find((p) => p.id === "role-requests")).toBeUndefined();
  });
});

describe("a new organisation's first approver", () => {
  it("is given by the operator only while nobody there could approve it, and audited", async () => {
    const r = await region();
    const housing = await createOrganisation({ type: "HOUSING_PROVIDER" });
    const first = await createAccount(r.adminCookie, housing.id, ["PARTNER_MANAGER"]);
    const second = await createAccount(r.adminCookie, housing.id, ["PARTNER_MANAGER"]);
    const context = { ...SYSTEM_AUDIT_CONTEXT, userAgent: "npm run admin:first-approver" };

    expect(await grantFirstApproverRole(first.email, "POLICE_ANALYST", context)).toMatchObject({ ok: false, message: /is a police role/ });
    expect(await grantFirstApproverRole(first.email, "PARTNER_MANAGER", context)).toMatchObject({ ok: true });
    expect(await rolesOf(first.outcome.created!.id)).toEqual(["PARTNER_MANAGER"]);
    expect(await pending(first.outcome.created!.id)).toEqual([]);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "privilege.grant_approved", recordId: first.outcome.created!.id } });
    expect(event).toMatchObject({ actorUserId: null, userAgent: "npm run admin:first-approver", recordOrganisationId: housing.id });

    // From now on there is someone to approve: four eyes apply.
    const refused = await grantFirstApproverRole(second.email, "PARTNER_MANAGER", context);
    expect(refused).toMatchObject({ ok: false, message: /has people who can approve this role/ });
    expect(await rolesOf(second.outcome.created!.id)).toEqual([]);
    const [request] = await pending(second.outcome.created!.id);
    await decideAs(first.outcome.created!.id, request!.id, { decision: "approve" });
    expect(await rolesOf(second.outcome.created!.id)).toEqual(["PARTNER_MANAGER"]);
  });
});

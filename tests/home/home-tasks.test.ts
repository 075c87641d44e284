import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "~/modules/audit/audit.server";
import { requestAuditContext } from "~/modules/auth/auth.server";
import type { HomeTaskCount } from "~/modules/home/home-tasks.server";
import * as home from "~/routes/_index";
import { prisma } from "~/utils/db.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, testContext } from "../helpers/remix";
import { createAgreement, createSubmission, createWorld, type World } from "../intelligence/fixtures";

/**
 * The home page leads with each person's tasks and real counts (issue 10): create the work, and the
 * number on the page changes; every task links to the page that lists it.
 */

type HomePage = {
  tasks: HomeTaskCount[];
  warnings: { total: number; agreements: { id: string; suspended: boolean }[] } | null;
  sections: { title: string; links: { href: string }[] }[];
};

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

async function homeOf(userId: string): Promise<HomePage> {
  return (await run(home.loader, makeRequest("/", { cookie: await signedInCookie(userId) }))) as HomePage;
}

async function task(userId: string, id: HomeTaskCount["id"]): Promise<HomeTaskCount> {
  const found = (await homeOf(userId)).tasks.find((t) => t.id === id);
  if (!found) throw new Error(`no task ${id}`);
  return found;
}

const submitted = (extra: Partial<Parameters<typeof createSubmission>[0]> = {}) =>
  createSubmission({ submitterId: world.submitter.id, organisationId: world.council.id, agreementId: world.agreement.id, areaId: world.area.id, ...extra });

describe("the tasks each role is given", () => {
  it("offers each role its own tasks and no one else's", async () => {
    const ids = async (userId: string) => (await homeOf(userId)).tasks.map((t) => t.id);
    expect(await ids(world.supervisor.id)).toEqual(["sanitisedToApprove", "roleGrantsToApprove", "unassessed", "myQueue", "agreementsToReview"]);
    expect(await ids(world.analyst.id)).toEqual(["unassessed", "myQueue"]);
    expect(await ids(world.submitter.id)).toEqual(["feedbackReceived", "myDrafts", "actionsAssigned", "disseminationsToAcknowledge"]);
    expect(await ids(world.manager.id)).toEqual(["roleGrantsToApprove", "agreementsToReview", "feedbackReceived", "myDrafts", "actionsAssigned", "disseminationsToAcknowledge"]);
    expect(await ids(world.councilDpo.id)).toEqual(["roleGrantsToApprove", "agreementsToReview", "unusualAccess", "retentionDue"]);
    expect(await ids(world.admin.id)).toEqual(["roleGrantsPending"]);
  });

  it("links every task to the page that lists what it counts", async () => {
    const hrefs = Object.fromEntries((await homeOf(world.supervisor.id)).tasks.map((t) => [t.id, t.href]));
    expect(hrefs).toMatchObject({
      sanitisedToApprove: "/triage/approvals",
      roleGrantsToApprove: "/approvals/roles",
      unassessed: "/triage?status=RECEIVED",
      myQueue: "/triage?queue=mine",
      agreementsToReview: "/agreements?reviewDue=yes",
    });
    expect((await task(world.submitter.id, "actionsAssigned")).href).toBe("/actions");
    expect((await task(world.submitter.id, "disseminationsToAcknowledge")).href).toBe("/inbox");
  });
});

describe("supervisor", () => {
  it("counts sanitised versions awaiting their approval, never their own", async () => {
    const before = (await task(world.supervisor.id, "sanitisedToApprove")).count;
    const submission = await submitted();
    await prisma.sanitisedReport.create({ data: { submissionId: submission.id, authorId: world.analyst.id, text: "Sanitised", status: "AWAITING_APPROVAL" } });
    expect((await task(world.supervisor.id, "sanitisedToApprove")).count).toBe(before + 1);
    await prisma.sanitisedReport.create({ data: { submissionId: submission.id, authorId: world.supervisor.id, text: "Mine", status: "AWAITING_APPROVAL" } });
    expect((await task(world.supervisor.id, "sanitisedToApprove")).count).toBe(before + 1);
    // The author's colleague sees the supervisor's own version.
    expect((await task(world.secondSupervisor.id, "sanitisedToApprove")).count).toBe(before + 2);
  });

  it("counts role requests awaiting their approval", async () => {
    const before = (await task(world.supervisor.id, "roleGrantsToApprove")).count;
    const newcomer = await createUser({ roles: [], organisationId: world.force.id });
    await prisma.roleGrantRequest.create({
      data: { userId: newcomer.id, organisationId: world.force.id, role: "POLICE_ANALYST", requestedById: world.admin.id },
    });
    expect((await task(world.supervisor.id, "roleGrantsToApprove")).count).toBe(before + 1);
  });
});

describe("analyst", () => {
  it("counts intelligence not yet assessed for their force only", async () => {
    const before = (await task(world.analyst.id, "unassessed")).count;
    const received = await submitted();
    await submitted({ status: "BEING_ASSESSED" });
    await createSubmission({ submitterId: world.otherSubmitter.id, organisationId: world.otherCouncil.id, agreementId: world.otherAgreement.id });
    expect((await task(world.analyst.id, "unassessed")).count).toBe(before + 1);
    await prisma.submission.update({ where: { id: received.id }, data: { status: "BEING_ASSESSED" } });
    expect((await task(world.analyst.id, "unassessed")).count).toBe(before);
  });

  it("counts the open work in their queue", async () => {
    const analyst = await createUser({ roles: ["POLICE_ANALYST"], organisationId: world.force.id });
    expect((await task(analyst.id, "myQueue")).count).toBe(0);
    await submitted({ extra: { assignedAnalystId: analyst.id, assignedAt: new Date() } });
    await submitted({ status: "CLOSED", extra: { assignedAnalystId: analyst.id, assignedAt: new Date() } });
    expect((await task(analyst.id, "myQueue")).count).toBe(1);
  });
});

describe("signatory", () => {
  it("counts agreements waiting for their organisation's signature and agreements due for review", async () => {
    const signatory = await createUser({ roles: ["PARTNER_MANAGER"], organisationId: world.council.id, signatory: true });
    const toSign = async () => (await task(signatory.id, "agreementsToSign")).count;
    const toReview = async () => (await task(signatory.id, "agreementsToReview")).count;
    const [signBefore, reviewBefore] = [await toSign(), await toReview()];

    const awaiting = await createAgreement({ organisationIds: [world.force.id, world.council.id], status: "AWAITING_SIGNATURES" });
    await prisma.agreementVersion.create({ data: { agreementId: awaiting.id, versionNumber: 1, terms: {} } });
    expect(await toSign()).toBe(signBefore + 1);
    expect((await homeOf(signatory.id)).tasks.find((t) => t.id === "agreementsToSign")?.href).toBe("/agreements?status=AWAITING_SIGNATURES");

    const due = await createAgreement({ organisationIds: [world.force.id, world.council.id] });
    await prisma.agreement.update({ where: { id: due.id }, data: { reviewDate: new Date(Date.now() + 5 * 86_400_000) } });
    expect(await toReview()).toBe(reviewBefore + 1);
    // Someone who does not sign is not asked to.
    expect((await homeOf(world.manager.id)).tasks.map((t) => t.id)).not.toContain("agreementsToSign");
  });
});

describe("partner", () => {
  it("counts their drafts and the feedback their organisation received", async () => {
    const submitter = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: world.council.id });
    expect((await task(submitter.id, "myDrafts")).count).toBe(0);
    await createSubmission({ submitterId: submitter.id, organisationId: world.council.id, agreementId: null, status: "DRAFT" });
    expect((await task(submitter.id, "myDrafts")).count).toBe(1);

    const feedbackBefore = (await task(submitter.id, "feedbackReceived")).count;
    const submission = await submitted();
    await prisma.feedback.create({ data: { submissionId: submission.id, authorId: world.analyst.id, message: "Thank you" } });
    expect((await task(submitter.id, "feedbackReceived")).count).toBe(feedbackBefore + 1);
    // Feedback to another council is not theirs.
    expect((await task(world.otherSubmitter.id, "feedbackReceived")).count).toBe(0);
  });

  it("warns, first thing, that an agreement their organisation shares under is suspended or ending", async () => {
    const council = await prisma.organisation.create({ data: { name: "Warned council", type: "LOCAL_AUTHORITY" } });
    const submitter = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    expect((await homeOf(submitter.id)).warnings).toBeNull();
    const suspended = await createAgreement({ organisationIds: [world.force.id, council.id], status: "SUSPENDED" });
    const page = await homeOf(submitter.id);
    expect(page.warnings?.total).toBe(1);
    expect(page.warnings?.agreements[0]).toMatchObject({ id: suspended.id, suspended: true });
    await createAgreement({ organisationIds: [world.force.id, council.id], endOffsetDays: 10 });
    await createAgreement({ organisationIds: [world.force.id, council.id], endOffsetDays: 200 });
    expect((await homeOf(submitter.id)).warnings?.total).toBe(2);
    // Police are not given the partner's warning.
    expect((await homeOf(world.analyst.id)).warnings).toBeNull();
  });
});

describe("data protection officer", () => {
  it("counts retention decisions due on records they oversee", async () => {
    const before = (await task(world.councilDpo.id, "retentionDue")).count;
    await submitted({ extra: { reviewDueAt: new Date(Date.now() - 86_400_000) } });
    await submitted({ extra: { reviewDueAt: new Date(Date.now() + 30 * 86_400_000) } });
    expect((await task(world.councilDpo.id, "retentionDue")).count).toBe(before + 1);
  });

  it("counts people with repeated denied attempts in their scope", async () => {
    const before = (await task(world.councilDpo.id, "unusualAccess")).count;
    const prober = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: world.council.id });
    const context = requestAuditContext(new Request("http://localhost/x"), testContext, prober);
    for (let i = 0; i < 3; i++) await audit(context, { action: "access.denied", outcome: "DENIED", details: { attempt: i } });
    expect((await task(world.councilDpo.id, "unusualAccess")).count).toBe(before + 1);
    expect((await task(world.councilDpo.id, "unusualAccess")).href).toBe("/audit/unusual/denied");
  });
});

describe("administrator", () => {
  it("counts roles asked for that still wait for a second person", async () => {
    const before = (await task(world.admin.id, "roleGrantsPending")).count;
    const newcomer = await createUser({ roles: [], organisationId: world.council.id });
    const request = await prisma.roleGrantRequest.create({
      data: { userId: newcomer.id, organisationId: world.council.id, role: "PARTNER_SUBMITTER", requestedById: world.admin.id },
    });
    expect((await task(world.admin.id, "roleGrantsPending")).count).toBe(before + 1);
    await prisma.roleGrantRequest.update({ where: { id: request.id }, data: { status: "APPROVED", decidedById: world.manager.id, decidedAt: new Date() } });
    expect((await task(world.admin.id, "roleGrantsPending")).count).toBe(before);
  });
});

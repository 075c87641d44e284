import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import type { DataCategory } from "~/generated/prisma/enums";
import {
  answerInformationRequest,
  createDissemination,
  decideDissemination,
  DisseminationRefused,
  disseminationForSender,
  recipientChoices,
} from "~/modules/dissemination/disseminations.server";
import type { CreateDisseminationForm } from "~/modules/dissemination/forms.server";
import { inboxItem, listInbox, requestMoreInformation } from "~/modules/dissemination/inbox.server";
import { prisma } from "~/utils/db.server";
import * as approvalsRoute from "~/routes/disseminations.approvals";
import * as inboxIndexRoute from "~/routes/inbox._index";
import * as inboxRoute from "~/routes/inbox.$id";
import * as newRoute from "~/routes/disseminations.new";
import * as senderRoute from "~/routes/disseminations.$id";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { authFor, createAgreement, createWorld, type World } from "../intelligence/fixtures";

/**
 * Dissemination to partners: only to organisations whose agreement in force with the force permits
 * what is sent, four eyes before anything is sent, read receipts, "ask for more", and withdrawal
 * when the agreement stops being in force.
 */
let world: World;
let lowCeilingCouncil: { id: string };
let narrowCouncil: { id: string };
let noAgreementCouncil: { id: string };
let threat: { id: string };
let analystSupervisor: { id: string };

const FIRST_PAGE = { direction: "after", cursor: null } as const;
const SENSITIVE_TERMS = { classification: "OFFICIAL_SENSITIVE", dataCategories: ["INTELLIGENCE_NARRATIVE", "PERSON_IDENTIFIERS"] as DataCategory[] } as const;

function briefing(recipientIds: string[], overrides: Partial<CreateDisseminationForm> = {}): CreateDisseminationForm {
  return {
    formToken: randomUUID(),
    ...SENSITIVE_TERMS,
    dataCategories: [...SENSITIVE_TERMS.dataCategories],
    title: "County line into Telford: briefing for partners",
    body: "A county line is supplying crack cocaine and heroin in Brookside; young people are being exploited.",
    handlingCode: "C",
    handlingConditions: "Do not disclose to the tenants named; consult the force before any action.",
    recipientIds,
    ...overrides,
  };
}

async function sentBriefing(recipientIds = [world.council.id]) {
  const { id } = await createDissemination(await authFor(world.analyst.id), { kind: "THREAT_BRIEFING", id: threat.id }, briefing(recipientIds));
  await decideDissemination(await authFor(world.supervisor.id), { formToken: randomUUID(), disseminationId: id, decision: "approve", reason: null });
  return id;
}

beforeAll(async () => {
  world = await createWorld();
  lowCeilingCouncil = await createOrganisation({ name: "Low ceiling council" });
  await createAgreement({ organisationIds: [world.force.id, lowCeilingCouncil.id], ceiling: "OFFICIAL" });
  narrowCouncil = await createOrganisation({ name: "Narrow categories council" });
  await createAgreement({ organisationIds: [world.force.id, narrowCouncil.id], dataCategories: ["INTELLIGENCE_NARRATIVE"] });
  noAgreementCouncil = await createOrganisation({ name: "No agreement council" });
  threat = await prisma.threat.create({
    data: { reference: `THR-D-${randomUUID().slice(0, 8)}`, title: "Telford county line", threatType: "COUNTY_LINES", organisationId: world.force.id, classification: "OFFICIAL_SENSITIVE", summary: "Police summary" },
  });
  analystSupervisor = await createUser({ roles: ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR"], organisationId: world.force.id });
});

describe("eligible recipients", () => {
  it("offers only parties of agreements in force with the force whose ceiling and data categories cover the dissemination", async () => {
    const auth = await authFor(world.analyst.id);
    const sensitive = await recipientChoices(auth, { ...SENSITIVE_TERMS, dataCategories: [...SENSITIVE_TERMS.dataCategories] });
    expect(sensitive.map((r) => r.organisationId)).toEqual([world.council.id]);
    expect(sensitive[0]!.agreement.id).toBe(world.agreement.id);
    const official = await recipientChoices(auth, { classification: "OFFICIAL", dataCategories: ["INTELLIGENCE_NARRATIVE"] });
    expect(new Set(official.map((r) => r.organisationId))).toEqual(new Set([world.council.id, lowCeilingCouncil.id, narrowCouncil.id]));
  });

  it.each([
    ["an organisation with no agreement", () => noAgreementCouncil.id],
    ["an agreement whose ceiling is below the classification", () => lowCeilingCouncil.id],
    ["an agreement missing a data category", () => narrowCouncil.id],
    ["a party of another force's agreement", () => world.otherCouncil.id],
  ])("refuses %s server-side even when posted, writing nothing but the denial", async (_, recipient) => {
    const auth = await authFor(world.analyst.id);
    const before = await prisma.dissemination.count();
    await expect(createDissemination(auth, { kind: "THREAT_BRIEFING", id: threat.id }, briefing([world.council.id, recipient()]))).rejects.toBeInstanceOf(
      DisseminationRefused,
    );
    expect(await prisma.dissemination.count()).toBe(before);
    const denial = await prisma.auditEvent.findFirst({ where: { action: "access.denied", recordId: recipient() }, orderBy: { id: "desc" } });
    expect(denial?.outcome).toBe("DENIED");
  });

  it("the form refuses a posted ineligible organisation and a double click sends once", async () => {
    const cookie = await signedInCookie(world.analyst.id);
    const path = `/disseminations/new?threat=${threat.id}&classification=OFFICIAL_SENSITIVE&categories=INTELLIGENCE_NARRATIVE,PERSON_IDENTIFIERS`;
    const page = (await run(newRoute.loader, makeRequest(path, { cookie }))) as Awaited<ReturnType<typeof newRoute.loader>>;
    expect(page.recipients.map((r) => r.organisationId)).toEqual([world.council.id]);
    const form = {
      intent: "create",
      formToken: page.formToken,
      classification: "OFFICIAL_SENSITIVE",
      dataCategories: ["INTELLIGENCE_NARRATIVE", "PERSON_IDENTIFIERS"],
      title: "Briefing",
      body: "For partners",
      handlingCode: "P",
      handlingConditions: "",
    };
    const before = await prisma.dissemination.count();
    const refused = await run(newRoute.action, makeRequest(path, { cookie, form: { ...form, recipientIds: [noAgreementCouncil.id] } }));
    expect(statusOf(refused)).toBe(200);
    expect((refused as { errors: Record<string, string> }).errors.recipientIds).toMatch(/not covered by an agreement/);
    expect(await prisma.dissemination.count()).toBe(before);

    const first = (await run(newRoute.action, makeRequest(path, { cookie, form: { ...form, recipientIds: [world.council.id] } }))) as Response;
    const second = (await run(newRoute.action, makeRequest(path, { cookie, form: { ...form, recipientIds: [world.council.id] } }))) as Response;
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await prisma.dissemination.count()).toBe(before + 1);
  });

  it("cannot be classified below its source", async () => {
    const auth = await authFor(world.analyst.id);
    await expect(
      createDissemination(auth, { kind: "THREAT_BRIEFING", id: threat.id }, briefing([world.council.id], { classification: "OFFICIAL", dataCategories: ["INTELLIGENCE_NARRATIVE"] })),
    ).rejects.toThrow(/cannot be classified lower/);
  });
});

describe("four eyes", () => {
  it("nothing is sent until a supervisor who is not the author approves", async () => {
    const { id } = await createDissemination(await authFor(analystSupervisor.id), { kind: "THREAT_BRIEFING", id: threat.id }, briefing([world.council.id]));
    const manager = await authFor(world.manager.id);
    expect((await listInbox(manager, "to-acknowledge", FIRST_PAGE)).items.map((d) => d.id)).not.toContain(id);
    await expect(inboxItem(manager, id)).rejects.toMatchObject({ status: 404 });

    // The author, although a supervisor, cannot approve their own.
    await expect(
      decideDissemination(await authFor(analystSupervisor.id), { formToken: randomUUID(), disseminationId: id, decision: "approve", reason: null }),
    ).rejects.toThrow(/another supervisor must decide/);
    // An analyst never approves (403).
    await expect(
      decideDissemination(await authFor(world.analyst.id), { formToken: randomUUID(), disseminationId: id, decision: "approve", reason: null }),
    ).rejects.toMatchObject({ status: 403 });

    await decideDissemination(await authFor(world.supervisor.id), { formToken: randomUUID(), disseminationId: id, decision: "approve", reason: null });
    const sent = await prisma.dissemination.findUniqueOrThrow({ where: { id } });
    expect(sent.status).toBe("APPROVED");
    expect(sent.approverId).toBe(world.supervisor.id);
    expect((await listInbox(await authFor(world.manager.id), "to-acknowledge", FIRST_PAGE)).items.map((d) => d.id)).toContain(id);
    const disclosure = await prisma.auditEvent.findFirstOrThrow({ where: { action: "dissemination.sent", recordId: id } });
    expect(disclosure.details).toMatchObject({ disclosure: true, recipients: [{ organisationId: world.council.id, agreementId: world.agreement.id }] });
  });

  it("a rejection needs a reason and sends nothing", async () => {
    const { id } = await createDissemination(await authFor(world.analyst.id), { kind: "THREAT_BRIEFING", id: threat.id }, briefing([world.council.id]));
    const cookie = await signedInCookie(world.supervisor.id);
    const page = (await run(approvalsRoute.loader, makeRequest(`/disseminations/approvals?dissemination=${id}`, { cookie }))) as Awaited<
      ReturnType<typeof approvalsRoute.loader>
    >;
    expect(page.selected?.id).toBe(id);
    const form = { formToken: page.formToken, disseminationId: id, decision: "reject", reason: "" };
    const noReason = await run(approvalsRoute.action, makeRequest("/disseminations/approvals", { cookie, form }));
    expect((noReason as { errors: Record<string, string> }).errors.reason).toBeDefined();
    const done = (await run(approvalsRoute.action, makeRequest("/disseminations/approvals", { cookie, form: { ...form, reason: "Names a source" } }))) as Response;
    expect(done.headers.get("Location")).toBe("/disseminations/approvals?done=rejected");
    expect((await prisma.dissemination.findUniqueOrThrow({ where: { id } })).status).toBe("REJECTED");
    await expect(inboxItem(await authFor(world.manager.id), id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("recipients", () => {
  it("every view is audited as a disclosure naming the recipient and the agreement", async () => {
    const id = await sentBriefing();
    const cookie = await signedInCookie(world.submitter.id);
    const page = await run(inboxRoute.loader, makeRequest(`/inbox/${id}`, { cookie }), { id });
    expect(statusOf(page)).toBe(200);
    const view = await prisma.auditEvent.findFirstOrThrow({ where: { action: "dissemination.viewed", recordId: id, actorUserId: world.submitter.id } });
    expect(view.justification).toBe("DISSEMINATION");
    expect(view.agreementId).toBe(world.agreement.id);
    expect(view.recordOrganisationId).toBe(world.force.id);
    expect(view.details).toMatchObject({ disclosure: true, recipients: [{ organisationId: world.council.id, agreementId: world.agreement.id }] });
  });

  it("an acknowledgement is a read receipt the sender sees, once however often it is sent", async () => {
    const id = await sentBriefing();
    const cookie = await signedInCookie(world.manager.id);
    const page = (await run(inboxRoute.loader, makeRequest(`/inbox/${id}`, { cookie }), { id })) as Awaited<ReturnType<typeof inboxRoute.loader>>;
    expect(page.dissemination.canAcknowledge).toBe(true);
    expect(page.dissemination.handlingConditions).toMatch(/Do not disclose/);
    const form = { intent: "acknowledge", formToken: page.acknowledgeToken };
    for (let i = 0; i < 2; i++) {
      const done = (await run(inboxRoute.action, makeRequest(`/inbox/${id}`, { cookie, form }), { id })) as Response;
      expect(done.headers.get("Location")).toBe(`/inbox/${id}?done=acknowledged`);
    }
    expect(await prisma.auditEvent.count({ where: { action: "dissemination.acknowledged", recordId: id } })).toBe(1);
    const sender = await disseminationForSender(await authFor(world.analyst.id), id);
    expect(sender.recipients[0]).toMatchObject({ organisation: world.council.name, acknowledgedBy: world.manager.name });
    expect(sender.recipients[0]!.acknowledgedAt).toBeInstanceOf(Date);
    // Acknowledged ones leave the "to acknowledge" view for the acknowledged one.
    const manager = await authFor(world.manager.id);
    expect((await listInbox(manager, "to-acknowledge", FIRST_PAGE)).items.map((d) => d.id)).not.toContain(id);
    expect((await listInbox(manager, "acknowledged", FIRST_PAGE)).items.map((d) => d.id)).toContain(id);
  });

  it("ask for more: the police owner answers or declines with a reason, audited, and the requester sees it", async () => {
    const id = await sentBriefing();
    const submitter = await authFor(world.submitter.id);
    await requestMoreInformation(submitter, id, { formToken: randomUUID(), question: "Which streets in Brookside?" });
    await requestMoreInformation(submitter, id, { formToken: randomUUID(), question: "Who is the source?" });
    const requests = await prisma.informationRequest.findMany({ where: { disseminationId: id } });
    expect(requests.map((r) => r.status)).toEqual(["OPEN", "OPEN"]);
    const streets = requests.find((r) => r.question.startsWith("Which streets"))!;
    const source = requests.find((r) => r.question.startsWith("Who is the source"))!;

    const cookie = await signedInCookie(world.analyst.id);
    const page = (await run(senderRoute.loader, makeRequest(`/disseminations/${id}?request=${streets.id}`, { cookie }), { id })) as Awaited<
      ReturnType<typeof senderRoute.loader>
    >;
    expect(page.answering?.id).toBe(streets.id);
    const answered = (await run(
      senderRoute.action,
      makeRequest(`/disseminations/${id}`, {
        cookie,
        form: { intent: "answer", formToken: page.formToken, requestId: streets.id, outcome: "answer", response: "Around the bus station" },
      }),
      { id },
    )) as Response;
    expect(answered.headers.get("Location")).toBe(`/disseminations/${id}?done=answered`);
    await answerInformationRequest(await authFor(world.supervisor.id), id, {
      formToken: randomUUID(),
      requestId: source.id,
      outcome: "decline",
      response: "We do not disclose sources",
    });

    const seen = await inboxItem(await authFor(world.submitter.id), id);
    expect(seen.requests.map((r) => [r.question, r.status, r.response])).toEqual(
      expect.arrayContaining([
        ["Which streets in Brookside?", "ANSWERED", "Around the bus station"],
        ["Who is the source?", "DECLINED", "We do not disclose sources"],
      ]),
    );
    expect(await prisma.auditEvent.count({ where: { action: "dissemination.information_requested", recordId: id } })).toBe(2);
    const answerEvent = await prisma.auditEvent.findFirstOrThrow({ where: { action: "dissemination.request_answered", recordId: id } });
    expect(answerEvent.details).toMatchObject({ requestId: streets.id, recipientOrganisationId: world.council.id, disclosure: true });
    expect(await prisma.auditEvent.count({ where: { action: "dissemination.request_declined", recordId: id } })).toBe(1);
    // Another organisation cannot ask about it.
    await expect(
      requestMoreInformation(await authFor(world.otherSubmitter.id), id, { formToken: randomUUID(), question: "Us too?" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("the council's DPO and an unrelated council's users have no inbox copy", async () => {
    const id = await sentBriefing();
    await expect(inboxItem(await authFor(world.councilDpo.id), id)).rejects.toMatchObject({ status: 403 });
    await expect(inboxItem(await authFor(world.otherSubmitter.id), id)).rejects.toMatchObject({ status: 404 });
    await expect(disseminationForSender(await authFor(world.otherAnalyst.id), id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("withdrawal with the agreement", () => {
  it.each(["REVOKED", "SUSPENDED"] as const)("an agreement %s withdraws the dissemination on the next request without deleting it", async (status) => {
    const council = await createOrganisation({ name: `Withdrawn council ${status}` });
    const agreement = await createAgreement({ organisationIds: [world.force.id, council.id] });
    const manager = await createUser({ roles: ["PARTNER_MANAGER"], organisationId: council.id });
    const id = await sentBriefing([council.id]);
    const cookie = await signedInCookie(manager.id);
    expect(statusOf(await run(inboxRoute.loader, makeRequest(`/inbox/${id}`, { cookie }), { id }))).toBe(200);

    await prisma.agreement.update({ where: { id: agreement.id }, data: { status } });

    expect(statusOf(await run(inboxRoute.loader, makeRequest(`/inbox/${id}`, { cookie }), { id }))).toBe(404);
    const inbox = (await run(inboxIndexRoute.loader as (args: LoaderFunctionArgs) => unknown, makeRequest("/inbox", { cookie }))) as Awaited<
      ReturnType<typeof inboxIndexRoute.loader>
    >;
    expect(inbox.items.map((d) => d.id)).not.toContain(id);
    expect(statusOf(await run(inboxRoute.action, makeRequest(`/inbox/${id}`, { cookie, form: { intent: "acknowledge", formToken: randomUUID() } }), { id }))).toBe(404);
    // The record stays, and the sender sees the recipient's copy as withdrawn.
    expect(await prisma.disseminationRecipient.count({ where: { disseminationId: id, organisationId: council.id } })).toBe(1);
    const sender = await disseminationForSender(await authFor(world.analyst.id), id);
    expect(sender.recipients[0]!.inForce).toBe(false);
  });

  it("an agreement that lapses before approval stops the approval", async () => {
    const council = await createOrganisation({ name: "Lapsing council" });
    const agreement = await createAgreement({ organisationIds: [world.force.id, council.id] });
    const { id } = await createDissemination(await authFor(world.analyst.id), { kind: "THREAT_BRIEFING", id: threat.id }, briefing([council.id]));
    await prisma.agreement.update({ where: { id: agreement.id }, data: { status: "REVOKED" } });
    await expect(
      decideDissemination(await authFor(world.supervisor.id), { formToken: randomUUID(), disseminationId: id, decision: "approve", reason: null }),
    ).rejects.toThrow(/no longer permits/);
    expect((await prisma.dissemination.findUniqueOrThrow({ where: { id } })).status).toBe("AWAITING_APPROVAL");
  });
});

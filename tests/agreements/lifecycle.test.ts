import { beforeAll, describe, expect, it } from "vitest";
import {
  AgreementNotFound,
  AgreementStepRefused,
  amendAgreement,
  createDraft,
  expireLapsedAgreements,
  recordReview,
  reinstateAgreement,
  revokeAgreement,
  signVersion,
  submitForSignature,
  suspendAgreement,
  updateDraft,
} from "~/modules/agreements/lifecycle.server";
import type { PartyInput } from "~/modules/agreements/forms";
import { displayStatus } from "~/modules/agreements/status";
import { agreementInForceWhere } from "~/modules/agreements/in-force";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser } from "../helpers/factories";
import { actorFor, agreementTerms, isoDay } from "../helpers/agreements";

let police: Awaited<ReturnType<typeof createOrganisation>>;
let council: Awaited<ReturnType<typeof createOrganisation>>;
let partnership: Awaited<ReturnType<typeof createOrganisation>>;
let outsiderOrg: Awaited<ReturnType<typeof createOrganisation>>;
let manager: Awaited<ReturnType<typeof createUser>>; // council partner manager, signatory
let supervisor: Awaited<ReturnType<typeof createUser>>; // police intelligence supervisor, signatory
let policeDpo: Awaited<ReturnType<typeof createUser>>;
let councilSubmitter: Awaited<ReturnType<typeof createUser>>;
let analyst: Awaited<ReturnType<typeof createUser>>;
let councilDpoNotSignatory: Awaited<ReturnType<typeof createUser>>;
let partnershipSignatory: Awaited<ReturnType<typeof createUser>>;
let outsiderSignatory: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  police = await createOrganisation({ name: "Test Police", type: "POLICE_FORCE" });
  council = await createOrganisation({ name: "Test Council", type: "LOCAL_AUTHORITY" });
  partnership = await createOrganisation({ name: "Test Partnership", type: "COMMUNITY_SAFETY_PARTNERSHIP" });
  outsiderOrg = await createOrganisation({ name: "Outsider Council", type: "LOCAL_AUTHORITY" });
  manager = await createUser({ organisationId: council.id, roles: ["PARTNER_MANAGER"], signatory: true });
  supervisor = await createUser({ organisationId: police.id, roles: ["INTELLIGENCE_SUPERVISOR"], signatory: true });
  policeDpo = await createUser({ organisationId: police.id, roles: ["DATA_PROTECTION_OFFICER"] });
  councilSubmitter = await createUser({ organisationId: council.id, roles: ["PARTNER_SUBMITTER"] });
  analyst = await createUser({ organisationId: police.id, roles: ["POLICE_ANALYST"] });
  councilDpoNotSignatory = await createUser({ organisationId: council.id, roles: ["DATA_PROTECTION_OFFICER"] });
  partnershipSignatory = await createUser({ organisationId: partnership.id, roles: ["PARTNER_MANAGER"], signatory: true });
  outsiderSignatory = await createUser({ organisationId: outsiderOrg.id, roles: ["PARTNER_MANAGER", "DATA_PROTECTION_OFFICER"], signatory: true });
});

function parties(): PartyInput[] {
  return [
    { organisationId: council.id, role: "JOINT_CONTROLLER", leadName: "Mark", leadEmail: "mark@council.test" },
    { organisationId: police.id, role: "CONTROLLER", leadName: "Sam", leadEmail: "sam@police.test" },
    { organisationId: partnership.id, role: "RECIPIENT", leadName: "Pat", leadEmail: "pat@csp.test" },
  ];
}

async function draft(terms = agreementTerms()) {
  return createDraft(actorFor(manager), { terms, parties: parties() });
}

async function activeAgreement(terms = agreementTerms()) {
  const { id } = await draft(terms);
  await submitForSignature(actorFor(manager), id);
  await signVersion(actorFor(manager), id, 1);
  await signVersion(actorFor(supervisor), id, 1);
  return id;
}

async function refusal(promise: Promise<unknown>): Promise<AgreementStepRefused> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgreementStepRefused);
  return error as AgreementStepRefused;
}

async function historyOf(id: string) {
  return prisma.agreementStatusChange.findMany({ where: { agreementId: id }, orderBy: { at: "asc" } });
}

async function auditActions(id: string) {
  const events = await prisma.auditEvent.findMany({ where: { agreementId: id }, orderBy: { id: "asc" } });
  return events.map((e) => e.action);
}

describe("drafting", () => {
  it("creates a draft with a reference, version 1, parties, history and an audit event", async () => {
    const { id, reference } = await draft();
    expect(reference).toMatch(/^ISA-\d{4}-\d{4}$/);
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id }, include: { parties: true, versions: true } });
    expect(agreement.status).toBe("DRAFT");
    expect(agreement.parties).toHaveLength(3);
    expect(agreement.versions.map((v) => v.versionNumber)).toEqual([1]);
    expect(agreement.createdById).toBe(manager.id);
    expect((await historyOf(id)).map((h) => [h.fromStatus, h.toStatus, h.actorId])).toEqual([[null, "DRAFT", manager.id]]);
    expect(await auditActions(id)).toEqual(["agreement.created"]);
  });

  it("numbers references in sequence", async () => {
    const first = await draft();
    const second = await draft();
    expect(Number(second.reference.slice(-4))).toBe(Number(first.reference.slice(-4)) + 1);
  });

  it("refuses a draft that leaves out the drafter's own organisation", async () => {
    const error = await refusal(
      createDraft(actorFor(manager), {
        terms: agreementTerms(),
        parties: [
          { organisationId: police.id, role: "CONTROLLER", leadName: "Sam", leadEmail: "sam@police.test" },
          { organisationId: outsiderOrg.id, role: "CONTROLLER", leadName: "O", leadEmail: "o@x.test" },
        ],
      }),
    );
    expect(error.message).toMatch(/Test Council must be one of the parties/);
    expect(error.field).toBe("parties");
  });

  it("refuses a draft from a role that cannot draft (403)", async () => {
    const error = await refusal(createDraft(actorFor(councilSubmitter), { terms: agreementTerms(), parties: parties() }));
    expect(error.status).toBe(403);
    const error2 = await refusal(createDraft(actorFor(analyst), { terms: agreementTerms(), parties: parties() }));
    expect(error2.status).toBe(403);
  });

  it("edits a draft: terms, parties and the copied columns change, with the changed fields audited", async () => {
    const { id } = await draft();
    await updateDraft(actorFor(supervisor), id, {
      terms: agreementTerms({ classificationCeiling: "OFFICIAL", title: "Renamed" }),
      parties: parties().slice(0, 2),
    });
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id }, include: { parties: true, versions: true } });
    expect(agreement.title).toBe("Renamed");
    expect(agreement.classificationCeiling).toBe("OFFICIAL");
    expect(agreement.parties).toHaveLength(2);
    expect(agreement.versions).toHaveLength(1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { agreementId: id, action: "agreement.updated" } });
    expect(event.details).toMatchObject({
      changedFields: ["title", "classificationCeiling"],
      changes: { classificationCeiling: { from: "OFFICIAL_SENSITIVE", to: "OFFICIAL" } },
    });
  });

  it("refuses edits by a non-party (404) and once the draft has been sent", async () => {
    const { id } = await draft();
    await expect(updateDraft(actorFor(outsiderSignatory), id, { terms: agreementTerms(), parties: parties() })).rejects.toBeInstanceOf(AgreementNotFound);
    await submitForSignature(actorFor(manager), id);
    const error = await refusal(updateDraft(actorFor(manager), id, { terms: agreementTerms(), parties: parties() }));
    expect(error.message).toMatch(/Only a draft can be edited/);
  });

  it("sends a draft for signature once, and refuses an end date in the past", async () => {
    const { id } = await draft();
    await submitForSignature(actorFor(manager), id);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("AWAITING_SIGNATURES");
    expect((await refusal(submitForSignature(actorFor(manager), id))).message).toMatch(/already/);

    const lapsed = await draft(agreementTerms({ startDate: isoDay(-100), endDate: isoDay(-1), reviewDate: isoDay(-50) }));
    expect((await refusal(submitForSignature(actorFor(manager), lapsed.id))).message).toMatch(/end date has passed/);
  });
});

describe("signing and activation", () => {
  it("activates only when every controller has signed, copying the terms and recording who and why", async () => {
    const { id } = await draft();
    await submitForSignature(actorFor(manager), id);
    const first = await signVersion(actorFor(manager), id, 1);
    expect(first).toEqual({ versionInForce: false, activated: false });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("AWAITING_SIGNATURES");

    const second = await signVersion(actorFor(supervisor), id, 1);
    expect(second).toEqual({ versionInForce: true, activated: true });
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(agreement.status).toBe("ACTIVE");
    expect(await prisma.agreement.count({ where: { id, ...agreementInForceWhere(new Date()) } })).toBe(1);

    const history = await historyOf(id);
    expect(history.at(-1)).toMatchObject({ fromStatus: "AWAITING_SIGNATURES", toStatus: "ACTIVE", actorId: supervisor.id, reason: "Signed by every party" });
    expect(await auditActions(id)).toEqual([
      "agreement.created",
      "agreement.submitted_for_signature",
      "agreement.signed",
      "agreement.signed",
      "agreement.activated",
    ]);
  });

  it("refuses signing a draft, signing twice, a non-signatory, a recipient party and a non-party", async () => {
    const { id } = await draft();
    expect((await refusal(signVersion(actorFor(manager), id, 1))).message).toMatch(/still a draft/);
    await submitForSignature(actorFor(manager), id);

    await signVersion(actorFor(manager), id, 1);
    expect((await refusal(signVersion(actorFor(manager), id, 1))).message).toBe("Test Council has already signed version 1.");

    const notSignatory = await refusal(signVersion(actorFor(councilDpoNotSignatory), id, 1));
    expect(notSignatory.status).toBe(403);
    expect(notSignatory.message).toMatch(/Only an authorised signatory of Test Police|Only an authorised signatory of Test Council/);

    const recipient = await refusal(signVersion(actorFor(partnershipSignatory), id, 1));
    expect(recipient.message).toBe("Test Partnership is a recipient under this agreement and does not sign it.");

    await expect(signVersion(actorFor(outsiderSignatory), id, 1)).rejects.toBeInstanceOf(AgreementNotFound);
    expect(await prisma.agreementSignature.count({ where: { version: { agreementId: id } } })).toBe(1);
  });

  it("refuses signing a version other than the latest (the text the signatory read)", async () => {
    const { id } = await draft();
    await submitForSignature(actorFor(manager), id);
    expect((await refusal(signVersion(actorFor(manager), id, 2))).message).toMatch(/Version 2 has been replaced by version 1|Read version 1/);
  });

  it("a fully signed agreement with a future start is active by date without anyone acting", async () => {
    const id = await activeAgreement(agreementTerms({ startDate: isoDay(10), endDate: isoDay(400), reviewDate: isoDay(200) }));
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(agreement.status).toBe("ACTIVE");
    expect(displayStatus(agreement, new Date())).toBe("SIGNED_NOT_STARTED");
    expect(await prisma.agreement.count({ where: { id, ...agreementInForceWhere(new Date()) } })).toBe(0);
    const later = new Date(Date.now() + 11 * 24 * 60 * 60 * 1000);
    expect(displayStatus(agreement, later)).toBe("ACTIVE");
    expect(await prisma.agreement.count({ where: { id, ...agreementInForceWhere(later) } })).toBe(1);
    expect((await historyOf(id)).at(-1)?.reason).toMatch(/^Signed by every party; in force from /);
  });
});

describe("amendments", () => {
  it("keeps the signed terms in force until every controller signs the amendment", async () => {
    const id = await activeAgreement();
    const amended = agreementTerms({ dataCategories: ["PERSON_IDENTIFIERS", "INTELLIGENCE_NARRATIVE", "VEHICLES"], classificationCeiling: "OFFICIAL" });
    const { versionNumber } = await amendAgreement(actorFor(policeDpo), id, { terms: amended, changeSummary: "Adds vehicles" });
    expect(versionNumber).toBe(2);

    let agreement = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(agreement.currentVersionNumber).toBe(1);
    expect(agreement.dataCategories).not.toContain("VEHICLES");
    expect(agreement.classificationCeiling).toBe("OFFICIAL_SENSITIVE");
    expect(agreement.status).toBe("ACTIVE");

    await signVersion(actorFor(supervisor), id, 2);
    agreement = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(agreement.currentVersionNumber).toBe(1);

    const result = await signVersion(actorFor(manager), id, 2);
    expect(result).toEqual({ versionInForce: true, activated: false });
    agreement = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(agreement.currentVersionNumber).toBe(2);
    expect(agreement.dataCategories).toContain("VEHICLES");
    expect(agreement.classificationCeiling).toBe("OFFICIAL");
    expect((await historyOf(id)).at(-1)?.reason).toBe("Version 2 signed by every party and now in force (replacing version 1)");

    const amendEvent = await prisma.auditEvent.findFirstOrThrow({ where: { agreementId: id, action: "agreement.amended" } });
    expect(amendEvent.details).toMatchObject({ versionNumber: 2, changedFields: ["dataCategories", "classificationCeiling"] });
  });

  it("requires a change, and refuses amending drafts, unsigned, revoked and expired agreements", async () => {
    const id = await activeAgreement();
    expect((await refusal(amendAgreement(actorFor(manager), id, { terms: agreementTerms(), changeSummary: "Nothing" }))).message).toMatch(
      /does not change any term/,
    );

    const { id: draftId } = await draft();
    expect((await refusal(amendAgreement(actorFor(manager), draftId, { terms: agreementTerms({ title: "X" }), changeSummary: "x" }))).message).toMatch(/edit the draft/);
    await submitForSignature(actorFor(manager), draftId);
    expect((await refusal(amendAgreement(actorFor(manager), draftId, { terms: agreementTerms({ title: "X" }), changeSummary: "x" }))).message).toMatch(
      /not been signed by every party/,
    );

    await revokeAgreement(actorFor(policeDpo), id, "Misuse found");
    expect((await refusal(amendAgreement(actorFor(manager), id, { terms: agreementTerms({ title: "X" }), changeSummary: "x" }))).message).toBe(
      "This agreement has been revoked, so it cannot be amended.",
    );

    const expiring = await activeAgreement();
    await prisma.agreement.update({ where: { id: expiring }, data: { endDate: new Date(Date.now() - 1000) } });
    expect((await refusal(amendAgreement(actorFor(manager), expiring, { terms: agreementTerms({ title: "X" }), changeSummary: "x" }))).message).toMatch(
      /expired on .* cannot be amended/,
    );
  });

  it("a newer amendment replaces an unsigned one, and signing the replaced version is refused", async () => {
    const id = await activeAgreement();
    await amendAgreement(actorFor(manager), id, { terms: agreementTerms({ title: "Second" }), changeSummary: "v2" });
    await signVersion(actorFor(manager), id, 2);
    await amendAgreement(actorFor(manager), id, { terms: agreementTerms({ title: "Third" }), changeSummary: "v3" });
    expect((await refusal(signVersion(actorFor(supervisor), id, 2))).message).toMatch(/Version 2 has been replaced by version 3/);
    await signVersion(actorFor(supervisor), id, 3);
    await signVersion(actorFor(manager), id, 3);
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect([agreement.currentVersionNumber, agreement.title]).toEqual([3, "Third"]);
  });
});

describe("suspension, reinstatement, revocation and expiry", () => {
  it("suspends with a reason and reinstates, cutting and restoring the in-force filter", async () => {
    const id = await activeAgreement();
    const inForce = () => prisma.agreement.count({ where: { id, ...agreementInForceWhere(new Date()) } });
    await suspendAgreement(actorFor(policeDpo), id, "Breach reported");
    expect(await inForce()).toBe(0);
    expect((await historyOf(id)).at(-1)).toMatchObject({ fromStatus: "ACTIVE", toStatus: "SUSPENDED", reason: "Breach reported", actorId: policeDpo.id });
    expect((await refusal(suspendAgreement(actorFor(policeDpo), id, "again"))).message).toMatch(/^This agreement is already suspended by Test Police/);

    await reinstateAgreement(actorFor(supervisor), id, "Investigated");
    expect(await inForce()).toBe(1);
    expect((await refusal(reinstateAgreement(actorFor(supervisor), id, "again"))).message).toBe("Only a suspended agreement can be reinstated.");
    expect(await auditActions(id)).toEqual(expect.arrayContaining(["agreement.suspended", "agreement.reinstated"]));
  });

  it("only DPOs and intelligence supervisors of a party can suspend or revoke", async () => {
    const id = await activeAgreement();
    expect((await refusal(suspendAgreement(actorFor(manager), id, "x"))).status).toBe(403);
    expect((await refusal(revokeAgreement(actorFor(analyst), id, "x"))).status).toBe(403);
    await expect(revokeAgreement(actorFor(outsiderSignatory), id, "x")).rejects.toBeInstanceOf(AgreementNotFound);
    await suspendAgreement(actorFor(councilDpoNotSignatory), id, "Council DPO concern");
  });

  it("revocation is final", async () => {
    const id = await activeAgreement();
    await revokeAgreement(actorFor(policeDpo), id, "Purpose ended");
    for (const step of [
      () => suspendAgreement(actorFor(policeDpo), id, "x"),
      () => reinstateAgreement(actorFor(policeDpo), id, "x"),
      () => revokeAgreement(actorFor(policeDpo), id, "x"),
      () => recordReview(actorFor(policeDpo), id, { outcome: "CONTINUE", notes: "", nextReviewDate: isoDay(30) }),
    ]) {
      expect((await refusal(step())).message).toMatch(/has been revoked/);
    }
  });

  it("expiry by date: shown as expired at once, stored as EXPIRED with history and audit, final", async () => {
    const id = await activeAgreement();
    await prisma.agreement.update({ where: { id }, data: { endDate: new Date(Date.now() - 1000) } });
    const row = await prisma.agreement.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("ACTIVE");
    expect(displayStatus(row, new Date())).toBe("EXPIRED");
    expect(await prisma.agreement.count({ where: { id, ...agreementInForceWhere(new Date()) } })).toBe(0);

    // Storing EXPIRED is the scheduled job's work (tests/agreements/status-by-date.test.ts).
    expect(await expireLapsedAgreements(new Date())).toBeGreaterThanOrEqual(1);
    expect(await expireLapsedAgreements(new Date())).toBe(0);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    expect((await historyOf(id)).at(-1)).toMatchObject({ fromStatus: "ACTIVE", toStatus: "EXPIRED", actorId: null });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { agreementId: id, action: "agreement.expired" } });
    expect(event.actorUserId).toBeNull();
    expect((await refusal(reinstateAgreement(actorFor(policeDpo), id, "x"))).message).toMatch(/expired on/);
  });

  it("a suspended agreement past its end date reads as expired and cannot be reinstated", async () => {
    const id = await activeAgreement();
    await suspendAgreement(actorFor(policeDpo), id, "Paused");
    await prisma.agreement.update({ where: { id }, data: { endDate: new Date(Date.now() - 1000) } });
    expect((await refusal(reinstateAgreement(actorFor(policeDpo), id, "x"))).message).toMatch(/expired on/);
    // Refused by date; storing EXPIRED is the scheduled job's work (tests/agreements/expiry-job.test.ts).
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("SUSPENDED");
  });
});

describe("reviews", () => {
  it("records the outcome and moves the review date", async () => {
    const id = await activeAgreement();
    await recordReview(actorFor(manager), id, { outcome: "AMEND", notes: "Add vehicles", nextReviewDate: isoDay(90) });
    const agreement = await prisma.agreement.findUniqueOrThrow({ where: { id }, include: { reviews: true } });
    expect(agreement.reviewDate.toISOString().slice(0, 10)).toBe(isoDay(90));
    expect(agreement.reviews).toMatchObject([{ outcome: "AMEND", notes: "Add vehicles", reviewedById: manager.id }]);
    expect(await auditActions(id)).toContain("agreement.reviewed");
  });

  it("refuses a next review in the past or after the end date, a draft, and roles that do not review", async () => {
    const id = await activeAgreement();
    expect((await refusal(recordReview(actorFor(manager), id, { outcome: "CONTINUE", notes: "", nextReviewDate: isoDay(-1) }))).field).toBe("nextReviewDate");
    expect((await refusal(recordReview(actorFor(manager), id, { outcome: "CONTINUE", notes: "", nextReviewDate: isoDay(500) }))).message).toMatch(
      /no later than the end date/,
    );
    expect((await refusal(recordReview(actorFor(councilSubmitter), id, { outcome: "CONTINUE", notes: "", nextReviewDate: isoDay(30) }))).status).toBe(403);
    const { id: draftId } = await draft();
    expect((await refusal(recordReview(actorFor(manager), draftId, { outcome: "CONTINUE", notes: "", nextReviewDate: isoDay(30) }))).message).toMatch(
      /once every party has signed/,
    );
  });
});

describe("concurrency", () => {
  it("the last two signatures at once still activate the agreement exactly once", async () => {
    const { id } = await draft();
    await submitForSignature(actorFor(manager), id);
    await Promise.all([signVersion(actorFor(manager), id, 1), signVersion(actorFor(supervisor), id, 1)]);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("ACTIVE");
    expect((await auditActions(id)).filter((a) => a === "agreement.activated")).toHaveLength(1);
  });
});

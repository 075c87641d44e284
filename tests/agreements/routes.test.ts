import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import { createDraft, signVersion, submitForSignature, suspendAgreement } from "~/modules/agreements/lifecycle.server";
import type { AgreementTerms } from "~/modules/agreements/terms";
import * as home from "~/routes/_index";
import * as register from "~/routes/agreements._index";
import * as newAgreement from "~/routes/agreements.new";
import * as page from "~/routes/agreements.$id._index";
import * as edit from "~/routes/agreements.$id.edit";
import * as amend from "~/routes/agreements.$id.amend";
import * as sign from "~/routes/agreements.$id.sign";
import * as suspend from "~/routes/agreements.$id.suspend";
import * as reinstate from "~/routes/agreements.$id.reinstate";
import * as revoke from "~/routes/agreements.$id.revoke";
import * as review from "~/routes/agreements.$id.review";
import * as version from "~/routes/agreements.$id.versions.$number";
import * as print from "~/routes/agreements.$id.print";
import { prisma } from "~/utils/db.server";
import { actorFor, agreementTerms, isoDay } from "../helpers/agreements";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

/**
 * Every agreement route, every role: allowed (200, or a redirect after a successful POST), or
 * denied (403 for a role that may not, 404 for an agreement the user may not see).
 */

const ROLES: Role[] = ["PARTNER_SUBMITTER", "PARTNER_MANAGER", "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER", "SYSTEM_ADMINISTRATOR"];
const DRAFTERS: Role[] = ["PARTNER_MANAGER", "INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER"];
const GUARDIANS: Role[] = ["INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER"];
const READERS: Role[] = ROLES.filter((role) => role !== "SYSTEM_ADMINISTRATOR");

type TestUser = Awaited<ReturnType<typeof createUser>>;
interface Person {
  user: TestUser;
  cookie: string;
}
let police: { id: string };
let council: { id: string };
const party = new Map<Role, Person>();
const outsider = new Map<Role, Person>();
let nonSignatory: Person;
let policeSignatory: TestUser;

async function person(organisationId: string, roles: Role[], signatory: boolean): Promise<Person> {
  const user = await createUser({ organisationId, roles, signatory });
  return { user, cookie: await signedInCookie(user.id) };
}

beforeAll(async () => {
  police = await createOrganisation({ name: "Route Police", type: "POLICE_FORCE" });
  council = await createOrganisation({ name: "Route Council", type: "LOCAL_AUTHORITY" });
  const other = await createOrganisation({ name: "Route Outsider", type: "LOCAL_AUTHORITY" });
  for (const role of ROLES) {
    party.set(role, await person(council.id, [role], true));
    outsider.set(role, await person(other.id, [role], true));
  }
  nonSignatory = await person(council.id, ["PARTNER_MANAGER"], false);
  policeSignatory = await createUser({ organisationId: police.id, roles: ["INTELLIGENCE_SUPERVISOR"], signatory: true });
});

const partiesInput = () => [
  { organisationId: council.id, role: "JOINT_CONTROLLER" as const, leadName: "Council Lead", leadEmail: "lead@council.test" },
  { organisationId: police.id, role: "CONTROLLER" as const, leadName: "Police Lead", leadEmail: "lead@police.test" },
];

function termsForm(terms: AgreementTerms): Record<string, string | string[]> {
  return { ...terms, retentionMonths: String(terms.retentionMonths) };
}

function draftForm(terms = agreementTerms()) {
  const form: Record<string, string | string[]> = termsForm(terms);
  partiesInput().forEach((p, index) => {
    form[`parties.${index}.organisationId`] = p.organisationId;
    form[`parties.${index}.role`] = p.role;
    form[`parties.${index}.leadName`] = p.leadName;
    form[`parties.${index}.leadEmail`] = p.leadEmail;
  });
  return form;
}

const drafter = () => party.get("PARTNER_MANAGER")!.user;

async function draftAgreement() {
  return (await createDraft(actorFor(drafter()), { terms: agreementTerms(), parties: partiesInput() })).id;
}
async function awaitingAgreement() {
  const id = await draftAgreement();
  await submitForSignature(actorFor(drafter()), id);
  return id;
}
async function activeAgreement() {
  const id = await awaitingAgreement();
  await signVersion(actorFor(drafter()), id, 1);
  await signVersion(actorFor(policeSignatory), id, 1);
  return id;
}
async function suspendedAgreement() {
  const id = await activeAgreement();
  await suspendAgreement(actorFor(party.get("DATA_PROTECTION_OFFICER")!.user), id, "Paused");
  return id;
}

type Module = { loader: Parameters<typeof run>[0]; action?: Parameters<typeof run>[0] };

async function get(module: Module, path: string, who: Person, params: Record<string, string> = {}) {
  return statusOf(await run(module.loader, makeRequest(path, { cookie: who.cookie }), params));
}

async function post(module: Module, path: string, who: Person, form: Record<string, string | string[]>, params: Record<string, string> = {}) {
  return statusOf(await run(module.action!, makeRequest(path, { cookie: who.cookie, form }), params));
}

/** Expected GET status per role for a party member; non-party members get `outsiderStatus`. */
function expectation(allowed: Role[], deniedStatus: 403 | 404 = 403) {
  return (role: Role) => (allowed.includes(role) ? 200 : role === "SYSTEM_ADMINISTRATOR" ? 404 : deniedStatus);
}

describe("GET routes, every role", () => {
  let draftId: string;
  let awaitingId: string;
  let activeId: string;
  let suspendedId: string;
  beforeAll(async () => {
    [draftId, awaitingId, activeId, suspendedId] = [await draftAgreement(), await awaitingAgreement(), await activeAgreement(), await suspendedAgreement()];
  });

  it("register: every working role; a pure administrator is refused", async () => {
    for (const role of ROLES) {
      expect({ role, status: await get(register, "/agreements", party.get(role)!) }).toEqual({ role, status: role === "SYSTEM_ADMINISTRATOR" ? 403 : 200 });
      expect({ role, status: await get(register, "/agreements", outsider.get(role)!) }).toEqual({ role, status: role === "SYSTEM_ADMINISTRATOR" ? 403 : 200 });
    }
  });

  it("new agreement form: drafters only", async () => {
    for (const role of ROLES) {
      expect({ role, status: await get(newAgreement, "/agreements/new", party.get(role)!) }).toEqual({ role, status: DRAFTERS.includes(role) ? 200 : 403 });
    }
  });

  const cases: { name: string; module: Module; path: (id: string) => string; fixture: () => string; allowed: Role[]; extraParams?: Record<string, string> }[] = [
    { name: "agreement page", module: page, path: (id) => `/agreements/${id}`, fixture: () => activeId, allowed: READERS },
    { name: "edit draft", module: edit, path: (id) => `/agreements/${id}/edit`, fixture: () => draftId, allowed: DRAFTERS },
    { name: "amend", module: amend, path: (id) => `/agreements/${id}/amend`, fixture: () => activeId, allowed: DRAFTERS },
    { name: "sign", module: sign, path: (id) => `/agreements/${id}/sign`, fixture: () => awaitingId, allowed: READERS },
    { name: "suspend", module: suspend, path: (id) => `/agreements/${id}/suspend`, fixture: () => activeId, allowed: GUARDIANS },
    { name: "reinstate", module: reinstate, path: (id) => `/agreements/${id}/reinstate`, fixture: () => suspendedId, allowed: GUARDIANS },
    { name: "revoke", module: revoke, path: (id) => `/agreements/${id}/revoke`, fixture: () => activeId, allowed: GUARDIANS },
    { name: "review", module: review, path: (id) => `/agreements/${id}/review`, fixture: () => activeId, allowed: DRAFTERS },
    { name: "version", module: version, path: (id) => `/agreements/${id}/versions/1`, fixture: () => activeId, allowed: READERS, extraParams: { number: "1" } },
    { name: "print", module: print, path: (id) => `/agreements/${id}/print`, fixture: () => activeId, allowed: READERS },
  ];

  for (const c of cases) {
    it(`${c.name}: allowed roles of a party; 403 for other roles; 404 for non-parties and administrators`, async () => {
      const id = c.fixture();
      const expected = expectation(c.allowed);
      for (const role of ROLES) {
        const params = { id, ...c.extraParams };
        expect({ role, status: await get(c.module, c.path(id), party.get(role)!, params) }).toEqual({ role, status: expected(role) });
        expect({ role, outsider: await get(c.module, c.path(id), outsider.get(role)!, params) }).toEqual({ role, outsider: 404 });
      }
    });
  }

  it("sign: a party member who is not a signatory is refused", async () => {
    expect(await get(sign, `/agreements/${awaitingId}/sign`, nonSignatory, { id: awaitingId })).toBe(403);
  });

  it("an unknown or malformed id is a 404, and signed-out users are sent to sign in", async () => {
    const reader = party.get("PARTNER_MANAGER")!;
    expect(await get(page, "/agreements/not-a-uuid", reader, { id: "not-a-uuid" })).toBe(404);
    expect(await get(page, "/agreements/00000000-0000-4000-8000-000000000000", reader, { id: "00000000-0000-4000-8000-000000000000" })).toBe(404);
    const signedOut = await run(register.loader, makeRequest("/agreements"));
    expect(statusOf(signedOut)).toBe(302);
    expect((signedOut as Response).headers.get("Location")).toMatch(/^\/sign-in/);
  });

  it("a denied attempt is audited", async () => {
    const before = await prisma.auditEvent.count({ where: { action: "access.denied", actorUserId: outsider.get("DATA_PROTECTION_OFFICER")!.user.id } });
    await get(page, `/agreements/${activeId}`, outsider.get("DATA_PROTECTION_OFFICER")!, { id: activeId });
    const after = await prisma.auditEvent.count({ where: { action: "access.denied", actorUserId: outsider.get("DATA_PROTECTION_OFFICER")!.user.id } });
    expect(after).toBe(before + 1);
  });
});

describe("POST routes, every role", () => {
  async function postFor(
    module: Module,
    fixture: () => Promise<string>,
    path: (id: string) => string,
    form: (id: string) => Record<string, string | string[]>,
    allowed: Role[],
  ) {
    const shared = await fixture();
    for (const role of ROLES) {
      const id = allowed.includes(role) ? await fixture() : shared;
      const status = await post(module, path(id), party.get(role)!, form(id), { id });
      expect({ role, status }).toEqual({ role, status: allowed.includes(role) ? 302 : role === "SYSTEM_ADMINISTRATOR" ? 404 : 403 });
      expect({ role, outsider: await post(module, path(shared), outsider.get(role)!, form(shared), { id: shared }) }).toEqual({ role, outsider: 404 });
    }
  }

  it("create a draft", async () => {
    for (const role of ROLES) {
      const status = await post(newAgreement, "/agreements/new", party.get(role)!, draftForm());
      expect({ role, status }).toEqual({ role, status: DRAFTERS.includes(role) ? 302 : 403 });
    }
  });

  it("send for signature", async () => {
    await postFor(page, draftAgreement, (id) => `/agreements/${id}`, () => ({ intent: "submit-for-signature" }), DRAFTERS);
  });

  it("edit a draft", async () => {
    await postFor(edit, draftAgreement, (id) => `/agreements/${id}/edit`, () => draftForm(agreementTerms({ title: "Edited" })), DRAFTERS);
  });

  it("amend", async () => {
    await postFor(amend, activeAgreement, (id) => `/agreements/${id}/amend`, () => ({ ...termsForm(agreementTerms({ title: "Amended" })), changeSummary: "Retitled" }), DRAFTERS);
  });

  it("sign", async () => {
    await postFor(sign, awaitingAgreement, (id) => `/agreements/${id}/sign`, () => ({ versionNumber: "1", confirm: "yes" }), READERS);
    const id = await awaitingAgreement();
    expect(await post(sign, `/agreements/${id}/sign`, nonSignatory, { versionNumber: "1", confirm: "yes" }, { id })).toBe(403);
  });

  it("suspend, reinstate, revoke", async () => {
    await postFor(suspend, activeAgreement, (id) => `/agreements/${id}/suspend`, () => ({ reason: "Breach" }), GUARDIANS);
    await postFor(reinstate, suspendedAgreement, (id) => `/agreements/${id}/reinstate`, () => ({ reason: "Resolved" }), GUARDIANS);
    await postFor(revoke, activeAgreement, (id) => `/agreements/${id}/revoke`, () => ({ reason: "Ended" }), GUARDIANS);
  });

  it("reinstate: a guardian of another party cannot lift the council's suspension (page and POST are 403, audited)", async () => {
    const id = await suspendedAgreement();
    const policeGuardian = { user: policeSignatory, cookie: await signedInCookie(policeSignatory.id) };
    expect(await get(reinstate, `/agreements/${id}/reinstate`, policeGuardian, { id })).toBe(403);
    expect(await post(reinstate, `/agreements/${id}/reinstate`, policeGuardian, { reason: "Not ours to lift" }, { id })).toBe(403);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id } })).status).toBe("SUSPENDED");
    expect(await prisma.auditEvent.count({ where: { action: "access.denied", actorUserId: policeSignatory.id, recordId: id } })).toBe(2);
  });

  it("record a review", async () => {
    await postFor(review, activeAgreement, (id) => `/agreements/${id}/review`, () => ({ outcome: "CONTINUE", notes: "", nextReviewDate: isoDay(60) }), DRAFTERS);
  });
});

describe("forms keep what was typed and explain the problem", () => {
  it("a draft with missing and inconsistent fields is refused field by field", async () => {
    const form = draftForm(agreementTerms({ endDate: isoDay(-20), startDate: isoDay(-10) }));
    delete form.fourPStrands;
    form.title = "";
    form["parties.1.leadEmail"] = "not-an-email";
    const outcome = await run(newAgreement.action!, makeRequest("/agreements/new", { cookie: party.get("PARTNER_MANAGER")!.cookie, form }));
    expect(statusOf(outcome)).toBe(400);
    const body = (outcome as { data: { errors: Record<string, string>; values: Record<string, string> } }).data;
    expect(body.errors).toMatchObject({
      title: "Enter a title",
      fourPStrands: "Select at least one 4P strand",
      endDate: "End date must be after the start date",
      "parties.1.leadEmail": expect.stringMatching(/correct format/),
    });
    expect(body.values["parties.1.leadEmail"]).toBe("not-an-email");
  });

  it("a refused step comes back as a form error (409) with the reason", async () => {
    const id = await suspendedAgreement();
    const outcome = await run(suspend.action!, makeRequest(`/agreements/${id}/suspend`, { cookie: party.get("DATA_PROTECTION_OFFICER")!.cookie, form: { reason: "Again" } }), { id });
    expect(statusOf(outcome)).toBe(409);
    expect((outcome as { data: { errors: Record<string, string> } }).data.errors.form).toMatch(/^This agreement is already suspended by Route Council \(since /);
  });

  it("signing needs the declaration", async () => {
    const id = await awaitingAgreement();
    const outcome = await run(sign.action!, makeRequest(`/agreements/${id}/sign`, { cookie: party.get("PARTNER_MANAGER")!.cookie, form: { versionNumber: "1" } }), { id });
    expect(statusOf(outcome)).toBe(400);
    expect((outcome as { data: { errors: Record<string, string> } }).data.errors.confirm).toMatch(/Confirm that you are authorised/);
  });
});

describe("home page", () => {
  it("shows agreements needing review to managers, DPOs and supervisors, and agreements to sign to signatories", async () => {
    // A fresh pair of organisations, so the panels list only this test's agreements.
    const homeCouncil = await createOrganisation({ name: "Home Council", type: "LOCAL_AUTHORITY" });
    const dpo = await person(homeCouncil.id, ["DATA_PROTECTION_OFFICER"], true);
    const parties = [
      { organisationId: homeCouncil.id, role: "JOINT_CONTROLLER" as const, leadName: "L", leadEmail: "l@home.test" },
      { organisationId: police.id, role: "CONTROLLER" as const, leadName: "P", leadEmail: "p@police.test" },
    ];
    const dueSoon = await createDraft(actorFor(dpo.user), { terms: agreementTerms({ reviewDate: isoDay(5) }), parties });
    await submitForSignature(actorFor(dpo.user), dueSoon.id);
    await signVersion(actorFor(dpo.user), dueSoon.id, 1);
    await signVersion(actorFor(policeSignatory), dueSoon.id, 1);
    const id = dueSoon.id;
    const awaitingDraft = await createDraft(actorFor(dpo.user), { terms: agreementTerms(), parties });
    await submitForSignature(actorFor(dpo.user), awaitingDraft.id);
    const awaiting = awaitingDraft.id;
    type HomeData = { panels: { id: string; items: { href: string }[] }[] };
    const panelsOf = async (who: Person) => ((await run(home.loader, makeRequest("/", { cookie: who.cookie }))) as HomeData).panels;

    const managerPanels = await panelsOf(dpo);
    expect(managerPanels.find((p) => p.id === "agreements-attention")?.items).toHaveLength(1);
    const attention = managerPanels.find((p) => p.id === "agreements-attention");
    expect(attention?.items.map((i) => i.href)).toContain(`/agreements/${id}`);
    expect(managerPanels.find((p) => p.id === "agreements-to-sign")?.items.map((i) => i.href)).toContain(`/agreements/${awaiting}/sign`);

    const submitterPanels = await panelsOf(party.get("PARTNER_SUBMITTER")!);
    expect(submitterPanels.find((p) => p.id === "agreements-attention")).toBeUndefined();
    expect(await panelsOf(outsider.get("DATA_PROTECTION_OFFICER")!)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ items: expect.arrayContaining([{ href: `/agreements/${id}` }]) })]),
    );
    expect((await panelsOf(nonSignatory)).find((p) => p.id === "agreements-to-sign")).toBeUndefined();
  });
});

import { subject } from "@casl/ability";
import { AbilityBuilder } from "@casl/ability";
import { accessibleBy, createPrismaAbility } from "@casl/prisma/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/enums";
import {
  agreementsUsableForSharing,
  agreementUsableForSharing,
  sharingProblems,
  submissionSharedUnderAgreementInForce,
} from "~/modules/agreements/access.server";
import { reinstateAgreement, revokeAgreement, suspendAgreement } from "~/modules/agreements/lifecycle.server";
import { accessibleWhere, defineAbilityFor, type Action, type AppAbility } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { actorFor, createAgreementRow } from "../helpers/agreements";
import { createOrganisation, createUser } from "../helpers/factories";

/**
 * Access follows agreements: who may see and act on an agreement (the CASL rules), and whether
 * anything may flow under it now (the in-force filter), before and after suspension, expiry and
 * revocation. Every check builds a fresh ability with the current time, as each request does.
 */

const ROLES: Role[] = [
  "PARTNER_SUBMITTER",
  "PARTNER_MANAGER",
  "POLICE_ANALYST",
  "INTELLIGENCE_SUPERVISOR",
  "DATA_PROTECTION_OFFICER",
  "SYSTEM_ADMINISTRATOR",
];

const ACTIONS: Action[] = ["read", "update", "amend", "sign", "suspend", "reinstate", "revoke", "review"];

/**
 * Who may do what on an agreement their organisation is party to (as a signatory). Reinstate is
 * never in this list: it needs an open suspension held by the user's own organisation (below).
 */
const EXPECTED_FOR_PARTY: Record<Role, Action[]> = {
  PARTNER_SUBMITTER: ["read", "sign"],
  PARTNER_MANAGER: ["read", "update", "amend", "sign", "review"],
  POLICE_ANALYST: ["read", "sign"],
  INTELLIGENCE_SUPERVISOR: ["read", "update", "amend", "sign", "suspend", "revoke", "review"],
  DATA_PROTECTION_OFFICER: ["read", "update", "amend", "sign", "suspend", "revoke", "review"],
  SYSTEM_ADMINISTRATOR: [],
};

type TestUser = Awaited<ReturnType<typeof createUser>>;
let police: { id: string };
let council: { id: string };
let outsider: { id: string };
const partyUsers = new Map<Role, TestUser>();
const partyNonSignatories = new Map<Role, TestUser>();
const outsiderUsers = new Map<Role, TestUser>();
let policeDpo: TestUser;

function abilityOf(user: TestUser, now = new Date()): AppAbility {
  return defineAbilityFor({ ...user, organisationType: user.organisation.type }, now);
}

async function loadAgreement(id: string) {
  return prisma.agreement.findUniqueOrThrow({ where: { id }, include: { parties: true, suspensions: true } });
}

beforeAll(async () => {
  police = await createOrganisation({ name: "Access Police", type: "POLICE_FORCE" });
  council = await createOrganisation({ name: "Access Council", type: "LOCAL_AUTHORITY" });
  outsider = await createOrganisation({ name: "Access Outsider", type: "LOCAL_AUTHORITY" });
  for (const role of ROLES) {
    partyUsers.set(role, await createUser({ organisationId: council.id, roles: [role], signatory: true }));
    partyNonSignatories.set(role, await createUser({ organisationId: council.id, roles: [role] }));
    outsiderUsers.set(role, await createUser({ organisationId: outsider.id, roles: [role], signatory: true }));
  }
  policeDpo = await createUser({ organisationId: police.id, roles: ["DATA_PROTECTION_OFFICER"] });
});

async function expectMatrix(agreementId: string) {
  const agreement = await loadAgreement(agreementId);
  for (const role of ROLES) {
    const partyAbility = abilityOf(partyUsers.get(role)!);
    const allowed = ACTIONS.filter((action) => partyAbility.can(action, subject("Agreement", agreement)));
    expect({ role, allowed }).toEqual({ role, allowed: EXPECTED_FOR_PARTY[role] });

    const nonSignatory = abilityOf(partyNonSignatories.get(role)!);
    expect({ role, sign: nonSignatory.can("sign", subject("Agreement", agreement)) }).toEqual({ role, sign: false });

    const outsiderAbility = abilityOf(outsiderUsers.get(role)!);
    const outsiderAllowed = ACTIONS.filter((action) => outsiderAbility.can(action, subject("Agreement", agreement)));
    expect({ role, outsiderAllowed }).toEqual({ role, outsiderAllowed: [] });

    // The same rules in the database: the register never returns what the rules deny.
    const listedToParty = await prisma.agreement.count({ where: { AND: [accessibleWhere(partyAbility, "read", "Agreement"), { id: agreementId }] } });
    const listedToOutsider = await prisma.agreement.count({ where: { AND: [accessibleWhere(outsiderAbility, "read", "Agreement"), { id: agreementId }] } });
    expect({ role, listedToParty, listedToOutsider }).toEqual({ role, listedToParty: role === "SYSTEM_ADMINISTRATOR" ? 0 : 1, listedToOutsider: 0 });
  }
}

describe("the agreement access matrix", () => {
  it("party users see and act by role; non-party users and pure administrators get nothing, in every state", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    await expectMatrix(row.id);

    // Suspended by the police: the council's guardians may not reinstate it, the police DPO may.
    await suspendAgreement(actorFor(policeDpo), row.id, "Breach");
    await expectMatrix(row.id);
    const suspended = await loadAgreement(row.id);
    for (const role of ["INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER"] as const) {
      expect({ role, reinstate: abilityOf(partyUsers.get(role)!).can("reinstate", subject("Agreement", suspended)) }).toEqual({ role, reinstate: false });
    }
    expect(abilityOf(policeDpo).can("reinstate", subject("Agreement", suspended))).toBe(true);
    // Once the council has suspended it too, its guardians may lift the council's suspension.
    await suspendAgreement(actorFor(partyUsers.get("DATA_PROTECTION_OFFICER")!), row.id, "Council concern");
    const both = await loadAgreement(row.id);
    for (const role of ROLES) {
      const may = abilityOf(partyUsers.get(role)!).can("reinstate", subject("Agreement", both));
      expect({ role, may }).toEqual({ role, may: role === "INTELLIGENCE_SUPERVISOR" || role === "DATA_PROTECTION_OFFICER" });
    }
    await reinstateAgreement(actorFor(partyUsers.get("INTELLIGENCE_SUPERVISOR")!), row.id, "Council satisfied");

    await reinstateAgreement(actorFor(policeDpo), row.id, "Resolved");
    await prisma.agreement.update({ where: { id: row.id }, data: { endDate: new Date(Date.now() - 1000) } });
    await expectMatrix(row.id);

    const revoked = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    await revokeAgreement(actorFor(policeDpo), revoked.id, "Ended");
    await expectMatrix(revoked.id);
  });

  it("anyone who drafts may create; others may not", () => {
    for (const role of ROLES) {
      const may = abilityOf(partyUsers.get(role)!).can("create", "Agreement");
      expect({ role, may }).toEqual({ role, may: ["PARTNER_MANAGER", "DATA_PROTECTION_OFFICER", "INTELLIGENCE_SUPERVISOR"].includes(role) });
    }
  });

  it("a user with an administrator role and a working role sees their organisation's agreements", async () => {
    const both = await createUser({ organisationId: council.id, roles: ["SYSTEM_ADMINISTRATOR", "PARTNER_SUBMITTER"] });
    const row = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    expect(abilityOf(both).can("read", subject("Agreement", await loadAgreement(row.id)))).toBe(true);
  });
});

describe("agreements usable for sharing (the in-force filter)", () => {
  const councilUser = () => partyUsers.get("PARTNER_SUBMITTER")!;
  const usableIds = async (now = new Date()) => (await agreementsUsableForSharing(councilUser(), now)).map((a) => a.id);

  it("offers only active, started, unexpired agreements the organisation is party to, with their limits", async () => {
    const parties = [{ organisationId: police.id, role: "CONTROLLER" as const }, { organisationId: council.id }];
    const active = await createAgreementRow({ parties, ceiling: "OFFICIAL", dataCategories: ["VEHICLES"] });
    const notStarted = await createAgreementRow({ parties, startOffsetDays: 5 });
    const lapsed = await createAgreementRow({ parties, startOffsetDays: -100, endOffsetDays: -1, reviewOffsetDays: -50 });
    const suspended = await createAgreementRow({ parties, status: "SUSPENDED" });
    const awaiting = await createAgreementRow({ parties, status: "AWAITING_SIGNATURES" });
    const notOurs = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: outsider.id }] });

    const ids = await usableIds();
    expect(ids).toContain(active.id);
    for (const excluded of [notStarted, lapsed, suspended, awaiting, notOurs]) expect(ids).not.toContain(excluded.id);

    const usable = await agreementUsableForSharing(councilUser(), active.id);
    expect(usable).toMatchObject({ classificationCeiling: "OFFICIAL", dataCategories: ["VEHICLES"] });
    expect(await agreementUsableForSharing(councilUser(), notOurs.id)).toBeNull();

    // Start and end take effect by date alone.
    const in6Days = new Date(Date.now() + 6 * 24 * 60 * 60 * 1000);
    expect(await usableIds(in6Days)).toContain(notStarted.id);
  });

  it("stops at once on suspension, revocation and expiry, and resumes on reinstatement", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    expect(await usableIds()).toContain(row.id);
    await suspendAgreement(actorFor(policeDpo), row.id, "Breach");
    expect(await usableIds()).not.toContain(row.id);
    await reinstateAgreement(actorFor(policeDpo), row.id, "Resolved");
    expect(await usableIds()).toContain(row.id);
    await prisma.agreement.update({ where: { id: row.id }, data: { endDate: new Date(Date.now() - 1000) } });
    expect(await usableIds()).not.toContain(row.id);

    const other = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    await revokeAgreement(actorFor(policeDpo), other.id, "Ended");
    expect(await usableIds()).not.toContain(other.id);
  });

  it("explains a share the agreement does not permit", () => {
    const agreement = { reference: "ISA-1", classificationCeiling: "OFFICIAL" as const, dataCategories: ["PERSON_IDENTIFIERS" as const] };
    expect(sharingProblems(agreement, { classification: "OFFICIAL", dataCategories: ["PERSON_IDENTIFIERS"] })).toEqual([]);
    expect(sharingProblems(agreement, { classification: "OFFICIAL_SENSITIVE", dataCategories: ["PERSON_IDENTIFIERS", "VEHICLES", "CHILDRENS_DATA"] })).toEqual([
      "Agreement ISA-1 allows information up to OFFICIAL only",
      "Agreement ISA-1 does not permit: vehicles, children's data",
    ]);
  });
});

describe("records shared under an agreement", () => {
  /**
   * The intelligence rules combine their role conditions with submissionSharedUnderAgreementInForce.
   * Here the condition stands alone in an ability built per "request", and is checked both ways the
   * app uses it: as a database filter (lists) and against a loaded record (a single page).
   */
  function requestAbility(organisationId: string, now = new Date()) {
    const { can, build } = new AbilityBuilder<AppAbility>(createPrismaAbility);
    can("read", "Submission", submissionSharedUnderAgreementInForce(organisationId, now));
    return build();
  }

  async function visibleTo(organisationId: string, submissionId: string) {
    const ability = requestAbility(organisationId);
    const listed = await prisma.submission.count({ where: { AND: [accessibleBy(ability, "read").ofType("Submission"), { id: submissionId }] } });
    const record = await prisma.submission.findUniqueOrThrow({
      where: { id: submissionId },
      include: { agreement: { include: { parties: true } } },
    });
    const single = ability.can("read", subject("Submission", record));
    expect(single).toBe(listed === 1);
    return single;
  }

  async function share(agreementId: string, classification: "OFFICIAL" | "OFFICIAL_SENSITIVE" = "OFFICIAL") {
    const submitter = partyUsers.get("PARTNER_SUBMITTER")!;
    return prisma.submission.create({
      data: { organisationId: council.id, submitterId: submitter.id, agreementId, status: "RECEIVED", classification, submittedAt: new Date() },
    });
  }

  it("is visible to party organisations only while the agreement is in force, on the very next request", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    const submission = await share(row.id);
    expect(await visibleTo(police.id, submission.id)).toBe(true);
    expect(await visibleTo(council.id, submission.id)).toBe(true);
    expect(await visibleTo(outsider.id, submission.id)).toBe(false);

    await suspendAgreement(actorFor(policeDpo), row.id, "Breach");
    expect(await visibleTo(police.id, submission.id)).toBe(false);
    expect(await visibleTo(council.id, submission.id)).toBe(false);

    await reinstateAgreement(actorFor(policeDpo), row.id, "Resolved");
    expect(await visibleTo(police.id, submission.id)).toBe(true);

    await revokeAgreement(actorFor(policeDpo), row.id, "Ended");
    expect(await visibleTo(police.id, submission.id)).toBe(false);
    expect(await visibleTo(council.id, submission.id)).toBe(false);
  });

  it("stops when the end date passes, with the stored status still ACTIVE", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }] });
    const submission = await share(row.id);
    expect(await visibleTo(police.id, submission.id)).toBe(true);
    await prisma.agreement.update({ where: { id: row.id }, data: { endDate: new Date(Date.now() - 1000) } });
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("ACTIVE");
    expect(await visibleTo(police.id, submission.id)).toBe(false);
  });

  it("never shows a record above the agreement's classification ceiling", async () => {
    const row = await createAgreementRow({ parties: [{ organisationId: police.id, role: "CONTROLLER" }, { organisationId: council.id }], ceiling: "OFFICIAL" });
    const official = await share(row.id, "OFFICIAL");
    const sensitive = await share(row.id, "OFFICIAL_SENSITIVE");
    expect(await visibleTo(police.id, official.id)).toBe(true);
    expect(await visibleTo(police.id, sensitive.id)).toBe(false);
  });

  it("shows nothing shared without an agreement", async () => {
    const submitter = partyUsers.get("PARTNER_SUBMITTER")!;
    const orphan = await prisma.submission.create({ data: { organisationId: council.id, submitterId: submitter.id, status: "RECEIVED" } });
    expect(await visibleTo(police.id, orphan.id)).toBe(false);
  });
});

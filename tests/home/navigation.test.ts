import { describe, expect, it } from "vitest";
import { currentness } from "~/components/page-header";
import type { OrganisationType, Role } from "~/generated/prisma/enums";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { placesFor } from "~/modules/authorization/navigation.server";
import { homeSectionsFor, navigationFor } from "~/modules/home/home-tasks";

const POLICE: OrganisationType = "POLICE_FORCE";
const COUNCIL: OrganisationType = "LOCAL_AUTHORITY";

function placesOf(roles: Role[], organisationType: OrganisationType, isAgreementSignatory = false) {
  const user = { id: "00000000-0000-4000-8000-000000000001", organisationId: "00000000-0000-4000-8000-000000000002", organisationType, roles, isAgreementSignatory };
  return placesFor(defineAbilityFor(user), user);
}

const labels = (roles: Role[], type: OrganisationType) => navigationFor(placesOf(roles, type)).map((item) => item.label);

describe("header navigation", () => {
  it("offers each role the areas its work is in, between Home and Your account", () => {
    const partner = ["Home", "Dashboard", "Submissions", "Search", "Actions", "Area plans", "Inbox", "Profiles", "Good practice", "Agreements", "Your account"];
    expect(labels(["PARTNER_SUBMITTER"], COUNCIL)).toEqual(partner);
    expect(labels(["PARTNER_MANAGER"], COUNCIL)).toEqual(partner);
    const police = ["Home", "Dashboard", "Triage", "Search", "Threats", "Actions", "Area plans", "Outcomes", "Disseminations"];
    expect(labels(["POLICE_ANALYST"], POLICE)).toEqual([...police, "Profiles", "Good practice", "Agreements", "Your account"]);
    expect(labels(["INTELLIGENCE_SUPERVISOR"], POLICE)).toEqual([...police, "Approve disseminations", "Profiles", "Good practice", "Agreements", "Your account"]);
    expect(labels(["DATA_PROTECTION_OFFICER"], POLICE)).toEqual(["Home", "Agreements", "Audit", "Your account"]);
    expect(labels(["DATA_PROTECTION_OFFICER"], COUNCIL)).toEqual(["Home", "Agreements", "Audit", "Your account"]);
    expect(labels(["SYSTEM_ADMINISTRATOR"], POLICE)).toEqual(["Home", "Administration", "Your account"]);
  });

  it("gives a role held in the wrong kind of organisation none of that role's work (agreements are any working role's)", () => {
    expect(labels(["POLICE_ANALYST"], COUNCIL)).toEqual(["Home", "Agreements", "Your account"]);
    expect(labels(["PARTNER_SUBMITTER"], POLICE)).toEqual(["Home", "Agreements", "Your account"]);
  });

  it("combines the areas of several roles without repeating any", () => {
    expect(labels(["POLICE_ANALYST", "DATA_PROTECTION_OFFICER"], POLICE)).toEqual([
      "Home",
      "Dashboard",
      "Triage",
      "Search",
      "Threats",
      "Actions",
      "Area plans",
      "Outcomes",
      "Disseminations",
      "Profiles",
      "Good practice",
      "Agreements",
      "Audit",
      "Your account",
    ]);
  });

  it("never links to an area the person's home page does not offer", () => {
    const people: [Role, OrganisationType][] = [
      ["PARTNER_SUBMITTER", COUNCIL],
      ["PARTNER_MANAGER", COUNCIL],
      ["POLICE_ANALYST", POLICE],
      ["INTELLIGENCE_SUPERVISOR", POLICE],
      ["DATA_PROTECTION_OFFICER", COUNCIL],
      ["SYSTEM_ADMINISTRATOR", POLICE],
    ];
    for (const [role, type] of people) {
      const places = placesOf([role], type);
      const offered = homeSectionsFor(places).flatMap((section) => section.links.map((link) => link.href));
      for (const item of navigationFor(places)) {
        if (item.href !== "/" && item.href !== "/account") expect(offered, `${role}: ${item.href}`).toContain(item.href);
      }
    }
  });

  it("offers the home page's links by what the person may do", () => {
    const hrefs = (roles: Role[], type: OrganisationType) => homeSectionsFor(placesOf(roles, type)).flatMap((s) => s.links.map((l) => l.href));
    expect(hrefs(["INTELLIGENCE_SUPERVISOR"], POLICE)).toEqual(expect.arrayContaining(["/triage/approvals", "/approvals/roles", "/disseminations/approvals", "/agreements/new"]));
    expect(hrefs(["POLICE_ANALYST"], POLICE)).not.toContain("/triage/approvals");
    expect(hrefs(["POLICE_ANALYST"], POLICE)).not.toContain("/disseminations/approvals");
    expect(hrefs(["POLICE_ANALYST"], POLICE)).toContain("/triage?queue=mine");
    expect(hrefs(["PARTNER_SUBMITTER"], COUNCIL)).not.toContain("/agreements/new");
    expect(hrefs(["PARTNER_SUBMITTER"], COUNCIL)).not.toContain("/outcomes");
    expect(hrefs(["PARTNER_MANAGER"], COUNCIL)).toEqual(expect.arrayContaining(["/inbox", "/actions", "/approvals/roles", "/agreements/new"]));
    expect(hrefs(["DATA_PROTECTION_OFFICER"], COUNCIL)).toEqual(expect.arrayContaining(["/audit", "/dpo/retention", "/approvals/roles"]));
    expect(hrefs(["DATA_PROTECTION_OFFICER"], COUNCIL)).not.toContain("/search");
    expect(hrefs(["SYSTEM_ADMINISTRATOR"], POLICE)).toEqual(["/audit/events", "/audit/integrity", "/admin", "/admin/organisations", "/admin/users", "/admin/users/new"]);
  });

  it("marks the current page, and the area a deeper page is in", () => {
    expect(currentness("/", "/")).toBe("page");
    expect(currentness("/", "/agreements")).toBeUndefined();
    expect(currentness("/agreements", "/agreements")).toBe("page");
    expect(currentness("/agreements", "/agreements/abc")).toBe("true");
    expect(currentness("/audit", "/audit/events")).toBe("true");
    expect(currentness("/audit", "/auditors")).toBeUndefined();
    expect(currentness("/triage", "/search")).toBeUndefined();
  });
});

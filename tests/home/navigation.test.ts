import { describe, expect, it } from "vitest";
import { currentness } from "~/components/page-header";
import { homeTasksFor, navigationFor } from "~/modules/home/home-tasks";
import type { Role } from "~/generated/prisma/enums";

const labels = (roles: Role[]) => navigationFor(roles).map((item) => item.label);

describe("header navigation", () => {
  it("offers each role the areas its work is in, between Home and Your account", () => {
    expect(labels(["PARTNER_SUBMITTER"])).toEqual(["Home", "Submissions", "Search", "Agreements", "Your account"]);
    expect(labels(["PARTNER_MANAGER"])).toEqual(["Home", "Submissions", "Search", "Agreements", "Your account"]);
    expect(labels(["POLICE_ANALYST"])).toEqual(["Home", "Triage", "Search", "Threats", "Agreements", "Your account"]);
    expect(labels(["INTELLIGENCE_SUPERVISOR"])).toEqual(["Home", "Triage", "Search", "Threats", "Agreements", "Your account"]);
    expect(labels(["DATA_PROTECTION_OFFICER"])).toEqual(["Home", "Agreements", "Audit", "Your account"]);
    expect(labels(["SYSTEM_ADMINISTRATOR"])).toEqual(["Home", "Administration", "Your account"]);
  });

  it("combines the areas of several roles without repeating any", () => {
    expect(labels(["POLICE_ANALYST", "DATA_PROTECTION_OFFICER"])).toEqual([
      "Home",
      "Triage",
      "Search",
      "Threats",
      "Agreements",
      "Audit",
      "Your account",
    ]);
  });

  it("never links to an area the role's home page does not offer", () => {
    const roles: Role[] = ["PARTNER_SUBMITTER", "PARTNER_MANAGER", "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR", "DATA_PROTECTION_OFFICER", "SYSTEM_ADMINISTRATOR"];
    for (const role of roles) {
      const offered = homeTasksFor([role]).flatMap((section) => section.links.map((link) => link.href));
      for (const item of navigationFor([role])) {
        if (item.href !== "/") expect(offered, `${role}: ${item.href}`).toContain(item.href);
      }
    }
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

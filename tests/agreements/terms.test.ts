import { describe, expect, it } from "vitest";
import type { AgreementStatus } from "~/generated/prisma/enums";
import { draftFormSchema, reviewFormSchema, termsFormSchema } from "~/modules/agreements/forms";
import { diffTerms } from "~/modules/agreements/terms-display";
import { displayStatus, displayStatusWhere, DISPLAY_STATUS_LABELS, type DisplayStatus } from "~/modules/agreements/status";
import { prisma } from "~/utils/db.server";
import { agreementTerms, createAgreementRow, isoDay } from "../helpers/agreements";
import { createOrganisation } from "../helpers/factories";

describe("version diff", () => {
  it("lists only the changed terms, lists as added and removed items, text as before and after", () => {
    const before = agreementTerms();
    const after = agreementTerms({
      dataCategories: ["PERSON_IDENTIFIERS", "VEHICLES"],
      retentionMonths: 12,
      classificationCeiling: "OFFICIAL",
      endDate: "2030-01-31",
    });
    expect(diffTerms(before, after)).toEqual([
      {
        key: "dataCategories",
        label: "Data categories permitted",
        added: ["Vehicles"],
        removed: ["Intelligence narrative"],
      },
      { key: "classificationCeiling", label: "Highest classification", before: "OFFICIAL-SENSITIVE", after: "OFFICIAL" },
      { key: "retentionMonths", label: "Retention of shared records", before: "24 months", after: "12 months" },
      { key: "endDate", label: "End date", before: expect.any(String), after: "31 January 2030" },
    ]);
    expect(diffTerms(before, agreementTerms())).toEqual([]);
  });
});

describe("display status", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const at = (status: AgreementStatus, start: string, end: string) => displayStatus({ status, startDate: new Date(start), endDate: new Date(end) }, now);

  it("reads dates as well as the stored status", () => {
    expect(at("ACTIVE", "2026-01-01", "2027-01-01")).toBe("ACTIVE");
    expect(at("ACTIVE", "2026-07-01", "2027-01-01")).toBe("SIGNED_NOT_STARTED");
    expect(at("ACTIVE", "2025-01-01", "2026-06-01")).toBe("EXPIRED");
    expect(at("SUSPENDED", "2025-01-01", "2026-05-01")).toBe("EXPIRED");
    expect(at("SUSPENDED", "2025-01-01", "2027-05-01")).toBe("SUSPENDED");
    expect(at("REVOKED", "2025-01-01", "2026-05-01")).toBe("REVOKED");
    expect(at("AWAITING_SIGNATURES", "2025-01-01", "2027-05-01")).toBe("AWAITING_SIGNATURES");
  });

  it("the database filter for each display status selects exactly the agreements shown with it", async () => {
    const a = await createOrganisation();
    const b = await createOrganisation();
    const parties = [{ organisationId: a.id }, { organisationId: b.id }];
    const rows = [
      await createAgreementRow({ parties, status: "ACTIVE" }),
      await createAgreementRow({ parties, status: "ACTIVE", startOffsetDays: 3 }),
      await createAgreementRow({ parties, status: "ACTIVE", startOffsetDays: -100, endOffsetDays: -1, reviewOffsetDays: -50 }),
      await createAgreementRow({ parties, status: "SUSPENDED" }),
      await createAgreementRow({ parties, status: "SUSPENDED", startOffsetDays: -100, endOffsetDays: -1, reviewOffsetDays: -50 }),
      await createAgreementRow({ parties, status: "EXPIRED", startOffsetDays: -100, endOffsetDays: -1, reviewOffsetDays: -50 }),
      await createAgreementRow({ parties, status: "REVOKED" }),
      await createAgreementRow({ parties, status: "DRAFT" }),
      await createAgreementRow({ parties, status: "AWAITING_SIGNATURES" }),
    ];
    const ids = rows.map((r) => r.id);
    const current = new Date();
    for (const status of Object.keys(DISPLAY_STATUS_LABELS) as DisplayStatus[]) {
      const selected = await prisma.agreement.findMany({ where: { AND: [displayStatusWhere(status, current), { id: { in: ids } }] }, select: { id: true } });
      const expected = rows.filter((row) => displayStatus(row, current) === status).map((row) => row.id);
      expect({ status, ids: selected.map((s) => s.id).sort() }).toEqual({ status, ids: expected.sort() });
    }
  });
});

describe("form validation", () => {
  const valid = () => ({ ...agreementTerms(), retentionMonths: "24" });

  it("accepts a single checkbox value and needs at least one of each list", () => {
    expect(termsFormSchema.safeParse({ ...valid(), fourPStrands: "PURSUE" }).success).toBe(true);
    const result = termsFormSchema.safeParse({ ...valid(), fourPStrands: undefined, dataCategories: undefined });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual(
      expect.arrayContaining([
        ["fourPStrands", "Select at least one 4P strand"],
        ["dataCategories", "Select the data categories that may be shared"],
      ]),
    );
  });

  it("rejects impossible dates, end before start, review outside the period, and Other without notes", () => {
    const issues = (input: object) => termsFormSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]) ?? [];
    expect(issues({ ...valid(), startDate: "2026-02-31" })).toContainEqual(["startDate", "Start date must be a real date"]);
    expect(issues({ ...valid(), startDate: isoDay(10), endDate: isoDay(5) })).toContainEqual(["endDate", "End date must be after the start date"]);
    expect(issues({ ...valid(), reviewDate: isoDay(900) })).toContainEqual(["reviewDate", "Review date must be after the start date and no later than the end date"]);
    expect(issues({ ...valid(), lawfulBases: ["OTHER"], lawfulBasisNotes: "" })).toContainEqual(["lawfulBasisNotes", "Explain the other lawful basis in the notes"]);
    expect(issues({ ...valid(), retentionMonths: "two years" })).toContainEqual(["retentionMonths", "Enter the retention period as a number of months"]);
  });

  it("gathers party slots, ignores blank ones, and needs two signing parties", () => {
    const org1 = "11111111-1111-4111-8111-111111111111";
    const org2 = "22222222-2222-4222-8222-222222222222";
    const form = {
      ...valid(),
      "parties.0.organisationId": org1,
      "parties.0.role": "CONTROLLER",
      "parties.0.leadName": "A",
      "parties.0.leadEmail": "A@Example.org",
      "parties.2.organisationId": org2,
      "parties.2.role": "RECIPIENT",
      "parties.2.leadName": "B",
      "parties.2.leadEmail": "b@example.org",
    };
    const recipientOnly = draftFormSchema.safeParse(form);
    expect(recipientOnly.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["parties", "At least two parties must be controllers or joint controllers, who sign the agreement"],
    ]);
    const ok = draftFormSchema.safeParse({ ...form, "parties.2.role": "JOINT_CONTROLLER" });
    expect(ok.success && ok.data.parties).toEqual([
      { organisationId: org1, role: "CONTROLLER", leadName: "A", leadEmail: "a@example.org" },
      { organisationId: org2, role: "JOINT_CONTROLLER", leadName: "B", leadEmail: "b@example.org" },
    ]);
    const duplicate = draftFormSchema.safeParse({ ...form, "parties.2.organisationId": org1, "parties.2.role": "CONTROLLER" });
    expect(duplicate.error?.issues.map((i) => i.message)).toContain("Each organisation can be a party only once");
    const half = draftFormSchema.safeParse({ ...form, "parties.3.leadName": "Someone" });
    expect(half.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["parties.3.organisationId", "parties.3.role", "parties.3.leadEmail"]));
  });

  it("a review needs an outcome from the list and a real date", () => {
    expect(reviewFormSchema.safeParse({ outcome: "CONTINUE", nextReviewDate: "2027-01-01" }).success).toBe(true);
    expect(reviewFormSchema.safeParse({ outcome: "SHRUG", nextReviewDate: "2027-01-01" }).error?.issues[0]?.message).toBe("Select the outcome of the review");
  });
});

import { describe, expect, it } from "vitest";
import { classificationWithinCeiling } from "~/modules/authorization/classification";
import { gradingCode, HANDLING_CODE, INTELLIGENCE_ASSESSMENT, SOURCE_EVALUATION } from "./labels";
import { cleanText, hasControlCharacters } from "./text";
import {
  agreementProblem,
  canChangeStatus,
  impliedDataCategories,
  reviewDueDate,
  statusChangeProblem,
  submissionReference,
} from "./workflow";

describe("3x5x2 grading", () => {
  it("has three source evaluations, five assessments and two handling codes, each explained", () => {
    expect(Object.values(SOURCE_EVALUATION).map((s) => s.code)).toEqual(["1", "2", "3"]);
    expect(Object.keys(INTELLIGENCE_ASSESSMENT)).toEqual(["A", "B", "C", "D", "E"]);
    expect(Object.keys(HANDLING_CODE)).toEqual(["P", "C"]);
    expect(SOURCE_EVALUATION.RELIABLE.label).toMatch(/Reliable/);
    expect(INTELLIGENCE_ASSESSMENT.B.label).toBe("B – Known indirectly to the source but corroborated");
    expect(INTELLIGENCE_ASSESSMENT.E.label).toBe("E – Suspected to be false");
    expect(HANDLING_CODE.C.label).toMatch(/conditions/);
    for (const grade of [...Object.values(SOURCE_EVALUATION), ...Object.values(INTELLIGENCE_ASSESSMENT), ...Object.values(HANDLING_CODE)]) {
      expect(grade.hint.length).toBeGreaterThan(10);
    }
  });

  it("reads as 1/B/P", () => {
    expect(gradingCode("RELIABLE", "B", "P")).toBe("1/B/P");
    expect(gradingCode(null, null, null)).toBe("?/?/?");
  });
});

describe("status flow", () => {
  it("allows only the defined transitions", () => {
    expect(canChangeStatus("RECEIVED", "BEING_ASSESSED")).toBe(true);
    expect(canChangeStatus("RECEIVED", "ACTIONED")).toBe(false);
    expect(canChangeStatus("CLOSED", "BEING_ASSESSED")).toBe(true);
    expect(canChangeStatus("ACTIONED", "RECEIVED")).toBe(false);
    expect(canChangeStatus("BEING_ASSESSED", "DRAFT")).toBe(false);
  });

  it("needs a threat to be actioned and a reason to close what was not actioned", () => {
    const s = { status: "BEING_ASSESSED" as const, threatId: null, noFurtherActionReason: null };
    expect(statusChangeProblem(s, "ACTIONED")).toMatch(/threat/);
    expect(statusChangeProblem({ ...s, threatId: "t" }, "ACTIONED")).toBeNull();
    expect(statusChangeProblem(s, "CLOSED")).toMatch(/no further action/);
    expect(statusChangeProblem({ ...s, status: "ACTIONED" }, "CLOSED")).toBeNull();
    expect(statusChangeProblem(s, "DRAFT")).toMatch(/cannot be moved/);
  });
});

describe("agreements and categories", () => {
  it("derives the categories a submission carries from its content", () => {
    expect(
      impliedDataCategories({ narrative: "x", locationDescription: null, postcode: "TF3 4NT", entityKinds: ["PERSON", "VEHICLE", "PHONE", "ORGANISATION"] }).sort(),
    ).toEqual(["ADDRESSES_AND_LOCATIONS", "COMMUNICATIONS_IDENTIFIERS", "INTELLIGENCE_NARRATIVE", "PERSON_IDENTIFIERS", "VEHICLES"]);
  });

  it("checks the classification ceiling and every category", () => {
    expect(classificationWithinCeiling("OFFICIAL", "OFFICIAL")).toBe(true);
    expect(classificationWithinCeiling("OFFICIAL_SENSITIVE", "OFFICIAL")).toBe(false);
    expect(classificationWithinCeiling("OFFICIAL_SENSITIVE", "OFFICIAL_SENSITIVE")).toBe(true);
    const agreement = { classificationCeiling: "OFFICIAL" as const, dataCategories: ["INTELLIGENCE_NARRATIVE" as const] };
    expect(agreementProblem(agreement, { classification: "OFFICIAL", dataCategories: ["INTELLIGENCE_NARRATIVE"] })).toBeNull();
    expect(agreementProblem(agreement, { classification: "OFFICIAL_SENSITIVE", dataCategories: ["INTELLIGENCE_NARRATIVE"] })).toMatch(/OFFICIAL-SENSITIVE/);
    expect(agreementProblem(agreement, { classification: "OFFICIAL", dataCategories: ["VEHICLES"] })).toMatch(/data categories/);
  });

  it("makes references and review dates", () => {
    expect(submissionReference(2026, 123)).toBe("INT-2026-000123");
    expect(reviewDueDate(new Date("2026-01-31T12:00:00Z"), 24).toISOString()).toBe("2028-01-31T12:00:00.000Z");
  });
});

describe("free text", () => {
  it("normalises to NFC, evens line endings and trims", () => {
    expect(cleanText("  Sia\u0302n\r\nline two\r ")).toBe("Siân\nline two");
  });

  it("spots NUL and other control characters but allows tabs and new lines", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\u0007b")).toBe(true);
    expect(hasControlCharacters("a\tb\nc")).toBe(false);
  });
});

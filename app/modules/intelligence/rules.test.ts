import { describe, expect, it } from "vitest";
import { classificationWithinCeiling } from "~/modules/authorization/classification";
import { formatUkDateTime, ukLocalToUtc, utcToUkLocal } from "./dates";
import { summariseEntities, entityRows } from "./entities";
import { gradingCode, HANDLING_CODE, INTELLIGENCE_ASSESSMENT, SOURCE_EVALUATION } from "./labels";
import { decodeCursor, encodeCursor } from "./paging";
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

describe("UK dates", () => {
  it("converts UK local time to UTC in winter and summer", () => {
    expect(ukLocalToUtc("2026-01-15", "14:30")?.toISOString()).toBe("2026-01-15T14:30:00.000Z");
    expect(ukLocalToUtc("2026-07-15", "14:30")?.toISOString()).toBe("2026-07-15T13:30:00.000Z");
    expect(utcToUkLocal(new Date("2026-07-15T13:30:00Z"))).toEqual({ date: "2026-07-15", time: "14:30" });
    expect(formatUkDateTime(new Date("2026-07-15T13:30:00Z"))).toBe("15 July 2026 at 14:30");
  });

  it("refuses impossible dates and times", () => {
    expect(ukLocalToUtc("2026-02-30", null)).toBeNull();
    expect(ukLocalToUtc("2026-13-01", null)).toBeNull();
    expect(ukLocalToUtc("2026-01-01", "25:00")).toBeNull();
    expect(ukLocalToUtc("yesterday", null)).toBeNull();
  });
});

describe("keyset cursors", () => {
  it("round-trips and refuses tampering", () => {
    const cursor = { r: 3, t: "2026-01-01T00:00:00.000Z", id: "0b6a1a4e-6a4c-4f5e-9d0c-2f1d9b8a7c6e" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ t: "x", id: "y" })).toString("base64url"))).toBeNull();
  });
});

describe("entities", () => {
  it("stores a person with a nickname as two matchable rows shown as one", () => {
    const rows = entityRows({ kind: "PERSON", data: { name: "Kyle Marsh", nickname: "Tiny", dateOfBirth: "2001-02-03", ageRange: null } }, "g1");
    expect(rows.map((r) => r.normalisedValue)).toEqual(["KYLE MARSH", "NICKNAME:TINY"]);
    const summary = summariseEntities(rows.map((r, i) => ({ ...r, id: `id${i}` })));
    expect(summary).toHaveLength(1);
    expect(summary[0]!.value).toBe("Kyle Marsh");
    expect(summary[0]!.facts).toEqual(["Known as: Tiny", "Date of birth: 03/02/2001"]);
  });
});

import { describe, expect, it } from "vitest";
import { zodFieldErrors } from "~/utils/forms.server";
import {
  addressSchema,
  agreementChoiceSchema,
  assessmentSchema,
  createThreatSchema,
  feedbackSchema,
  gradingSchema,
  handleSchema,
  noFurtherActionSchema,
  organisationEntitySchema,
  personSchema,
  phoneSchema,
  sanitisedDecisionSchema,
  sanitisedSchema,
  sharingSchema,
  vehicleSchema,
  whatSchema,
  whereSchema,
} from "./forms";
import type { z } from "zod";

/** Every field's messages, as the page would show them beside the field. */
function errorsOf(schema: z.ZodType, values: Record<string, unknown>) {
  const result = schema.safeParse(values);
  return result.success ? {} : zodFieldErrors(result.error);
}

const AREA = "0b6a1a4e-6a4c-4f5e-9d0c-2f1d9b8a7c6e";

describe("what", () => {
  it("requires a threat type from the list and a narrative", () => {
    expect(errorsOf(whatSchema, {})).toEqual({
      threatType: "Select the type of serious and organised crime",
      narrative: "Describe what you know",
    });
    expect(errorsOf(whatSchema, { threatType: "BANK_HEIST", narrative: "x" })).toEqual({ threatType: "Select the type of serious and organised crime" });
    expect(errorsOf(whatSchema, { threatType: "COUNTY_LINES", narrative: "   " })).toEqual({ narrative: "Describe what you know" });
  });

  it("limits very long text with a clear message", () => {
    expect(errorsOf(whatSchema, { threatType: "COUNTY_LINES", narrative: "a".repeat(10_001) })).toEqual({
      narrative: "What you know must be 10,000 characters or fewer",
    });
    expect(whatSchema.safeParse({ threatType: "COUNTY_LINES", narrative: "a".repeat(10_000) }).success).toBe(true);
  });

  it("counts characters, not UTF-16 units, so emoji are not double-counted", () => {
    expect(whatSchema.safeParse({ threatType: "COUNTY_LINES", narrative: "🚗".repeat(10_000) }).success).toBe(true);
  });

  it("refuses NUL bytes and control characters with a message", () => {
    expect(errorsOf(whatSchema, { threatType: "COUNTY_LINES", narrative: "seen\u0000 here" })).toEqual({
      narrative: "What you know contains hidden control characters (such as null bytes): remove them and try again",
    });
  });

  it("keeps HTML and script as plain text, and normalises odd unicode to NFC", () => {
    const parsed = whatSchema.parse({ threatType: "COUNTY_LINES", narrative: "<script>alert(1)</script> Sia\u0302n\r\n" });
    expect(parsed.narrative).toBe("<script>alert(1)</script> Siân");
    expect(parsed.narrative.normalize("NFC")).toBe(parsed.narrative);
  });
});

describe("where and when", () => {
  const good = { areaId: AREA, observedFromDate: "2026-01-10" };

  it("requires an area and a date, and validates the postcode", () => {
    expect(errorsOf(whereSchema, {})).toMatchObject({ areaId: "Select the area", observedFromDate: "Enter the date it was seen or happened" });
    expect(errorsOf(whereSchema, { ...good, postcode: "NOT A POSTCODE" })).toEqual({ postcode: "Enter a real UK postcode, like TF3 4NT" });
    expect(whereSchema.parse({ ...good, postcode: "tf34nt" }).postcode).toBe("TF3 4NT");
  });

  it("refuses future dates, impossible dates, bad times and periods that end before they start", () => {
    expect(errorsOf(whereSchema, { ...good, observedFromDate: "2999-01-01" })).toEqual({ observedFromDate: "The date it was seen must be today or in the past" });
    expect(errorsOf(whereSchema, { ...good, observedFromDate: "2026-02-30" })).toEqual({ observedFromDate: "Date it was seen or happened must be a real date" });
    expect(errorsOf(whereSchema, { ...good, observedFromTime: "25:61" })).toEqual({ observedFromTime: "Enter a time in 24-hour format, for example 14:30" });
    expect(errorsOf(whereSchema, { ...good, observedToDate: "2026-01-01" })).toEqual({ observedToDate: "The end of the period must be after its start" });
    expect(errorsOf(whereSchema, { ...good, observedToTime: "10:00" })).toEqual({ observedToDate: "Enter the date the period ended" });
  });

  it("reads the dates from GOV.UK date inputs, with the error on the date that is wrong", () => {
    const typed = (day: string, month: string, year: string) => ({ day, month, year });
    expect(whereSchema.parse({ areaId: AREA, observedFromDate: typed("5", "Jan", "2026") }).observedFrom.toISOString()).toBe("2026-01-05T00:00:00.000Z");
    expect(errorsOf(whereSchema, { areaId: AREA, observedFromDate: typed("31", "2", "2026") })).toEqual({ observedFromDate: "Date it was seen or happened must be a real date" });
    expect(errorsOf(whereSchema, { areaId: AREA, observedFromDate: typed("10", "", "2026") })).toEqual({ observedFromDate: "Date it was seen or happened must include a month" });
    expect(errorsOf(whereSchema, { ...good, observedToDate: typed("1", "13", "2026") })).toEqual({ observedToDate: "Date the period ended must be a real date" });
    expect(whereSchema.parse({ ...good, observedToDate: typed("", "", "") }).observedTo).toBeNull();
  });

  it("limits the location and converts UK times to UTC", () => {
    expect(errorsOf(whereSchema, { ...good, locationDescription: "x".repeat(501) })).toEqual({
      locationDescription: "Address or place must be 500 characters or fewer",
    });
    const parsed = whereSchema.parse({ ...good, observedFromDate: "2025-07-01", observedFromTime: "09:15", observedToDate: "2025-07-02" });
    expect(parsed.observedFrom.toISOString()).toBe("2025-07-01T08:15:00.000Z");
    expect(parsed.observedTo?.toISOString()).toBe("2025-07-01T23:00:00.000Z");
  });
});

describe("grading", () => {
  it("requires all three parts of 3x5x2", () => {
    expect(errorsOf(gradingSchema, {})).toEqual({
      sourceEvaluation: "Select how reliable the source is",
      intelligenceAssessment: "Select how the source knows this",
      handlingCode: "Select a handling code",
    });
  });

  it("requires conditions for handling code C and drops them for P", () => {
    const base = { sourceEvaluation: "RELIABLE", intelligenceAssessment: "A" };
    expect(errorsOf(gradingSchema, { ...base, handlingCode: "C" })).toEqual({ handlingConditions: "Enter the conditions that apply to sharing" });
    expect(gradingSchema.parse({ ...base, handlingCode: "C", handlingConditions: "Do not disclose" }).handlingConditions).toBe("Do not disclose");
    expect(gradingSchema.parse({ ...base, handlingCode: "P", handlingConditions: "left over" }).handlingConditions).toBeNull();
    expect(errorsOf(gradingSchema, { ...base, handlingCode: "C", handlingConditions: "x".repeat(2001) })).toEqual({
      handlingConditions: "Handling conditions must be 2,000 characters or fewer",
    });
  });
});

describe("sharing and agreement", () => {
  it("requires a classification and at least one category from the list", () => {
    expect(errorsOf(sharingSchema, {})).toEqual({
      classification: "Select the classification",
      dataCategories: "Select the categories of information in your submission",
    });
    expect(errorsOf(sharingSchema, { classification: "SECRET", dataCategories: "VEHICLES" })).toEqual({ classification: "Select the classification" });
    expect(sharingSchema.parse({ classification: "OFFICIAL", dataCategories: "VEHICLES" }).dataCategories).toEqual(["VEHICLES"]);
    expect(sharingSchema.safeParse({ classification: "OFFICIAL", dataCategories: ["MADE_UP"] }).success).toBe(false);
  });

  it("requires an agreement id", () => {
    expect(errorsOf(agreementChoiceSchema, { agreementId: "'; DROP TABLE" })).toEqual({ agreementId: "Select the agreement you are sharing under" });
  });
});

describe("entities", () => {
  it("needs a person's name or nickname, and a real past date of birth", () => {
    expect(errorsOf(personSchema, {})).toEqual({ name: "Enter the person's name or a nickname they are known by" });
    expect(personSchema.safeParse({ nickname: "Tiny" }).success).toBe(true);
    expect(errorsOf(personSchema, { name: "A", dateOfBirth: "2999-01-01" })).toEqual({ dateOfBirth: "Date of birth must be in the past" });
    expect(errorsOf(personSchema, { name: "A", dateOfBirth: "2001-02-31" })).toEqual({ dateOfBirth: "Date of birth must be a real date" });
    expect(errorsOf(personSchema, { name: "A", dateOfBirth: { day: "29", month: "2", year: "2001" } })).toEqual({ dateOfBirth: "Date of birth must be a real date" });
    expect(errorsOf(personSchema, { name: "A", dateOfBirth: { day: "3", month: "4", year: "" } })).toEqual({ dateOfBirth: "Date of birth must include a year" });
    expect(personSchema.parse({ name: "A", dateOfBirth: { day: "3", month: "4", year: "1990" } }).dateOfBirth).toBe("1990-04-03");
    expect(personSchema.parse({ name: "A", dateOfBirth: { day: "", month: "", year: "" } }).dateOfBirth).toBeNull();
    expect(errorsOf(personSchema, { name: "A", ageRange: "about 40" })).toEqual({ ageRange: "Select an age range from the list" });
    expect(errorsOf(personSchema, { name: "x".repeat(201) })).toEqual({ name: "Name must be 200 characters or fewer" });
  });

  it("validates registrations, phones, handles, addresses and organisations", () => {
    expect(errorsOf(vehicleSchema, {})).toEqual({ registration: "Enter the vehicle registration" });
    expect(errorsOf(vehicleSchema, { registration: "!!" })).toEqual({ registration: "Enter a registration of letters and numbers, like AB12 CDE" });
    expect(errorsOf(phoneSchema, { phone: "12345" })).toEqual({ phone: "Enter a phone number, like 07700 900982 or +44 7700 900982" });
    expect(errorsOf(handleSchema, { handle: "two words" })).toEqual({ handle: "Enter the handle without spaces, like @example_user" });
    expect(errorsOf(addressSchema, { address: "", postcode: "XX" })).toEqual({ address: "Enter the address", postcode: "Enter a real UK postcode, like TF3 4NT" });
    expect(errorsOf(organisationEntitySchema, { name: "\u0000" })).toEqual({
      name: "Organisation name contains hidden control characters (such as null bytes): remove them and try again",
    });
  });
});

describe("triage forms", () => {
  it("requires a full re-grade and a risk level from 1 to 5", () => {
    expect(errorsOf(assessmentSchema, { riskLevel: "9" })).toEqual({
      analystSourceEvaluation: "Select your source evaluation",
      analystIntelligenceAssessment: "Select your intelligence assessment",
      analystHandlingCode: "Select your handling code",
      riskLevel: "Select a risk level",
    });
    expect(assessmentSchema.parse({ analystSourceEvaluation: "UNTESTED", analystIntelligenceAssessment: "C", analystHandlingCode: "P", riskLevel: "3" }).riskLevel).toBe(3);
  });

  it("requires reasons, text and feedback", () => {
    expect(errorsOf(noFurtherActionSchema, {})).toEqual({ reason: "Enter why no further action is needed" });
    expect(errorsOf(sanitisedSchema, { text: " " })).toEqual({ text: "Enter the sanitised version" });
    expect(errorsOf(feedbackSchema, { message: "x".repeat(2001) })).toEqual({ message: "Feedback must be 2,000 characters or fewer" });
    expect(errorsOf(sanitisedDecisionSchema, { sanitisedId: AREA, decision: "reject" })).toEqual({ decisionNote: "Enter why the sanitised version is rejected" });
    expect(errorsOf(createThreatSchema, { threatType: "FRAUD" })).toEqual({
      title: "Enter a title for the threat",
      areaIds: "Select at least one area",
      leadAnalystId: "Select the lead analyst",
    });
  });
});

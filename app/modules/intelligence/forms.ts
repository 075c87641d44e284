import { z } from "zod";
import {
  Classification,
  DataCategory,
  HandlingCode,
  IntelligenceAssessment,
  SourceEvaluation,
  SubmissionStatus,
  ThreatType,
} from "~/generated/prisma/enums";
import { ukLocalToUtc } from "~/utils/dates";
import { dateInput, optionalDateInput } from "~/utils/date-input";
import { AGE_RANGES } from "./labels";
import { formatPostcode, formatRegistration, normaliseHandle, normalisePhone, normaliseRegistration } from "./normalise";
import { optionalText, requiredText, TEXT_LIMITS } from "./text";
import { clock } from "~/utils/clock";

/**
 * The zod schemas of every intelligence form: the boundary where typed text becomes data.
 * Messages follow the GOV.UK style ("Enter …", "Select …") and sit beside the field.
 */

const uuid = (message: string) => z.string({ error: message }).uuid(message);
const choice = <T extends Record<string, string>>(values: T, message: string) =>
  z.enum(values, { error: message });

const optionalTime = z
  .string()
  .default("")
  .transform((v) => v.trim())
  .refine((v) => v === "" || /^([01]?\d|2[0-3]):[0-5]\d$/.test(v), "Enter a time in 24-hour format, for example 14:30")
  .transform((v) => (v === "" ? null : v));

const optionalPostcode = z
  .string()
  .default("")
  .transform((v) => v.trim())
  .refine((v) => v === "" || formatPostcode(v) !== null, "Enter a real UK postcode, like TF3 4NT")
  .transform((v) => (v === "" ? null : formatPostcode(v)));

// ─── Partner submission: question pages ──────────────────────────────────────

export const whatSchema = z.object({
  threatType: choice(ThreatType, "Select the type of serious and organised crime"),
  narrative: requiredText("What you know", TEXT_LIMITS.narrative, "Describe what you know"),
});

export const whereSchema = z
  .object({
    areaId: uuid("Select the area"),
    locationDescription: optionalText("Address or place", TEXT_LIMITS.location),
    postcode: optionalPostcode,
    observedFromDate: dateInput("Date it was seen or happened"),
    observedFromTime: optionalTime,
    observedToDate: optionalDateInput("Date the period ended"),
    observedToTime: optionalTime,
  })
  .transform((form, ctx) => {
    const observedFrom = ukLocalToUtc(form.observedFromDate, form.observedFromTime);
    if (!observedFrom) {
      ctx.addIssue({ code: "custom", path: ["observedFromDate"], message: "Enter a real date" });
      return z.NEVER;
    }
    if (observedFrom.getTime() > clock.now().getTime() + 5 * 60_000) {
      ctx.addIssue({ code: "custom", path: ["observedFromDate"], message: "The date it was seen must be today or in the past" });
      return z.NEVER;
    }
    let observedTo: Date | null = null;
    if (form.observedToDate) {
      observedTo = ukLocalToUtc(form.observedToDate, form.observedToTime);
      if (!observedTo) {
        ctx.addIssue({ code: "custom", path: ["observedToDate"], message: "Enter a real date" });
        return z.NEVER;
      }
      if (observedTo < observedFrom) {
        ctx.addIssue({ code: "custom", path: ["observedToDate"], message: "The end of the period must be after its start" });
        return z.NEVER;
      }
    } else if (form.observedToTime) {
      ctx.addIssue({ code: "custom", path: ["observedToDate"], message: "Enter the date the period ended" });
      return z.NEVER;
    }
    return {
      areaId: form.areaId,
      locationDescription: form.locationDescription,
      postcode: form.postcode,
      observedFrom,
      observedTo,
    };
  });

export const gradingSchema = z
  .object({
    sourceEvaluation: choice(SourceEvaluation, "Select how reliable the source is"),
    intelligenceAssessment: choice(IntelligenceAssessment, "Select how the source knows this"),
    handlingCode: choice(HandlingCode, "Select a handling code"),
    handlingConditions: optionalText("Handling conditions", TEXT_LIMITS.conditions),
  })
  .superRefine((form, ctx) => {
    if (form.handlingCode === "C" && !form.handlingConditions) {
      ctx.addIssue({ code: "custom", path: ["handlingConditions"], message: "Enter the conditions that apply to sharing" });
    }
  })
  // Conditions belong to code C only: a P-coded report carries none.
  .transform((form) => ({ ...form, handlingConditions: form.handlingCode === "C" ? form.handlingConditions : null }));

const categories = z
  .union([z.array(z.enum(DataCategory)), z.enum(DataCategory)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const sharingSchema = z.object({
  classification: choice(Classification, "Select the classification"),
  dataCategories: categories.refine((v) => v.length > 0, "Select the categories of information in your submission"),
});

export const agreementChoiceSchema = z.object({
  agreementId: uuid("Select the agreement you are sharing under"),
});

// ─── Entities ────────────────────────────────────────────────────────────────

const short = (label: string) => optionalText(label, TEXT_LIMITS.short);

export const personSchema = z
  .object({
    name: short("Name"),
    nickname: short("Nickname"),
    dateOfBirth: optionalDateInput("Date of birth").transform((v) => v ?? null),
    ageRange: z
      .string()
      .default("")
      .refine((v) => v === "" || (AGE_RANGES as readonly string[]).includes(v), "Select an age range from the list")
      .transform((v) => (v === "" ? null : v)),
  })
  .superRefine((form, ctx) => {
    if (!form.name && !form.nickname) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Enter the person's name or a nickname they are known by" });
    }
    if (form.dateOfBirth) {
      const born = ukLocalToUtc(form.dateOfBirth, null);
      if (!born) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "Enter a real date of birth" });
      else if (born.getTime() > clock.now().getTime()) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "Date of birth must be in the past" });
      else if (born.getUTCFullYear() < 1900) ctx.addIssue({ code: "custom", path: ["dateOfBirth"], message: "Date of birth must be after 1900" });
    }
  });

export const vehicleSchema = z.object({
  // Kept as shown on a plate (formatRegistration), as postcodes are, so "ab12 cde" reads "AB12 CDE".
  registration: requiredText("Registration", 20, "Enter the vehicle registration")
    .refine((v) => normaliseRegistration(v) !== null, "Enter a registration of letters and numbers, like AB12 CDE")
    .transform((v) => formatRegistration(v) ?? v),
  make: short("Make and model"),
  colour: short("Colour"),
});

export const addressSchema = z.object({
  address: requiredText("Address", TEXT_LIMITS.location, "Enter the address"),
  postcode: optionalPostcode,
});

export const phoneSchema = z.object({
  phone: requiredText("Phone number", 30, "Enter the phone number").refine(
    (v) => normalisePhone(v) !== null,
    "Enter a phone number, like 07700 900982 or +44 7700 900982",
  ),
});

export const handleSchema = z.object({
  handle: requiredText("Handle", 100, "Enter the online handle or username").refine(
    (v) => normaliseHandle(v) !== null,
    "Enter the handle without spaces, like @example_user",
  ),
  platform: short("Platform"),
});

export const organisationEntitySchema = z.object({
  name: requiredText("Organisation name", TEXT_LIMITS.short, "Enter the name of the organisation or business"),
});

// ─── Triage ──────────────────────────────────────────────────────────────────

export const assessmentSchema = z.object({
  analystSourceEvaluation: choice(SourceEvaluation, "Select your source evaluation"),
  analystIntelligenceAssessment: choice(IntelligenceAssessment, "Select your intelligence assessment"),
  analystHandlingCode: choice(HandlingCode, "Select your handling code"),
  riskLevel: z.coerce
    .number({ error: "Select a risk level" })
    .int("Select a risk level")
    .min(1, "Select a risk level")
    .max(5, "Select a risk level"),
  analystNotes: optionalText("Analyst notes", TEXT_LIMITS.narrative),
});

export const statusChangeSchema = z.object({
  status: choice(SubmissionStatus, "Select the new status"),
});

export const linkThreatSchema = z.object({ threatId: uuid("Select a threat") });

const areaIds = z
  .union([z.array(z.string().uuid()), z.string().uuid()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .refine((v) => v.length > 0, "Select at least one area");

export const createThreatSchema = z.object({
  title: requiredText("Title", TEXT_LIMITS.short, "Enter a title for the threat"),
  threatType: choice(ThreatType, "Select the type of threat"),
  areaIds,
  leadAnalystId: uuid("Select the lead analyst"),
  summary: optionalText("Summary", TEXT_LIMITS.reason),
});

export const noFurtherActionSchema = z.object({
  reason: requiredText("Reason", TEXT_LIMITS.reason, "Enter why no further action is needed"),
});

export const sanitisedSchema = z.object({
  text: requiredText("Sanitised version", TEXT_LIMITS.narrative, "Enter the sanitised version"),
});

export const sanitisedDecisionSchema = z
  .object({
    sanitisedId: uuid("Select a sanitised report"),
    decision: z.enum(["approve", "reject"], { error: "Select approve or reject" }),
    decisionNote: optionalText("Reason", TEXT_LIMITS.reason),
  })
  .superRefine((form, ctx) => {
    if (form.decision === "reject" && !form.decisionNote) {
      ctx.addIssue({ code: "custom", path: ["decisionNote"], message: "Enter why the sanitised version is rejected" });
    }
  });

export const feedbackSchema = z.object({
  message: requiredText("Feedback", TEXT_LIMITS.feedback, "Enter the feedback for the partner"),
});

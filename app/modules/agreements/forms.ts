import { z } from "zod";
import { PartyRole } from "~/generated/prisma/enums";
import type { FormValues } from "~/utils/forms.server";
import { dateInput } from "~/utils/date-input";
import { REVIEW_OUTCOMES, type ReviewOutcome } from "./labels";
import { partyMustSign } from "./status";
import { agreementTermsSchema, type AgreementTerms } from "./terms";

/**
 * The agreement forms' boundaries. Browsers send one checkbox as a single value and none as
 * nothing, so multi-choice fields are normalised to arrays before the terms schema sees them;
 * dates (GOV.UK date inputs) are checked to be real days and in a sensible order.
 */
const asArray = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

export const termsFormSchema = agreementTermsSchema
  .extend({
    fourPStrands: z.preprocess(asArray, agreementTermsSchema.shape.fourPStrands),
    lawfulBases: z.preprocess(asArray, agreementTermsSchema.shape.lawfulBases),
    dataCategories: z.preprocess(asArray, agreementTermsSchema.shape.dataCategories),
    classificationCeiling: z.enum(agreementTermsSchema.shape.classificationCeiling.enum, {
      error: "Select the highest classification that may be shared",
    }),
    dpiaStatus: z.enum(agreementTermsSchema.shape.dpiaStatus.enum, { error: "Select the DPIA status" }),
    retentionMonths: z.coerce
      .number({ error: "Enter the retention period as a number of months" })
      .int("Enter the retention period as a whole number of months")
      .min(1, "Retention must be at least 1 month")
      .max(1200, "Retention must be 1200 months or fewer"),
    startDate: dateInput("Start date"),
    endDate: dateInput("End date"),
    reviewDate: dateInput("Review date"),
  })
  .superRefine((terms, ctx) => {
    if (terms.endDate <= terms.startDate) {
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "End date must be after the start date" });
    }
    if (terms.reviewDate <= terms.startDate || terms.reviewDate > terms.endDate) {
      ctx.addIssue({ code: "custom", path: ["reviewDate"], message: "Review date must be after the start date and no later than the end date" });
    }
    if (terms.lawfulBases.includes("OTHER") && !terms.lawfulBasisNotes) {
      ctx.addIssue({ code: "custom", path: ["lawfulBasisNotes"], message: "Explain the other lawful basis in the notes" });
    }
  });

/** Parties are entered in fixed slots; empty slots are ignored. */
export const PARTY_SLOTS = 5;

export interface PartyInput {
  organisationId: string;
  role: PartyRole;
  leadName: string;
  leadEmail: string;
}

const partySlotSchema = z.object({
  organisationId: z.string().trim(),
  role: z.string().trim(),
  leadName: z.string().trim().max(200, "Lead name must be 200 characters or fewer"),
  leadEmail: z.string().trim().max(254, "Lead email must be 254 characters or fewer"),
});

const partiesSchema = z
  .array(partySlotSchema)
  .superRefine((slots, ctx) => {
    const chosen = new Set<string>();
    slots.forEach((slot, index) => {
      const blank = !slot.organisationId && !slot.role && !slot.leadName && !slot.leadEmail;
      if (blank) return;
      const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: [index, field], message });
      if (!z.uuid().safeParse(slot.organisationId).success) at("organisationId", "Select the organisation");
      else if (chosen.has(slot.organisationId)) at("organisationId", "Each organisation can be a party only once");
      else chosen.add(slot.organisationId);
      if (!(slot.role in PartyRole)) at("role", "Select the party's role");
      if (!slot.leadName) at("leadName", "Enter the name of the party's lead");
      if (!z.email().safeParse(slot.leadEmail).success) at("leadEmail", "Enter the lead's email address in the correct format, like name@example.org");
    });
  })
  .transform((slots): PartyInput[] =>
    slots
      .filter((slot) => slot.organisationId || slot.role || slot.leadName || slot.leadEmail)
      .map((slot) => ({ ...slot, leadEmail: slot.leadEmail.toLowerCase(), role: slot.role as PartyRole })),
  )
  .superRefine((parties, ctx) => {
    if (parties.length < 2) {
      ctx.addIssue({ code: "custom", message: "Add at least two parties" });
    } else if (parties.filter((p) => partyMustSign(p.role)).length < 2) {
      ctx.addIssue({ code: "custom", message: "At least two parties must be controllers or joint controllers, who sign the agreement" });
    }
  });

/** Gathers `parties.<n>.<field>` form fields into slots. */
function partySlots(values: FormValues) {
  return Array.from({ length: PARTY_SLOTS }, (_, index) => {
    const read = (field: string) => {
      const value = values[`parties.${index}.${field}`];
      return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
    };
    return { organisationId: read("organisationId"), role: read("role"), leadName: read("leadName"), leadEmail: read("leadEmail") };
  });
}

export const draftFormSchema = z.preprocess(
  (values) => ({ ...(values as FormValues), parties: partySlots(values as FormValues) }),
  z.intersection(termsFormSchema, z.object({ parties: partiesSchema })),
);

export type DraftInput = { terms: AgreementTerms; parties: PartyInput[] };

export function splitDraft(data: z.infer<typeof draftFormSchema>): DraftInput {
  const { parties, ...terms } = data;
  return { terms: agreementTermsSchema.parse(terms), parties };
}

export const amendFormSchema = z.intersection(
  termsFormSchema,
  z.object({
    changeSummary: z
      .string({ error: "Describe what this amendment changes and why" })
      .trim()
      .min(1, "Describe what this amendment changes and why")
      .max(2000, "Change summary must be 2000 characters or fewer"),
  }),
);

export const reasonFormSchema = z.object({
  reason: z
    .string({ error: "Enter the reason" })
    .trim()
    .min(1, "Enter the reason")
    .max(2000, "Reason must be 2000 characters or fewer"),
});

export const signFormSchema = z.object({
  versionNumber: z.coerce.number().int().min(1),
  confirm: z.literal("yes", { error: "Confirm that you are authorised to sign for your organisation" }),
});

export const reviewFormSchema = z.object({
  outcome: z.enum(Object.keys(REVIEW_OUTCOMES) as [ReviewOutcome, ...ReviewOutcome[]], { error: "Select the outcome of the review" }),
  notes: z.string().trim().max(5000, "Notes must be 5000 characters or fewer").default(""),
  nextReviewDate: dateInput("Date of the next review"),
});

/**
 * What an agreement form's action returns when it cannot proceed: messages keyed by field and the
 * values as typed. (Returned with `data(..., { status })`; named here so pages can type it.)
 */
export interface FormActionData {
  errors: Record<string, string>;
  values: FormValues;
}

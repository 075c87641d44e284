import { z } from "zod";
import {
  AssessmentConfidence,
  Classification,
  EntityKind,
  PersonPart,
  ThreatKind,
  ThreatPriority,
  ThreatStatus,
  ThreatType,
  VulnerabilityFlag,
} from "~/generated/prisma/enums";
import { optionalText, requiredText, TEXT_LIMITS } from "~/modules/intelligence/text";
import { formTokenSchema } from "~/utils/form-token.server";
import { optionalQuery, queryFlag } from "~/utils/input";
import { dateColumn, seekCursorFields } from "~/utils/keyset";

/**
 * The zod schemas of the threat forms and the list's query string. Messages follow the GOV.UK
 * style ("Enter …", "Select …") and sit beside the field.
 */

const uuid = (message: string) => z.string({ error: message }).uuid(message);
const choice = <T extends Record<string, string>>(values: T, message: string) => z.enum(values, { error: message });

/** Checkbox values: absent is [], one box is a string, several an array. */
function checkboxes<T extends z.ZodType<string>>(item: T) {
  return z
    .union([z.array(item), item])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
}

const areaIds = checkboxes(z.string().uuid("Select areas from the list")).refine((v) => v.length > 0, "Select at least one area");

export const threatFormSchema = z.object({
  title: requiredText("Title", TEXT_LIMITS.short, "Enter a title for the threat"),
  kind: choice(ThreatKind, "Select what kind of threat this is"),
  threatType: choice(ThreatType, "Select the type of threat"),
  areaIds,
  leadAnalystId: uuid("Select the lead analyst"),
  classification: choice(Classification, "Select the classification"),
  summary: optionalText("Summary", TEXT_LIMITS.narrative),
});

export type ThreatFormData = z.infer<typeof threatFormSchema>;

export const newThreatFormSchema = threatFormSchema.extend({ formToken: formTokenSchema });

export const statusFormSchema = z.object({
  status: choice(ThreatStatus, "Select the new status"),
  reason: requiredText("Reason", TEXT_LIMITS.reason, "Enter why the status is changing"),
});

const scale = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .regex(/^\d$/, message)
    .transform(Number)
    .refine((v) => v >= min && v <= max, message);

export const scoreFormSchema = z.object({
  harmPhysical: scale(0, 4, "Select the physical harm"),
  harmPsychological: scale(0, 4, "Select the psychological harm"),
  harmFinancial: scale(0, 4, "Select the financial harm"),
  harmCommunity: scale(0, 4, "Select the community and environmental harm"),
  harmVictimVulnerability: scale(0, 4, "Select the vulnerability of victims"),
  likelihood: scale(1, 4, "Select the likelihood"),
  capacity: scale(1, 4, "Select the force's capacity"),
  capability: scale(1, 4, "Select the force's capability"),
  confidence: choice(AssessmentConfidence, "Select your confidence in this assessment"),
  reason: requiredText("Reason", TEXT_LIMITS.reason, "Enter why you are scoring the threat now"),
  formToken: formTokenSchema,
});

export type ScoreFormData = z.infer<typeof scoreFormSchema>;

const entityFields = {
  part: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PersonPart, { error: "Select the person's part" }).optional()),
  vulnerabilityFlags: checkboxes(z.enum(VulnerabilityFlag, { error: "Select flags from the list" })),
  notes: optionalText("Notes", TEXT_LIMITS.reason),
};

/** Only a person has a part and vulnerability flags; a person must have a part. */
function personRules(form: { kind: EntityKind; part?: PersonPart; vulnerabilityFlags: VulnerabilityFlag[] }, ctx: z.RefinementCtx) {
  if (form.kind === "PERSON" && !form.part) ctx.addIssue({ code: "custom", path: ["part"], message: "Select the person's part" });
  if (form.kind !== "PERSON" && (form.part || form.vulnerabilityFlags.length > 0))
    ctx.addIssue({ code: "custom", path: ["part"], message: "Only a person has a part or vulnerability flags" });
}

export const addEntitySchema = z
  .object({
    kind: choice(EntityKind, "Select what kind of entity this is"),
    displayValue: requiredText("Value", TEXT_LIMITS.short, "Enter the name, registration, address, number or handle"),
    ...entityFields,
    formToken: formTokenSchema,
  })
  .superRefine(personRules);

export const updateEntitySchema = z
  .object({ entityId: uuid("Select an entity"), kind: choice(EntityKind, "Select what kind of entity this is"), ...entityFields })
  .superRefine(personRules);

export const removeEntitySchema = z.object({ entityId: uuid("Select an entity") });

export type AddEntityData = z.infer<typeof addEntitySchema>;
export type UpdateEntityData = z.infer<typeof updateEntitySchema>;

/** The list's order: the threats worked on most recently first (the id breaks ties). */
export const THREAT_LIST_ORDER = dateColumn("updatedAt", "desc");

/** The list's query string: filters and keyset cursors; anything else is 400. */
export const threatListQuery = z.object({
  status: optionalQuery(z.enum(ThreatStatus)),
  priority: optionalQuery(z.enum(ThreatPriority)),
  kind: optionalQuery(z.enum(ThreatKind)),
  ...seekCursorFields(THREAT_LIST_ORDER),
});

export type ThreatListQuery = z.infer<typeof threatListQuery>;


/** The banners the threat page shows after a change (post/redirect/get). */
export const threatPageQuery = z.object({
  created: queryFlag,
  updated: queryFlag,
  status: queryFlag,
  scored: queryFlag,
});

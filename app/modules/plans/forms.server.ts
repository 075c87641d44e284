import { z } from "zod";
import { ActionStatus, ChbPhase, FourPStrand, OutcomeKind } from "~/generated/prisma/enums";
import { dateInput, optionalDateInput } from "~/utils/date-input";
import { ukDayStart } from "~/utils/dates";
import { checkboxList } from "~/modules/organisations/organisation-form";
import { formTokenSchema } from "~/utils/form-token.server";
import { optionalQuery, queryFlag, uuid } from "~/utils/input";
import { dateColumn, seekCursorFields } from "~/utils/keyset";
import { parsePounds } from "./money";

/**
 * The plans' forms and filters (zod at the boundary), for loaders, actions and the plans module
 * (server-only: the one-time form token field comes from a server module).
 */

/**
 * Calendar days from the GOV.UK date input (app/utils/date-input.ts: the form parser folds the
 * three fields into one value, checked with the GOV.UK messages), stored as the start of that day
 * in UK time. `label` starts the messages ("Due date must be a real date").
 */
const requiredDate = (label: string) => dateInput(label).transform(startOfDay);
const optionalDate = (label: string) => optionalDateInput(label).transform((day, ctx) => (day === undefined ? null : startOfDay(day, ctx)));

function startOfDay(day: string, ctx: z.RefinementCtx): Date {
  const at = ukDayStart(day);
  if (at) return at;
  // dateInput gives only real "YYYY-MM-DD" days, so this is not reached.
  ctx.addIssue({ code: "custom", message: "The date must be a real date" });
  return z.NEVER;
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .default("")
    .transform((v) => (v === "" ? null : v));

// ── 4P actions ──

const actionFields = {
  strand: z.enum(FourPStrand, "Select the strand of the plan"),
  title: z.string().trim().min(1, "Enter what is to be done").max(200, "The action must be 200 characters or fewer"),
  description: optionalText(2000, "The details"),
  ownerOrganisationId: z.uuid("Select the organisation that owns the action"),
  dueDate: requiredDate("Due date"),
};

/** A new action on a threat's plan or an area plan (police). */
export const newActionSchema = z.object({ formToken: formTokenSchema, ...actionFields });
export type NewActionForm = z.infer<typeof newActionSchema>;

const progressFields = {
  status: z.enum(ActionStatus, "Select the status of the action"),
  result: optionalText(2000, "The result"),
};

/** Progress on an action: what its owner organisation's people may change. */
export const progressSchema = z.object({ intent: z.literal("progress"), ...progressFields });
export type ProgressForm = z.infer<typeof progressSchema>;

/** Every field of an action (police). */
export const editActionSchema = z.object({ intent: z.literal("edit"), ...actionFields, ...progressFields });
export type EditActionForm = z.infer<typeof editActionSchema>;

/** Actions soonest due first (overdue ones at the top), the id breaking ties. */
export const ACTION_LIST_ORDER = dateColumn("dueDate", "asc");

export const actionListQuery = z.object({
  ...seekCursorFields(ACTION_LIST_ORDER),
  status: optionalQuery(z.enum(ActionStatus)),
  strand: optionalQuery(z.enum(FourPStrand)),
  overdue: queryFlag,
});
export type ActionListFilters = z.infer<typeof actionListQuery>;

// ── Clear, Hold, Build ──

const areaPlanFields = {
  name: z.string().trim().min(1, "Enter a name for the plan").max(200, "The name must be 200 characters or fewer"),
  neighbourhood: z.string().trim().min(1, "Enter the neighbourhood").max(200, "The neighbourhood must be 200 characters or fewer"),
  areaId: z.uuid("Select the area"),
  phase: z.enum(ChbPhase, "Select the phase"),
  clearStart: optionalDate("Clear phase start date"),
  holdStart: optionalDate("Hold phase start date"),
  buildStart: optionalDate("Build phase start date"),
  endDate: optionalDate("End date"),
  summary: optionalText(4000, "The summary"),
  partnerIds: checkboxList(z.uuid("Select partners from the list")),
  threatIds: checkboxList(z.uuid("Select threats from the list")),
};
const PHASE_DATES = ["clearStart", "holdStart", "buildStart", "endDate"] as const;

function phaseDatesInOrder(
  value: { clearStart: Date | null; holdStart: Date | null; buildStart: Date | null; endDate: Date | null },
  ctx: z.RefinementCtx,
) {
  let previous: Date | null = null;
  for (const key of PHASE_DATES) {
    const at = value[key];
    if (!at) continue;
    if (previous && at < previous) ctx.addIssue({ code: "custom", path: [key], message: "Phase dates must be in order: Clear, Hold, Build, end" });
    previous = at;
  }
}

export const areaPlanSchema = z.object({ formToken: formTokenSchema, ...areaPlanFields }).superRefine(phaseDatesInOrder);
export type AreaPlanForm = z.infer<typeof areaPlanSchema>;

export const phaseSchema = z
  .object({
    intent: z.literal("phase"),
    phase: areaPlanFields.phase,
    clearStart: areaPlanFields.clearStart,
    holdStart: areaPlanFields.holdStart,
    buildStart: areaPlanFields.buildStart,
    endDate: areaPlanFields.endDate,
  })
  .superRefine(phaseDatesInOrder);
export type PhaseForm = z.infer<typeof phaseSchema>;

export const milestoneSchema = z.object({
  intent: z.literal("milestone"),
  formToken: formTokenSchema,
  milestonePhase: z.enum(ChbPhase, "Select the phase of the milestone"),
  milestoneTitle: z.string().trim().min(1, "Enter the milestone").max(200, "The milestone must be 200 characters or fewer"),
  milestoneDue: requiredDate("Milestone due date"),
});

export const achieveMilestoneSchema = z.object({ intent: z.literal("achieved"), milestoneId: uuid });

// ── Outcomes ──

const positiveWhole = (label: string, max = 100_000) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, `Enter the ${label} as a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `The ${label} must be at least 1`).max(max, `The ${label} must be ${max.toLocaleString("en-GB")} or fewer`));

const optionalWhole = (label: string, max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), positiveWhole(label, max).optional());

const optionalMoney = (label: string) =>
  z
    .string()
    .trim()
    .default("")
    .transform((v, ctx): bigint | null => {
      if (v === "") return null;
      const pence = parsePounds(v);
      if (pence === null || pence <= 0n) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} in pounds, like 1,250 or 1250.50` });
        return z.NEVER;
      }
      return pence;
    });

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), z.uuid("Select from the list").optional());

export const outcomeSchema = z
  .object({
    formToken: formTokenSchema,
    kind: z.enum(OutcomeKind, "Select the kind of outcome"),
    occurredOn: requiredDate("Date of the outcome"),
    areaId: z.uuid("Select the area"),
    quantity: positiveWhole("number"),
    valuePence: optionalMoney("value"),
    drugType: optionalText(100, "The drug type"),
    drugQuantityGrams: optionalWhole("quantity in grams", 10_000_000),
    sentenceMonths: optionalWhole("sentence length in months", 1_200),
    description: optionalText(2000, "The description"),
    threatId: optionalId,
    actionId: optionalId,
    areaPlanId: optionalId,
  })
  .superRefine((value, ctx) => {
    if (value.kind === "DRUGS_SEIZED") {
      if (!value.drugType) ctx.addIssue({ code: "custom", path: ["drugType"], message: "Enter the type of drug seized" });
      if (value.valuePence === null) ctx.addIssue({ code: "custom", path: ["valuePence"], message: "Enter the estimated street value" });
    }
    if (value.kind === "CASH_SEIZED" && value.valuePence === null) {
      ctx.addIssue({ code: "custom", path: ["valuePence"], message: "Enter the amount of cash seized" });
    }
    if (value.kind === "CONVICTION" && value.sentenceMonths === undefined) {
      ctx.addIssue({ code: "custom", path: ["sentenceMonths"], message: "Enter the sentence length in months" });
    }
  });
export type OutcomeForm = z.infer<typeof outcomeSchema>;


/** Outcomes newest first by the day they happened, the id breaking ties. */
export const OUTCOME_LIST_ORDER = dateColumn("occurredOn", "desc");

export const outcomeListQuery = z.object({
  ...seekCursorFields(OUTCOME_LIST_ORDER),
  areaId: optionalQuery(uuid),
  kind: optionalQuery(z.enum(OutcomeKind)),
  from: optionalDateInput("Date from"),
  to: optionalDateInput("Date to"),
});
export type OutcomeListFilters = z.infer<typeof outcomeListQuery>;

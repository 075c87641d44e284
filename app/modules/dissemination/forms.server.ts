import { z } from "zod";
import { Classification, DataCategory, HandlingCode } from "~/generated/prisma/enums";
import { optionalText, requiredText, TEXT_LIMITS } from "~/modules/intelligence/text";
import { formTokenSchema } from "~/utils/form-token.server";
import { optionalQuery, uuid } from "~/utils/input";
import { dateColumn, seekCursorFields } from "~/utils/keyset";

/**
 * The boundaries of the dissemination pages: query strings and forms, parsed in loaders and
 * actions only (the form token schema is server-side).
 */

const asArray = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

const dataCategoryList = z.array(z.enum(DataCategory)).min(1, "Select the data categories the dissemination contains");

/** `categories=A,B` in a query string: the terms chosen on the first step. */
const categoriesQuery = z
  .string()
  .max(500)
  .regex(/^[A-Z_]+(,[A-Z_]+)*$/)
  .transform((value) => [...new Set(value.split(","))])
  .pipe(dataCategoryList);

/** /disseminations/new: exactly one source (an approved sanitised report or a threat), and the chosen terms. */
export const newDisseminationQuery = z
  .object({
    sanitisedReport: optionalQuery(uuid),
    threat: optionalQuery(uuid),
    classification: optionalQuery(z.enum(Classification)),
    categories: optionalQuery(categoriesQuery),
  })
  .refine((q) => (q.sanitisedReport === undefined) !== (q.threat === undefined));

export type NewDisseminationQuery = z.infer<typeof newDisseminationQuery>;

export type DisseminationSource = { kind: "SANITISED_REPORT"; id: string } | { kind: "THREAT_BRIEFING"; id: string };

export function sourceOf(query: NewDisseminationQuery): DisseminationSource {
  return query.sanitisedReport ? { kind: "SANITISED_REPORT", id: query.sanitisedReport } : { kind: "THREAT_BRIEFING", id: query.threat! };
}

/** Step one: what the dissemination contains, which decides who may receive it. */
export const termsSchema = z.object({
  classification: z.enum(Classification, { error: "Select the classification" }),
  dataCategories: z.preprocess(asArray, dataCategoryList),
});

/** Step two: the text for partners (frozen when sent), handling and the recipients. */
export const createDisseminationSchema = z
  .object({
    formToken: formTokenSchema,
    classification: z.enum(Classification, { error: "Select the classification" }),
    dataCategories: z.preprocess(asArray, dataCategoryList),
    title: requiredText("Title", TEXT_LIMITS.short, "Enter a title for partners"),
    body: requiredText("Briefing", TEXT_LIMITS.narrative, "Enter the text partners will read"),
    handlingCode: z.enum(HandlingCode, { error: "Select the handling code" }),
    handlingConditions: optionalText("Conditions", TEXT_LIMITS.conditions),
    recipientIds: z.preprocess(asArray, z.array(uuid).min(1, "Select at least one recipient organisation")),
  })
  .superRefine((form, ctx) => {
    if (form.handlingCode === "C" && !form.handlingConditions) {
      ctx.addIssue({ code: "custom", path: ["handlingConditions"], message: "Enter the conditions recipients must follow" });
    }
  });

export type CreateDisseminationForm = z.infer<typeof createDisseminationSchema>;

/** Four eyes: a supervisor's decision. */
export const decisionSchema = z
  .object({
    formToken: formTokenSchema,
    disseminationId: uuid,
    decision: z.enum(["approve", "reject"], { error: "Select approve or reject" }),
    reason: optionalText("Reason", TEXT_LIMITS.reason),
  })
  .superRefine((form, ctx) => {
    if (form.decision === "reject" && !form.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter why the dissemination is rejected" });
    }
  });

export const acknowledgeSchema = z.object({ formToken: formTokenSchema });

export const informationRequestSchema = z.object({
  formToken: formTokenSchema,
  question: requiredText("Your request", TEXT_LIMITS.reason, "Enter what more you need to know and why"),
});

/** The police owner's reply to a request: answered, or declined with a reason. */
export const answerSchema = z.object({
  formToken: formTokenSchema,
  requestId: uuid,
  outcome: z.enum(["answer", "decline"], { error: "Select answer or decline" }),
  response: requiredText("Response", TEXT_LIMITS.reason, "Enter the answer, or the reason for declining"),
});

/** The sender's lists (sent, awaiting approval): newest first, the id breaking ties. */
export const DISSEMINATION_LIST_ORDER = dateColumn("createdAt", "desc");

/** The inbox: most recently sent (approved) first, the id breaking ties. */
export const INBOX_ORDER = dateColumn("decidedAt", "desc");

export const disseminationListQuery = z.object({ ...seekCursorFields(DISSEMINATION_LIST_ORDER), threat: optionalQuery(uuid) });

export const approvalsQuery = z.object({
  ...seekCursorFields(DISSEMINATION_LIST_ORDER),
  dissemination: optionalQuery(uuid),
  done: optionalQuery(z.enum(["approved", "rejected"])),
});

export const inboxQuery = z.object({
  ...seekCursorFields(INBOX_ORDER),
  show: optionalQuery(z.enum(["to-acknowledge", "acknowledged"])),
});

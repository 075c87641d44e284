import { z } from "zod";
import { JUSTIFICATIONS, type Justification } from "./actions";

/**
 * "Why are you consulting this?" (DPA 2018 s62(2)): a reason from JUSTIFICATIONS, with free text
 * required for OTHER. Whether a reason is required at all is configuration
 * (AUDIT_REQUIRE_JUSTIFICATION, read by `justificationRequired()` in justification.server.ts):
 * the Data (Use and Access) Act 2025 removes the legal requirement, but forces may keep it.
 *
 * Use with the <Justification> component (app/components/justification.tsx):
 *
 *   const schema = justificationSchema({ required: justificationRequired(), choices: ["TRIAGE", "OTHER"] });
 *   const result = parseFormData(formData, schema);          // errors keyed "justification" / "justificationNote"
 *   await recordAuditEvent(tx, ctx, { action, ...result.data }); // justification + justificationNote
 *
 * To combine with another form's schema: `z.intersection(otherSchema, justificationSchema(...))`.
 */

export const JUSTIFICATION_NOTE_MAX = 500;

/** Control characters other than tab and line breaks never belong in a reason (NUL breaks PostgreSQL text). */
function stripControlCharacters(value: string): string {
  return [...value]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return code === 9 || code === 10 || code === 13 || (code >= 32 && code !== 127);
    })
    .join("");
}

export const JUSTIFICATION_CODES = Object.keys(JUSTIFICATIONS) as [Justification, ...Justification[]];

export interface JustificationValue {
  justification: Justification | null;
  justificationNote: string | null;
}

export const JUSTIFICATION_MESSAGES = {
  missing: "Select why you need to see this information",
  explain: "Explain why you need to see this information",
  tooLong: `Your explanation must be ${JUSTIFICATION_NOTE_MAX} characters or fewer`,
} as const;

export function justificationSchema(options: {
  required: boolean;
  /** The reasons offered on this page (default: all). OTHER is always accepted. */
  choices?: readonly Justification[];
}): z.ZodType<JustificationValue> {
  const allowed = new Set<string>([...(options.choices ?? JUSTIFICATION_CODES), "OTHER"]);
  return z
    .object({
      justification: z
        .string()
        .optional()
        .transform((v) => (v && v.length > 0 ? v : undefined)),
      justificationNote: z
        .string()
        .optional()
        // NUL and other control characters (except line breaks) never belong in a reason.
        .transform((v) => (v === undefined ? "" : stripControlCharacters(v).trim())),
    })
    .superRefine((value, ctx) => {
      if (value.justification === undefined) {
        if (options.required) ctx.addIssue({ code: "custom", path: ["justification"], message: JUSTIFICATION_MESSAGES.missing });
      } else if (!allowed.has(value.justification)) {
        ctx.addIssue({ code: "custom", path: ["justification"], message: JUSTIFICATION_MESSAGES.missing });
      }
      if (value.justification === "OTHER" && value.justificationNote.length === 0) {
        ctx.addIssue({ code: "custom", path: ["justificationNote"], message: JUSTIFICATION_MESSAGES.explain });
      }
      if (value.justificationNote.length > JUSTIFICATION_NOTE_MAX) {
        ctx.addIssue({ code: "custom", path: ["justificationNote"], message: JUSTIFICATION_MESSAGES.tooLong });
      }
    })
    .transform(
      (value): JustificationValue => ({
        justification: (value.justification as Justification | undefined) ?? null,
        justificationNote: value.justificationNote.length > 0 ? value.justificationNote : null,
      }),
    );
}

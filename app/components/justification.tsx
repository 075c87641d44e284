import { JUSTIFICATIONS, type Justification } from "~/modules/audit/actions";
import { JUSTIFICATION_NOTE_MAX } from "~/modules/audit/justification";
import { Choices, Textarea, valueOf, type Errors } from "./form";

/**
 * Asks why the user is consulting or disclosing personal data (DPA 2018 s62(2)). Pair it with
 * `justificationSchema` (app/modules/audit/justification.ts), which validates the same field
 * names: `justification` (one of JUSTIFICATIONS) and `justificationNote` (required for "Other").
 *
 *   <Justification required={data.justificationRequired} choices={["TRIAGE", "INVESTIGATION"]}
 *                  errors={actionData?.errors} values={actionData?.values} />
 */
export function Justification({
  required,
  choices,
  errors,
  values,
  legend = "Why do you need to see this information?",
  hint = "Your reason is recorded with your name in the audit trail, which data protection officers review.",
}: {
  required: boolean;
  choices?: readonly Justification[];
  errors?: Errors;
  values?: Record<string, string | string[]>;
  legend?: string;
  hint?: string;
}) {
  const codes = [...new Set([...(choices ?? (Object.keys(JUSTIFICATIONS) as Justification[])).filter((c) => c !== "OTHER"), "OTHER" as const])];
  // The explanation box is always shown rather than revealed under "Other": GOV.UK's conditional
  // reveal sets aria-expanded on a radio, which WCAG checks (axe aria-allowed-attr) reject.
  return (
    <>
      <Choices
        kind="radio"
        name="justification"
        legend={required ? legend : `${legend} (optional)`}
        hint={hint}
        error={errors?.justification}
        selected={valueOf(values, "justification")}
        options={codes.map((code) => ({ value: code, label: JUSTIFICATIONS[code] }))}
      />
      <Textarea
        name="justificationNote"
        label="If you chose other, explain why"
        hint={`For example, a case or request reference. Up to ${JUSTIFICATION_NOTE_MAX} characters.`}
        error={errors?.justificationNote}
        defaultValue={valueOf(values, "justificationNote")}
        rows={3}
      />
    </>
  );
}

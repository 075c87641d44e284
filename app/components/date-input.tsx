import { fieldId } from "~/components/form";

/**
 * The GOV.UK date input: day, month and year fields in a fieldset, with one error message. The
 * fields are `<name>-day`, `<name>-month`, `<name>-year`; parse them with `dateInput` from
 * app/utils/date-input.ts. `values` are the form's values as typed, or "YYYY-MM-DD" under `name`.
 */
export function DateInput({
  name,
  legend,
  hint,
  error,
  values,
  isPageHeading,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  values?: Record<string, string | string[] | undefined | null>;
  isPageHeading?: boolean;
}) {
  const id = fieldId(name);
  const text = (key: string) => {
    const v = values?.[key];
    return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
  };
  const typed = [`${name}-day`, `${name}-month`, `${name}-year`].some((key) => values?.[key] !== undefined);
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(name));
  const parts = typed
    ? { day: text(`${name}-day`), month: text(`${name}-month`), year: text(`${name}-year`) }
    : iso
      ? { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! }
      : { day: "", month: "", year: "" };
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const field = (part: "day" | "month" | "year", label: string, width: "2" | "4") => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={part === "day" ? id : `${id}-${part}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? " govuk-input--error" : ""}`}
          id={part === "day" ? id : `${id}-${part}`}
          name={`${name}-${part}`}
          type="text"
          inputMode="numeric"
          defaultValue={parts[part]}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend${isPageHeading ? " govuk-fieldset__legend--l" : ""}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        ) : null}
        {error ? (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input" id={`${id}-fields`}>
          {field("day", "Day", "2")}
          {field("month", "Month", "2")}
          {field("year", "Year", "4")}
        </div>
      </fieldset>
    </div>
  );
}

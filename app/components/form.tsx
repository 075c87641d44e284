import { useEffect, useRef, type ReactNode } from "react";

/**
 * GOV.UK Design System form components as React. Every form shows an error summary at the top and
 * the message beside the field, and re-displays what the user typed (`values` from the action).
 * Field ids equal their names so the error summary can link to them.
 */
export type Errors = Record<string, string> | undefined;

export function ErrorSummary({ errors }: { errors: Errors }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = Boolean(errors && Object.keys(errors).length > 0);
  useEffect(() => {
    const element = ref.current;
    // On the first page load GOV.UK Frontend's initAll (useGovukFrontend) starts the component;
    // after a form posted in the page it is started here, and it moves focus to the summary (and
    // its links to the fields). A second failure of the same form focuses the summary again.
    if (!element || !document.body.classList.contains("govuk-frontend-supported")) return;
    if (element.hasAttribute("data-govuk-error-summary-init")) {
      element.setAttribute("tabindex", "-1");
      element.focus();
      return;
    }
    void import("govuk-frontend").then(({ ErrorSummary: Component }) => {
      if (element.isConnected && !element.hasAttribute("data-govuk-error-summary-init")) new Component(element);
    });
  }, [errors]);
  if (!errors || !shown) return null;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#${field === "form" ? "main-content" : fieldId(field)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Ids must be valid fragment targets: names like "entities.0.value" become "entities-0-value". */
export function fieldId(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, "-");
}

function ErrorMessage({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {message}
    </p>
  );
}

function Hint({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <div id={`${id}-hint`} className="govuk-hint">
      {children}
    </div>
  );
}

function describedBy(id: string, hint?: ReactNode, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Make the label the page heading (GOV.UK question pages). */
  isPageHeading?: boolean;
}

function Label({ id, label, isPageHeading }: { id: string; label: ReactNode; isPageHeading?: boolean }) {
  if (isPageHeading) {
    return (
      <h1 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--l" htmlFor={id}>
          {label}
        </label>
      </h1>
    );
  }
  return (
    <label className="govuk-label" htmlFor={id}>
      {label}
    </label>
  );
}

export function TextInput({
  name,
  label,
  hint,
  error,
  isPageHeading,
  defaultValue,
  type = "text",
  autoComplete,
  width,
  inputMode,
  spellCheck,
}: FieldProps & {
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel" | "date" | "datetime-local" | "number";
  autoComplete?: string;
  width?: "2" | "3" | "4" | "5" | "10" | "20" | "30";
  inputMode?: "numeric" | "text" | "email" | "tel";
  spellCheck?: boolean;
}) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label id={id} label={label} isPageHeading={isPageHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ""}${error ? " govuk-input--error" : ""}`}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function Textarea({
  name,
  label,
  hint,
  error,
  isPageHeading,
  defaultValue,
  rows = 5,
  id: givenId,
}: FieldProps & { defaultValue?: string; rows?: number; /** Where one name repeats on a page (one form per record), an id of its own. */ id?: string }) {
  const id = givenId ?? fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label id={id} label={label} isPageHeading={isPageHeading} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <textarea
        className={`govuk-textarea${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
      />
    </div>
  );
}

export function Select({
  name,
  label,
  hint,
  error,
  options,
  defaultValue,
}: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string }) {
  const id = fieldId(name);
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <Label id={id} label={label} />
      <Hint id={id}>{hint}</Hint>
      <ErrorMessage id={id} message={error} />
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/** Radios (one choice) or checkboxes (several) in a fieldset with a legend. */
export function Choices({
  kind,
  name,
  legend,
  hint,
  error,
  options,
  selected,
  isPageHeading,
  small,
  inline,
}: {
  kind: "radio" | "checkbox";
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: ChoiceOption[];
  selected?: string | string[];
  isPageHeading?: boolean;
  small?: boolean;
  inline?: boolean;
}) {
  const id = fieldId(name);
  const chosen = new Set(Array.isArray(selected) ? selected : selected ? [selected] : []);
  const base = kind === "radio" ? "govuk-radios" : "govuk-checkboxes";
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend${isPageHeading ? " govuk-fieldset__legend--l" : " govuk-fieldset__legend--s"}`}>
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
        <Hint id={id}>{hint}</Hint>
        <ErrorMessage id={id} message={error} />
        <div
          className={`${base}${small ? ` ${base}--small` : ""}${inline ? ` ${base}--inline` : ""}`}
          data-module={kind === "radio" ? "govuk-radios" : "govuk-checkboxes"}
        >
          {options.map((option, index) => {
            // The first option carries the field's id so the error summary link lands on it.
            const optionId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div key={option.value} className={`${base}__item`}>
                <input
                  className={`${base}__input`}
                  id={optionId}
                  name={name}
                  type={kind}
                  value={option.value}
                  defaultChecked={chosen.has(option.value)}
                  aria-describedby={option.hint ? `${optionId}-item-hint` : undefined}
                />
                <label className={`govuk-label ${base}__label`} htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint ${base}__hint`}>
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Button({
  children,
  variant,
  name,
  value,
}: {
  children: ReactNode;
  variant?: "secondary" | "warning";
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      className={`govuk-button${variant ? ` govuk-button--${variant}` : ""}`}
      data-module="govuk-button"
      name={name}
      value={value}
    >
      {children}
    </button>
  );
}

/** Helpers to read re-displayed values in components. */
export function valueOf(values: Record<string, string | string[]> | undefined, name: string): string | undefined {
  const v = values?.[name];
  return Array.isArray(v) ? v[0] : v;
}

export function valuesOf(values: Record<string, string | string[]> | undefined, name: string): string[] {
  const v = values?.[name];
  return Array.isArray(v) ? v : v ? [v] : [];
}

/** The one-time token that stops a double click or a resubmitted form writing twice (app/utils/form-token.server.ts). */
export function FormTokenInput({ token }: { token: string }) {
  return <input type="hidden" name="formToken" value={token} />;
}

/** The 6-digit code from the authenticator app (sign-in, enrolment, confirming identity). */
export function SecurityCodeInput({ hint, error }: { hint: string; error?: string }) {
  return (
    <TextInput name="code" label="Security code" hint={hint} inputMode="numeric" autoComplete="one-time-code" spellCheck={false} width="5" error={error} />
  );
}

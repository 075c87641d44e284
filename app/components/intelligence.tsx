import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Classification, HandlingCode, SubmissionStatus } from "~/generated/prisma/enums";
import { formatDateTime } from "~/utils/dates";
import type { EntitySummary } from "~/modules/intelligence/entities";
import {
  CLASSIFICATION_LABELS,
  DATA_CATEGORY_LABELS,
  HANDLING_CODE,
  INTELLIGENCE_ASSESSMENT,
  SOURCE_EVALUATION,
  STATUS_LABELS,
  STATUS_TAG_CLASSES,
  THREAT_TYPE_LABELS,
} from "~/modules/intelligence/labels";

/** Shared pieces of the intelligence pages. */

export function StatusTag({ status }: { status: SubmissionStatus }) {
  return <strong className={`govuk-tag ${STATUS_TAG_CLASSES[status]}`}>{STATUS_LABELS[status]}</strong>;
}

export function ClassificationMarking({ classification }: { classification: Classification }) {
  return (
    <p className="govuk-body govuk-!-font-weight-bold app-classification" data-testid="classification">
      {CLASSIFICATION_LABELS[classification]}
    </p>
  );
}

/**
 * Handling code C: the conditions are shown before anything else about the record, red-bordered,
 * wherever the record appears (and they lead every export).
 */
export function HandlingConditions({ code, conditions }: { code: HandlingCode | null; conditions: string | null }) {
  if (code !== "C") return null;
  return (
    <div className="govuk-inset-text app-handling-conditions" data-testid="handling-conditions">
      <div className="govuk-warning-text govuk-!-margin-bottom-2">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Handling code C: sharing is permitted only under these conditions
        </strong>
      </div>
      <p className="govuk-body app-preserve-lines">{conditions ?? "Conditions apply: contact the originator before any use."}</p>
    </div>
  );
}

export function SummaryList({ rows }: { rows: { key: string; value: ReactNode; change?: { href: string; label: string } }[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((row, index) => (
        <div key={`${row.key}-${index}`} className={`govuk-summary-list__row${row.change ? "" : " govuk-summary-list__row--no-actions"}`}>
          <dt className="govuk-summary-list__key">{row.key}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
          {row.change ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.href}>
                Change<span className="govuk-visually-hidden"> {row.change.label}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

/** Text as typed, line breaks kept. React escapes it, so HTML and script show as text. */
export function PlainText({ text }: { text: string | null | undefined }) {
  if (!text) return <span className="govuk-hint">Not given</span>;
  return <span className="app-preserve-lines">{text}</span>;
}

export function BackLink({ to, children = "Back" }: { to: string; children?: ReactNode }) {
  return (
    <Link to={to} className="govuk-back-link">
      {children}
    </Link>
  );
}

export function NextPageLink({ href }: { href: string | null }) {
  if (!href) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      <div className="govuk-pagination__next">
        <Link className="govuk-link govuk-pagination__link" to={href} rel="next">
          <span className="govuk-pagination__link-title">
            Next page<span className="govuk-visually-hidden"> of results</span>
          </span>
        </Link>
      </div>
    </nav>
  );
}

/** A query string with the cursor replaced, keeping the other filters. */
export function nextPageHref(search: string, cursor: string | null): string | null {
  if (!cursor) return null;
  const params = new URLSearchParams(search);
  params.set("cursor", cursor);
  return `?${params.toString()}`;
}

interface DetailsShape {
  id: string;
  threatType: keyof typeof THREAT_TYPE_LABELS | null;
  narrative: string | null;
  area: { name: string } | null;
  locationDescription: string | null;
  postcode: string | null;
  observedFrom: string | Date | null;
  observedTo: string | Date | null;
  sourceEvaluation: keyof typeof SOURCE_EVALUATION | null;
  intelligenceAssessment: keyof typeof INTELLIGENCE_ASSESSMENT | null;
  handlingCode: HandlingCode | null;
  handlingConditions: string | null;
  classification: Classification;
  dataCategories: (keyof typeof DATA_CATEGORY_LABELS)[];
  agreement: { reference: string; title: string } | null;
  entities: EntitySummary[];
}

/**
 * The partner's answers as a summary list: the check answers page (with change links), the
 * partner's view, and the analyst's view of what was submitted.
 */
export function SubmissionDetails({ submission: s, changeBase }: { submission: DetailsShape; changeBase?: string }) {
  const change = (step: string, label: string) => (changeBase ? { href: `${changeBase}/${step}?change=1`, label } : undefined);
  const observed = s.observedTo
    ? `${formatDateTime(s.observedFrom)} to ${formatDateTime(s.observedTo)}`
    : formatDateTime(s.observedFrom);
  return (
    <>
      <h2 className="govuk-heading-m">What</h2>
      <SummaryList
        rows={[
          { key: "Type", value: s.threatType ? THREAT_TYPE_LABELS[s.threatType] : <span className="govuk-hint">Not given</span>, change: change("what", "type") },
          { key: "What you know", value: <PlainText text={s.narrative} />, change: change("what", "what you know") },
        ]}
      />
      <h2 className="govuk-heading-m">Where and when</h2>
      <SummaryList
        rows={[
          { key: "Area", value: s.area?.name ?? <span className="govuk-hint">Not given</span>, change: change("where", "area") },
          { key: "Address or place", value: <PlainText text={s.locationDescription} />, change: change("where", "address or place") },
          { key: "Postcode", value: <PlainText text={s.postcode} />, change: change("where", "postcode") },
          { key: "When", value: observed || <span className="govuk-hint">Not given</span>, change: change("where", "when") },
        ]}
      />
      <h2 className="govuk-heading-m">Who and what is involved</h2>
      {s.entities.length === 0 ? (
        <p className="govuk-body">No people, vehicles or other identifiers were given.</p>
      ) : (
        <SummaryList
          rows={s.entities.map((e, i) => ({
            key: e.kindLabel,
            value: (
              <>
                <span className="app-preserve-lines">{e.value}</span>
                {e.facts.map((fact) => (
                  <span key={fact} className="govuk-hint govuk-!-margin-bottom-0 govuk-!-display-block">
                    {fact}
                  </span>
                ))}
              </>
            ),
            change: i === 0 ? change("entities", "people and identifiers") : undefined,
          }))}
        />
      )}
      {changeBase && s.entities.length === 0 ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`${changeBase}/entities`}>Add people, vehicles or identifiers</Link>
        </p>
      ) : null}
      <h2 className="govuk-heading-m">Grading and sharing</h2>
      <SummaryList
        rows={[
          {
            key: "Source evaluation",
            value: s.sourceEvaluation ? SOURCE_EVALUATION[s.sourceEvaluation].label : <span className="govuk-hint">Not given</span>,
            change: change("grading", "source evaluation"),
          },
          {
            key: "Intelligence assessment",
            value: s.intelligenceAssessment ? INTELLIGENCE_ASSESSMENT[s.intelligenceAssessment].label : <span className="govuk-hint">Not given</span>,
            change: change("grading", "intelligence assessment"),
          },
          {
            key: "Handling code",
            value: s.handlingCode ? HANDLING_CODE[s.handlingCode].label : <span className="govuk-hint">Not given</span>,
            change: change("grading", "handling code"),
          },
          ...(s.handlingCode === "C"
            ? [{ key: "Conditions", value: <PlainText text={s.handlingConditions} />, change: change("grading", "conditions") }]
            : []),
          { key: "Classification", value: CLASSIFICATION_LABELS[s.classification], change: change("sharing", "classification") },
          {
            key: "Data categories",
            value: s.dataCategories.length ? s.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join(", ") : <span className="govuk-hint">Not given</span>,
            change: change("sharing", "data categories"),
          },
          {
            key: "Agreement",
            value: s.agreement ? `${s.agreement.reference}: ${s.agreement.title}` : <span className="govuk-hint">Not chosen</span>,
            change: change("agreement", "agreement"),
          },
        ]}
      />
    </>
  );
}

import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { BackLink, ClassificationMarking, HandlingConditions, StatusTag } from "~/components/intelligence";
import { NotificationBanner } from "~/components/notification-banner";
import { TRIAGE_NOTICES, TRIAGE_PAGES, triagePath, type TriageHeaderData, type TriageNotice, type TriagePage } from "~/modules/intelligence/triage-pages";

/**
 * The top of every page of a submission's assessment: where it came from, its handling conditions,
 * the confirmation of what was just done, and links to the other pages (sub-navigation: each page
 * is its own address, so the browser's back button and a bookmark work).
 */
export function TriageHeader({
  submission: s,
  current,
  notice,
  errorSummary,
}: {
  submission: TriageHeaderData;
  current: TriagePage;
  notice?: TriageNotice | null;
  /** The page's error summary: first in the main content, where GOV.UK puts it. */
  errorSummary?: ReactNode;
}) {
  const heading = TRIAGE_PAGES.find((p) => p.page === current)!.label;
  return (
    <>
      <BackLink to="/triage">Triage queue</BackLink>
      {errorSummary}
      {notice ? <NotificationBanner kind="success" heading={TRIAGE_NOTICES[notice]} /> : null}
      <ClassificationMarking classification={s.classification} />
      <span className="govuk-caption-l">
        From {s.organisationName}
        {s.agreementReference ? ` under ${s.agreementReference}` : ""}
      </span>
      <h1 className="govuk-heading-l govuk-!-margin-bottom-2">
        Assess {s.reference}
        {current === "summary" ? null : <span className="govuk-visually-hidden">: {heading}</span>}
      </h1>
      <p className="govuk-body">
        <StatusTag status={s.status} />
      </p>
      <HandlingConditions code={s.handlingCode} conditions={s.handlingConditions} />
      {s.analystHandlingCode === "C" && s.handlingCode !== "C" ? (
        <HandlingConditions code="C" conditions="An analyst has re-graded this record as handling code C: see the analyst notes for the conditions." />
      ) : null}
      <nav className="app-sub-navigation" aria-label="Pages of this submission">
        <ul className="app-sub-navigation__list">
          {TRIAGE_PAGES.map((p) => (
            <li key={p.page} className={`app-sub-navigation__item${p.page === current ? " app-sub-navigation__item--current" : ""}`}>
              <Link className="govuk-link govuk-link--no-visited-state" to={triagePath(s.id, p.page)} aria-current={p.page === current ? "page" : undefined}>
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}

import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** GOV.UK breadcrumbs: where this page sits; the current page is not repeated. */
export function Breadcrumbs({ items }: { items: { label: string; to: string }[] }) {
  return (
    <nav className="govuk-breadcrumbs" aria-label="Breadcrumb">
      <ol className="govuk-breadcrumbs__list">
        {items.map((item) => (
          <li key={item.to} className="govuk-breadcrumbs__list-item">
            <Link className="govuk-breadcrumbs__link" to={item.to}>
              {item.label}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** GOV.UK success notification banner (role="alert" moves assistive technology to it). */
export function SuccessBanner({ title = "Success", children }: { title?: string; children: ReactNode }) {
  return (
    <div
      className="govuk-notification-banner govuk-notification-banner--success"
      role="alert"
      aria-labelledby="govuk-notification-banner-title"
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="govuk-notification-banner-title">
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

/** GOV.UK pagination with previous and next links only (keyset paging has no page numbers). */
export function Pagination({ previous, next }: { previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pagination">
      {previous ? (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" to={previous} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
      {next ? (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" to={next} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      ) : null}
    </nav>
  );
}

/**
 * "Download CSV / JSON" for a list: the export route with the list's filters (not its page cursor).
 * Plain links that load the document, so the browser downloads the file; the export asks the user
 * to confirm who they are first when they have not done so recently.
 */
export function DownloadLinks({ path, filters = {}, what }: { path: string; filters?: Record<string, string | null | undefined>; what: string }) {
  const href = (format: "csv" | "json") => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    params.set("format", format);
    return `${path}?${params.toString()}`;
  };
  return (
    <p className="govuk-body" data-testid="downloads">
      Download {what}:{" "}
      <a className="govuk-link" href={href("csv")}>
        CSV<span className="govuk-visually-hidden"> file</span>
      </a>{" "}
      /{" "}
      <a className="govuk-link" href={href("json")}>
        JSON<span className="govuk-visually-hidden"> file</span>
      </a>
    </p>
  );
}

import { useId, type ReactNode } from "react";

/**
 * GOV.UK notification banner: "important" for information the user needs (role="region"), or
 * "success" after an action they took (role="alert", so screen readers announce it).
 */
export function NotificationBanner({
  kind = "important",
  heading,
  children,
}: {
  kind?: "important" | "success";
  heading: ReactNode;
  children?: ReactNode;
}) {
  const titleId = useId();
  const success = kind === "success";
  return (
    <div
      className={`govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`}
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {success ? "Success" : "Important"}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{heading}</p>
        {children}
      </div>
    </div>
  );
}

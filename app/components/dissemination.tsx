import type { Classification, DisseminationStatus, HandlingCode, InformationRequestStatus } from "~/generated/prisma/enums";
import {
  DISSEMINATION_STATUS_LABELS,
  DISSEMINATION_STATUS_TAGS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUS_TAGS,
} from "~/modules/dissemination/labels";
import { ErrorSummary, type Errors } from "./form";
import { BackLink, ClassificationMarking, HandlingConditions } from "./intelligence";
import { NotificationBanner } from "./notification-banner";

/** Shared pieces of the dissemination and inbox pages. */

export function DisseminationStatusTag({ status }: { status: DisseminationStatus }) {
  return <strong className={`govuk-tag ${DISSEMINATION_STATUS_TAGS[status]}`}>{DISSEMINATION_STATUS_LABELS[status]}</strong>;
}

export function RequestStatusTag({ status }: { status: InformationRequestStatus }) {
  return <strong className={`govuk-tag ${REQUEST_STATUS_TAGS[status]}`}>{REQUEST_STATUS_LABELS[status]}</strong>;
}

/**
 * The top of a dissemination's page, for its sender and its recipients alike: the way back, the
 * banner after a change, the form's errors, then the reference, title, marking and handling code.
 */
export function DisseminationHeader({
  back,
  message,
  errors,
  dissemination: d,
}: {
  back: { to: string; label: string };
  message: string | null;
  errors: Errors;
  dissemination: { reference: string; kind: string; title: string; classification: Classification; handlingCode: HandlingCode; handlingConditions: string | null };
}) {
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      {message ? <NotificationBanner kind="success" heading={message} /> : null}
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">
        {d.reference}, {d.kind}
      </span>
      <h1 className="govuk-heading-l">{d.title}</h1>
      <ClassificationMarking classification={d.classification} />
      <HandlingConditions code={d.handlingCode} conditions={d.handlingConditions} />
    </>
  );
}

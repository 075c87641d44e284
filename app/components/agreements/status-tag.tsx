import { DISPLAY_STATUS_LABELS, DISPLAY_STATUS_TAG_CLASS, type DisplayStatus } from "~/modules/agreements/status";
import { formatDate } from "~/utils/dates";

/** The agreement's status as a GOV.UK tag; a signed agreement that has not started says when it will. */
export function AgreementStatusTag({ status, startDate }: { status: DisplayStatus; startDate: Date | string }) {
  const label = status === "SIGNED_NOT_STARTED" ? `Signed – starts on ${formatDate(startDate)}` : DISPLAY_STATUS_LABELS[status];
  return <strong className={`govuk-tag ${DISPLAY_STATUS_TAG_CLASS[status]}`}>{label}</strong>;
}

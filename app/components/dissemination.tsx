import type { DisseminationStatus, InformationRequestStatus } from "~/generated/prisma/enums";
import {
  DISSEMINATION_STATUS_LABELS,
  DISSEMINATION_STATUS_TAGS,
  REQUEST_STATUS_LABELS,
  REQUEST_STATUS_TAGS,
} from "~/modules/dissemination/labels";

/** Shared pieces of the dissemination and inbox pages. */

export function DisseminationStatusTag({ status }: { status: DisseminationStatus }) {
  return <strong className={`govuk-tag ${DISSEMINATION_STATUS_TAGS[status]}`}>{DISSEMINATION_STATUS_LABELS[status]}</strong>;
}

export function RequestStatusTag({ status }: { status: InformationRequestStatus }) {
  return <strong className={`govuk-tag ${REQUEST_STATUS_TAGS[status]}`}>{REQUEST_STATUS_LABELS[status]}</strong>;
}

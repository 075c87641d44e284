import type { DisseminationKind, DisseminationStatus, InformationRequestStatus } from "~/generated/prisma/enums";

export const DISSEMINATION_KIND_LABELS: Record<DisseminationKind, string> = {
  SANITISED_REPORT: "Sanitised intelligence report",
  THREAT_BRIEFING: "Threat briefing",
};

export const DISSEMINATION_STATUS_LABELS: Record<DisseminationStatus, string> = {
  AWAITING_APPROVAL: "Awaiting approval",
  APPROVED: "Sent",
  REJECTED: "Rejected",
  WITHDRAWN: "Withdrawn",
};

export const DISSEMINATION_STATUS_TAGS: Record<DisseminationStatus, string> = {
  AWAITING_APPROVAL: "govuk-tag--yellow",
  APPROVED: "govuk-tag--green",
  REJECTED: "govuk-tag--red",
  WITHDRAWN: "govuk-tag--grey",
};

export const REQUEST_STATUS_LABELS: Record<InformationRequestStatus, string> = {
  OPEN: "Waiting for an answer",
  ANSWERED: "Answered",
  DECLINED: "Declined",
};

export const REQUEST_STATUS_TAGS: Record<InformationRequestStatus, string> = {
  OPEN: "govuk-tag--yellow",
  ANSWERED: "govuk-tag--green",
  DECLINED: "govuk-tag--grey",
};

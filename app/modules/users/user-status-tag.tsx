import { USER_STATUS_LABELS, type UserStatus } from "./user-form";

const TAG_COLOUR: Record<UserStatus, string> = {
  active: "govuk-tag--green",
  "awaiting-activation": "govuk-tag--yellow",
  disabled: "govuk-tag--grey",
};

export function UserStatusTag({ status }: { status: UserStatus }) {
  return <strong className={`govuk-tag ${TAG_COLOUR[status]}`}>{USER_STATUS_LABELS[status]}</strong>;
}

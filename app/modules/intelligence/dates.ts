/**
 * @deprecated Import from ~/utils/dates. Kept only so pages on branches not yet merged (the triage
 * split) still compile; delete once nothing imports it.
 */
export { formatDate as formatUkDate, formatDateTime as formatUkDateTime, ukLocalToUtc, utcToUkLocal } from "~/utils/dates";

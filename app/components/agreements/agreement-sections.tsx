import { Link } from "@remix-run/react";
import { AgreementStatusTag } from "./status-tag";
import { PARTY_ROLE_LABELS, reviewOutcomeLabel } from "~/modules/agreements/labels";
import { formatDate, formatDateTime } from "~/utils/dates";
import { DISPLAY_STATUS_LABELS } from "~/modules/agreements/status";
import type { AgreementStatus } from "~/generated/prisma/enums";
import { ScrollableTable } from "~/components/table";

/** Parts of the agreement page, split out so the route stays readable. */

type DateLike = Date | string;

export function PartiesTable({
  parties,
}: {
  parties: { organisationId: string; organisation: string; role: keyof typeof PARTY_ROLE_LABELS; signs: boolean; leadName: string; leadEmail: string }[];
}) {
  return (
    <ScrollableTable label="Parties">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Parties</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Organisation</th>
            <th scope="col" className="govuk-table__header">Role</th>
            <th scope="col" className="govuk-table__header">Lead</th>
            <th scope="col" className="govuk-table__header">Signs</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {parties.map((party) => (
            <tr className="govuk-table__row" key={party.organisationId}>
              <th scope="row" className="govuk-table__header">{party.organisation}</th>
              <td className="govuk-table__cell">{PARTY_ROLE_LABELS[party.role]}</td>
              <td className="govuk-table__cell">
                {party.leadName}
                <br />
                <span className="govuk-!-font-size-16">{party.leadEmail}</span>
              </td>
              <td className="govuk-table__cell">{party.signs ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

export function SignaturesTable({
  caption,
  signatures,
}: {
  caption: string;
  signatures: { organisation: string; signedBy: string | null; signedAt: DateLike | null }[];
}) {
  return (
    <ScrollableTable label={caption}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Party</th>
            <th scope="col" className="govuk-table__header">Signed by</th>
            <th scope="col" className="govuk-table__header">Signed</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {signatures.map((signature) => (
            <tr className="govuk-table__row" key={signature.organisation}>
              <th scope="row" className="govuk-table__header">{signature.organisation}</th>
              <td className="govuk-table__cell">{signature.signedBy ?? <strong className="govuk-tag govuk-tag--yellow">Not signed</strong>}</td>
              <td className="govuk-table__cell">{signature.signedAt ? formatDateTime(signature.signedAt) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

export function HistoryTable({
  history,
}: {
  history: { id: string; at: DateLike; fromStatus: AgreementStatus | null; toStatus: AgreementStatus; reason: string | null; by: string }[];
}) {
  return (
    <ScrollableTable label="Status history">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Status history</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">Change</th>
            <th scope="col" className="govuk-table__header">By</th>
            <th scope="col" className="govuk-table__header">Why</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {history.map((change) => (
            <tr className="govuk-table__row" key={change.id}>
              <td className="govuk-table__cell app-nowrap">{formatDateTime(change.at)}</td>
              <td className="govuk-table__cell">
                {change.fromStatus === null
                  ? DISPLAY_STATUS_LABELS[change.toStatus]
                  : change.fromStatus === change.toStatus
                    ? change.toStatus === "SUSPENDED"
                      ? "Still suspended (a party's suspension added or lifted)"
                      : `${DISPLAY_STATUS_LABELS[change.toStatus]} (terms changed)`
                    : `${DISPLAY_STATUS_LABELS[change.fromStatus]} to ${DISPLAY_STATUS_LABELS[change.toStatus].toLowerCase()}`}
              </td>
              <td className="govuk-table__cell">{change.by}</td>
              <td className="govuk-table__cell app-preserve-lines">{change.reason ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

export interface SuspensionRow {
  id: string;
  organisation: string;
  suspendedBy: string;
  suspendedAt: DateLike;
  reason: string;
  liftedBy: string | null;
  liftedAt: DateLike | null;
  liftReason: string | null;
}

/**
 * Who suspended the agreement and whose suspensions remain. Each party's suspension is lifted only
 * by that party; the agreement is active again when none remains.
 */
export function SuspensionsSection({ suspensions, suspended }: { suspensions: SuspensionRow[]; suspended: boolean }) {
  if (suspensions.length === 0) return null;
  const open = suspensions.filter((s) => s.liftedAt === null);
  return (
    <section aria-labelledby="suspensions-title" data-testid="suspensions">
      <h2 className="govuk-heading-m" id="suspensions-title">
        Suspensions
      </h2>
      {suspended && open.length > 0 ? (
        <div className="govuk-inset-text" data-testid="suspensions-remaining">
          <p className="govuk-body">
            Suspended by {[...new Set(open.map((s) => s.organisation))].join(" and ")}. Only the organisation that suspended it can lift
            its suspension. The agreement is active again when every suspension has been lifted.
          </p>
        </div>
      ) : null}
      <ScrollableTable label="Each party’s suspensions, and whether they have been lifted">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">Each party’s suspensions, and whether they have been lifted</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Suspended by</th>
              <th scope="col" className="govuk-table__header">When and why</th>
              <th scope="col" className="govuk-table__header">Lifted</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {suspensions.map((s) => (
              <tr className="govuk-table__row" key={s.id}>
                <td className="govuk-table__cell">
                  <strong>{s.organisation}</strong>
                  <br />
                  {s.suspendedBy}
                </td>
                <td className="govuk-table__cell app-preserve-lines">
                  {formatDateTime(s.suspendedAt)}
                  {"\n"}
                  {s.reason}
                </td>
                <td className="govuk-table__cell app-preserve-lines">
                  {s.liftedAt ? (
                    `${formatDateTime(s.liftedAt)} by ${s.liftedBy ?? "Unknown"}\n${s.liftReason ?? ""}`
                  ) : (
                    <strong className="govuk-tag govuk-tag--orange">Not lifted</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollableTable>
    </section>
  );
}

export function ReviewsTable({
  reviews,
}: {
  reviews: { id: string; reviewedAt: DateLike; by: string; outcome: string; notes: string | null; nextReviewDate: DateLike | null }[];
}) {
  if (reviews.length === 0) {
    return (
      <>
        <h2 className="govuk-heading-m">Reviews</h2>
        <p className="govuk-body">No review has been recorded yet.</p>
      </>
    );
  }
  return (
    <ScrollableTable label="Reviews">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">Reviews</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Reviewed</th>
            <th scope="col" className="govuk-table__header">By</th>
            <th scope="col" className="govuk-table__header">Outcome</th>
            <th scope="col" className="govuk-table__header">Next review</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {reviews.map((review) => (
            <tr className="govuk-table__row" key={review.id}>
              <td className="govuk-table__cell app-nowrap">{formatDate(review.reviewedAt)}</td>
              <td className="govuk-table__cell">{review.by}</td>
              <td className="govuk-table__cell">
                {reviewOutcomeLabel(review.outcome)}
                {review.notes ? <p className="govuk-body-s app-preserve-lines govuk-!-margin-top-2">{review.notes}</p> : null}
              </td>
              <td className="govuk-table__cell">{review.nextReviewDate ? formatDate(review.nextReviewDate) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/** The heading block every agreement page starts with. */
export function AgreementHeading({
  agreement,
  title,
}: {
  agreement: { id: string; reference: string; title: string; displayStatus: Parameters<typeof AgreementStatusTag>[0]["status"]; startDate: DateLike };
  title?: string;
}) {
  return (
    <>
      <Link to={`/agreements/${agreement.id}`} className="govuk-back-link app-no-print">
        Back to the agreement
      </Link>
      <span className="govuk-caption-l">
        {agreement.reference}: {agreement.title}
      </span>
      <h1 className="govuk-heading-l">{title ?? agreement.title}</h1>
      <p className="govuk-body">
        <AgreementStatusTag status={agreement.displayStatus} startDate={agreement.startDate} />
      </p>
    </>
  );
}

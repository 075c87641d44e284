import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollableTable } from "~/components/table";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { NextPageLink, nextPageHref, StatusTag } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate, formatDateTime } from "~/utils/dates";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { listOrganisationSubmissions } from "~/modules/intelligence/submissions.server";
import { z } from "zod";
import { parseQuery } from "~/utils/request.server";
import { base64urlCursor, optionalQuery, queryFlag } from "~/utils/input";
import { NotificationBanner } from "~/components/notification-banner";

export const meta: MetaFunction = () => [{ title: "Your organisation's submissions – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { cursor, deleted } = parseQuery(request, z.object({ cursor: optionalQuery(base64urlCursor), deleted: queryFlag }));
  const page = await listOrganisationSubmissions(auth, cursor ?? null);
  return { ...page, organisationName: auth.user.organisation.name, deleted };
}

export default function OrganisationSubmissions() {
  const { items, drafts, nextCursor, organisationName, deleted } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      {deleted ? <NotificationBanner kind="success" heading="Your draft was deleted" /> : null}
      <span className="govuk-caption-l">{organisationName}</span>
      <h1 className="govuk-heading-l">Your organisation&apos;s submissions</h1>
      <p className="govuk-body">
        <Link to="/submissions/new" className="govuk-button" role="button" data-module="govuk-button">
          Share new intelligence
        </Link>{" "}
        <Link className="govuk-link" to="/search">Search your submissions</Link>
      </p>
      {drafts.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">Your drafts</h2>
          <ul className="govuk-list" data-testid="drafts">
            {drafts.map((d) => {
              const title = d.threatType ? THREAT_TYPE_LABELS[d.threatType] : "Untitled draft";
              return (
                <li key={d.id}>
                  <Link className="govuk-link" to={`/submissions/${d.id}/check`}>
                    {title}, last saved {formatDateTime(d.updatedAt)}
                  </Link>{" "}
                  <Link className="govuk-link govuk-!-margin-left-2" to={`/submissions/${d.id}/delete`}>
                    Delete<span className="govuk-visually-hidden"> draft: {title}, last saved {formatDateTime(d.updatedAt)}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      <h2 className="govuk-heading-m">Sent</h2>
      {items.length === 0 ? (
        <p className="govuk-body">Nothing has been sent yet.</p>
      ) : (
        <ScrollableTable label="Submissions sent">
          <table className="govuk-table" data-testid="submissions">
          <caption className="govuk-table__caption govuk-visually-hidden">Submissions sent by your organisation, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">Type</th>
              <th scope="col" className="govuk-table__header">Area</th>
              <th scope="col" className="govuk-table__header">Sent</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">Feedback</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((s) => (
              <tr key={s.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/submissions/${s.id}`}>{s.reference}</Link>
                  {s.handlingCode === "C" ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Conditions</strong> : null}
                </td>
                <td className="govuk-table__cell">{s.threatType ? THREAT_TYPE_LABELS[s.threatType] : ""}</td>
                <td className="govuk-table__cell">{s.area?.name}</td>
                <td className="govuk-table__cell app-nowrap">{formatDate(s.submittedAt)}</td>
                <td className="govuk-table__cell"><StatusTag status={s.status} /></td>
                <td className="govuk-table__cell">{s.feedbackCount > 0 ? `${s.feedbackCount} update${s.feedbackCount > 1 ? "s" : ""}` : "None yet"}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollableTable>
      )}
      <NextPageLink href={nextPageHref(location.search, nextCursor)} />
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { StatusTag } from "~/components/intelligence";
import { TriageHeader } from "~/components/triage";
import { auditActionLabel } from "~/modules/audit/actions";
import { formatDateTime } from "~/utils/dates";
import { loadTriagePage } from "~/modules/intelligence/triage-route.server";
import { submissionHistory } from "~/modules/intelligence/triage.server";
import { triagePath } from "~/modules/intelligence/triage-pages";
import { bigintId, optionalQuery } from "~/utils/input";
import { parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "History – Assess intelligence – Partnership Intelligence Portal" }];

const historyQuery = z.object({ before: optionalQuery(bigintId) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { before } = parseQuery(request, historyQuery);
  const { submission, header, notice } = await loadTriagePage(request, context, params);
  const history = await submissionHistory(submission, before ?? null);
  return { header, notice, earlier: before !== undefined, ...history };
}

export default function HistoryPage() {
  const { header, notice, events, nextBefore, earlier } = useLoaderData<typeof loader>();
  const here = triagePath(header.id, "history");
  return (
    <>
      <TriageHeader submission={header} current="history" notice={notice} />
      <h2 className="govuk-heading-l">History</h2>
      <p className="govuk-body">What has been done with this intelligence since it was sent, newest first. Who viewed it is in the audit trail.</p>
      {events.length === 0 ? (
        <p className="govuk-body">Nothing has been recorded yet.</p>
      ) : (
        <div className="app-table-scroll">
          <ScrollableTable label={`History of ${header.reference}, newest first`}>
            <table className="govuk-table" data-testid="history">
              <caption className="govuk-table__caption govuk-visually-hidden">History of {header.reference}, newest first</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">When</th>
                  <th scope="col" className="govuk-table__header">What</th>
                  <th scope="col" className="govuk-table__header">Who</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {events.map((e) => (
                  <tr key={e.id} className="govuk-table__row">
                    <td className="govuk-table__cell">{formatDateTime(e.occurredAt)}</td>
                    <td className="govuk-table__cell">
                      {auditActionLabel(e.action)}
                      {e.status ? (
                        <span className="govuk-!-display-block">
                          Now <StatusTag status={e.status} />
                        </span>
                      ) : null}
                    </td>
                    <td className="govuk-table__cell">{e.who}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
        </div>
      )}
      {earlier || nextBefore ? (
      <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of the history">
        {earlier ? (
          <div className="govuk-pagination__prev">
            <a className="govuk-link govuk-pagination__link" href={here} rel="prev">
              <span className="govuk-pagination__link-title">Newest</span>
            </a>
          </div>
        ) : null}
        {nextBefore ? (
          <div className="govuk-pagination__next">
            <a className="govuk-link govuk-pagination__link" href={`${here}?before=${nextBefore}`} rel="next">
              <span className="govuk-pagination__link-title">Earlier</span>
            </a>
          </div>
        ) : null}
      </nav>
      ) : null}
    </>
  );
}

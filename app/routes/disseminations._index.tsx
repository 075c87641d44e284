import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { DisseminationStatusTag } from "~/components/dissemination";
import { BackLink } from "~/components/intelligence";
import { Pagination } from "~/components/navigation";
import { requireUser } from "~/modules/auth/auth.server";
import { listDisseminations } from "~/modules/dissemination/disseminations.server";
import { disseminationListQuery } from "~/modules/dissemination/forms.server";
import { DISSEMINATION_KIND_LABELS } from "~/modules/dissemination/labels";
import { formatDateTime } from "~/utils/dates";
import { seekParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Disseminations – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, disseminationListQuery);
  const page = await listDisseminations(auth, seekParams(query), query.threat);
  return {
    threat: page.threat,
    disseminations: page.items.map((d) => ({
      id: d.id,
      reference: d.reference,
      kind: DISSEMINATION_KIND_LABELS[d.kind],
      title: d.title,
      status: d.status,
      createdAt: formatDateTime(d.createdAt),
      author: d.author.name,
      recipients: d.recipients.map((r) => r.organisation.name),
      acknowledged: d.recipients.filter((r) => r.acknowledgedAt !== null).length,
      openRequests: d._count.requests,
    })),
    next: page.next,
    previous: page.previous,
  };
}

export default function Disseminations() {
  const { threat, disseminations, next, previous } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  // Page links keep the threat filter.
  const href = (direction: "after" | "before", cursor: string | null) => {
    if (!cursor) return null;
    const params = new URLSearchParams(threat ? { threat: threat.id } : {});
    params.set(direction, cursor);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <>
      {threat ? <BackLink to={`/threats/${threat.id}`}>Threat {threat.reference}</BackLink> : null}
      {threat ? <span className="govuk-caption-l">{threat.reference}</span> : null}
      <h1 className="govuk-heading-l">{threat ? `Disseminations about ${threat.title}` : "Disseminations to partners"}</h1>
      {threat ? (
        <p className="govuk-body">
          What your force has sent, or asked to send, to partner organisations about this threat, newest first.{" "}
          <Link className="govuk-link" to="/disseminations">
            All disseminations
          </Link>
        </p>
      ) : (
        <p className="govuk-body">
          What your force has sent, or asked to send, to partner organisations, newest first. Start a dissemination from an approved
          sanitised report or a threat.
        </p>
      )}
      {disseminations.length === 0 ? (
        <p className="govuk-body">{threat ? "Nothing has been disseminated about this threat yet." : "Your force has not disseminated anything yet."}</p>
      ) : (
        <ScrollableTable label="Disseminations, newest first">
          <table className="govuk-table" data-testid="disseminations">
            <caption className="govuk-table__caption govuk-visually-hidden">Disseminations, newest first</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Dissemination</th>
                <th scope="col" className="govuk-table__header">Recipients</th>
                <th scope="col" className="govuk-table__header">Status</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {disseminations.map((d) => (
                <tr key={d.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/disseminations/${d.id}`}>
                      {d.title}
                    </Link>
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s app-break-anywhere">
                      {d.reference}, {d.kind}
                    </span>
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s">
                      By {d.author}, {d.createdAt}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    {d.recipients.join(", ")}
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s">
                      {d.acknowledged} of {d.recipients.length} acknowledged
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    <DisseminationStatusTag status={d.status} />
                    {d.openRequests > 0 ? (
                      <span className="govuk-hint govuk-!-margin-0 govuk-body-s">
                        {d.openRequests} {d.openRequests === 1 ? "request" : "requests"} waiting
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <Pagination previous={href("before", previous)} next={href("after", next)} />
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Pagination } from "~/components/navigation";
import { requireUser } from "~/modules/auth/auth.server";
import { listInbox } from "~/modules/dissemination/inbox.server";
import { inboxQuery } from "~/modules/dissemination/forms.server";
import { DISSEMINATION_KIND_LABELS } from "~/modules/dissemination/labels";
import { formatDateTime } from "~/utils/dates";
import { CLASSIFICATION_LABELS } from "~/modules/intelligence/labels";
import { seekParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Inbox – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const query = parseQuery(request, inboxQuery);
  // Unacknowledged first: the inbox opens on what still needs a read receipt.
  const show = query.show ?? "to-acknowledge";
  const page = await listInbox(auth, show, seekParams(query));
  return {
    show,
    waiting: page.waiting,
    items: page.items.map((d) => ({
      id: d.id,
      reference: d.reference,
      title: d.title,
      kind: DISSEMINATION_KIND_LABELS[d.kind],
      classification: CLASSIFICATION_LABELS[d.classification],
      conditions: d.handlingCode === "C",
      from: d.senderOrganisation.name,
      sentAt: formatDateTime(d.decidedAt),
      acknowledged: d.recipients.some((r) => r.acknowledgedAt !== null),
    })),
    next: page.next,
    previous: page.previous,
  };
}

export default function Inbox() {
  const { show, waiting, items, next, previous } = useLoaderData<typeof loader>();
  const tabs = [
    { value: "to-acknowledge", label: `To acknowledge (${waiting})` },
    { value: "acknowledged", label: "Acknowledged" },
  ] as const;
  return (
    <>
      <h1 className="govuk-heading-l">Inbox</h1>
      <p className="govuk-body">
        Intelligence and threat briefings the police have disseminated to your organisation. Acknowledge each one so the sender
        knows it has been read. Each is available while the agreement it was sent under is in force.
      </p>
      <nav aria-label="Inbox views" className="govuk-!-margin-bottom-6">
        <ul className="govuk-list">
          {tabs.map((tab) => (
            <li key={tab.value} className="govuk-!-display-inline-block govuk-!-margin-right-4">
              <Link className="govuk-link" to={`/inbox?show=${tab.value}`} aria-current={show === tab.value ? "page" : undefined}>
                {show === tab.value ? <strong>{tab.label}</strong> : tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {items.length === 0 ? (
        <p className="govuk-body">{show === "to-acknowledge" ? "Nothing is waiting for your acknowledgement." : "Nothing acknowledged yet."}</p>
      ) : (
        <ScrollableTable label={show === "to-acknowledge" ? "To acknowledge" : "Acknowledged"}>
          <table className="govuk-table" data-testid="inbox">
            <caption className="govuk-table__caption govuk-visually-hidden">
              {show === "to-acknowledge" ? "To acknowledge" : "Acknowledged"}, newest first
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">Dissemination</th>
                <th scope="col" className="govuk-table__header">From</th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((d) => (
                <tr key={d.id} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={`/inbox/${d.id}`}>
                      {d.title}
                    </Link>
                    {d.conditions ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Conditions</strong> : null}
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s app-break-anywhere">
                      {d.reference}, {d.kind}, {d.classification}
                    </span>
                  </td>
                  <td className="govuk-table__cell">
                    {d.from}
                    <span className="govuk-hint govuk-!-margin-0 govuk-body-s">{d.sentAt}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <Pagination
        previous={previous ? `/inbox?show=${show}&before=${previous}` : null}
        next={next ? `/inbox?show=${show}&after=${next}` : null}
      />
    </>
  );
}

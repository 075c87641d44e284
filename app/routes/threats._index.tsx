import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ScrollableTable } from "~/components/table";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDate } from "~/utils/dates";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { listThreats } from "~/modules/intelligence/threats.server";

export const meta: MetaFunction = () => [{ title: "Threats – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { threats: await listThreats(auth) };
}

export default function Threats() {
  const { threats } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Threats</h1>
      <p className="govuk-body">Threats your force is assessing, with the intelligence linked to them. Create a threat from a submission&apos;s assess page.</p>
      {threats.length === 0 ? (
        <p className="govuk-body">There are no threats yet.</p>
      ) : (
        <ScrollableTable label="Threats">
          <table className="govuk-table" data-testid="threats">
          <caption className="govuk-table__caption govuk-visually-hidden">Threats, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Reference</th>
              <th scope="col" className="govuk-table__header">Title</th>
              <th scope="col" className="govuk-table__header">Type</th>
              <th scope="col" className="govuk-table__header">Areas</th>
              <th scope="col" className="govuk-table__header">Lead analyst</th>
              <th scope="col" className="govuk-table__header">Linked intelligence</th>
              <th scope="col" className="govuk-table__header">Created</th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {threats.map((t) => (
              <tr key={t.id} className="govuk-table__row">
                <td className="govuk-table__cell"><Link className="govuk-link" to={`/threats/${t.id}`}>{t.reference}</Link></td>
                <td className="govuk-table__cell">{t.title}</td>
                <td className="govuk-table__cell">{THREAT_TYPE_LABELS[t.threatType]}</td>
                <td className="govuk-table__cell">{t.areas.map((a) => a.name).join(", ")}</td>
                <td className="govuk-table__cell">{t.leadAnalyst?.name ?? "None"}</td>
                <td className="govuk-table__cell">{t.linkedSubmissions}</td>
                <td className="govuk-table__cell app-nowrap">{formatDate(t.createdAt)}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </ScrollableTable>
      )}
    </>
  );
}

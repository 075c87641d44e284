import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { HandlingConditions, PlainText } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { formatDateTime } from "~/utils/dates";
import { THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { approvalsQueue } from "~/modules/intelligence/triage.server";

export const meta: MetaFunction = () => [{ title: "Sanitised versions to approve – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  return { items: await approvalsQueue(auth) };
}

export default function Approvals() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Sanitised versions to approve</h1>
      <p className="govuk-body">
        Approve or reject dissemination on each submission&apos;s page. You never see your own sanitised versions here: another
        supervisor must decide on them (four eyes).
      </p>
      {items.length === 0 ? (
        <p className="govuk-body">Nothing is waiting for your approval.</p>
      ) : (
        <ul className="govuk-list" data-testid="approvals">
          {items.map((r) => (
            <li key={r.id} className="govuk-!-margin-bottom-6">
              <h2 className="govuk-heading-s">
                <Link className="govuk-link" to={`/triage/${r.submission.id}/sanitise`}>{r.submission.reference}</Link>
                {r.submission.threatType ? `: ${THREAT_TYPE_LABELS[r.submission.threatType]}` : ""}
              </h2>
              <HandlingConditions code={r.submission.handlingCode} conditions={r.submission.handlingConditions} />
              <p className="govuk-body-s">Written by {r.author.name}, {formatDateTime(r.createdAt)}</p>
              <div className="govuk-inset-text"><PlainText text={r.text} /></div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

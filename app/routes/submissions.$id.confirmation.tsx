import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/modules/auth/auth.server";
import { partnerSubmission } from "~/modules/intelligence/submissions.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Intelligence sent – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const submission = await partnerSubmission(auth, idParam(params));
  return { id: submission.id, reference: submission.reference };
}

export default function Confirmation() {
  const { id, reference } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Intelligence sent</h1>
          <div className="govuk-panel__body">
            Your reference number
            <br />
            <strong data-testid="reference">{reference}</strong>
          </div>
        </div>
        <h2 className="govuk-heading-m">What happens next</h2>
        <p className="govuk-body">An analyst will assess it. You can follow its status (received, being assessed, actioned, closed) and read any feedback.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/submissions/${id}`}>View your submission</Link>
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/submissions">Your organisation&apos;s submissions</Link>
        </p>
      </div>
    </div>
  );
}

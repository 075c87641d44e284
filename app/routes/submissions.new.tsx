import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireUser } from "~/modules/auth/auth.server";
import { deny } from "~/modules/authorization/deny.server";

export const meta: MetaFunction = () => [{ title: "Share intelligence with the police – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("create", "Submission")) await deny(auth, { action: "submission.draft_saved", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  return null;
}

export default function StartSubmission() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Share intelligence with the police</h1>
        <p className="govuk-body">Use this service to tell West Mercia Police about serious and organised crime your organisation has seen or been told about: county lines, cuckooing, exploitation, drug supply, fraud and similar harm.</p>
        <p className="govuk-body">You will be asked:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>what you know, and where and when it happened</li>
          <li>who and what is involved (people, vehicles, addresses, phone numbers, online handles)</li>
          <li>how reliable the source is and how they know it (3x5x2 grading)</li>
          <li>the classification, and the information sharing agreement you are sharing under</li>
        </ul>
        <p className="govuk-body">Your answers are saved as a draft from your first answer on. Nothing is sent until you check your answers and submit, and you can delete a draft you no longer need.</p>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            If someone is in immediate danger, call 999. This service is not monitored around the clock.
          </strong>
        </div>
        {/* A link, not a form: nothing is created until the first answer is saved. */}
        <Link to="/submissions/new/what" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
          Start now
          <svg className="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </Link>
      </div>
    </div>
  );
}

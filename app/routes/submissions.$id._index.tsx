import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BackLink, ClassificationMarking, HandlingConditions, PlainText, StatusTag, SubmissionDetails } from "~/components/intelligence";
import { requireUser } from "~/modules/auth/auth.server";
import { isPoliceUser } from "~/modules/authorization/roles";
import { formatDateTime } from "~/utils/dates";
import { summariseEntities } from "~/modules/intelligence/entities";
import { STATUS_LABELS } from "~/modules/intelligence/labels";
import { isOwnDraft, partnerSubmission } from "~/modules/intelligence/submissions.server";
import { idParam } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Your submission – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  // Police work on submissions from the triage pages.
  if (isPoliceUser(auth) && auth.ability.can("assess", "Submission")) throw redirect(`/triage/${id}`);
  // The user's own draft continues where they left off.
  if (await isOwnDraft(auth, id)) throw redirect(`/submissions/${id}/check`);
  const submission = await partnerSubmission(auth, id);
  return { submission: { ...submission, entities: summariseEntities(submission.entities) } };
}

export default function PartnerSubmissionPage() {
  const { submission: s } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/submissions">Your organisation&apos;s submissions</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ClassificationMarking classification={s.classification} />
          <span className="govuk-caption-l">{s.organisation.name}</span>
          <h1 className="govuk-heading-l">Submission {s.reference}</h1>
          <HandlingConditions code={s.handlingCode} conditions={s.handlingConditions} />
          <p className="govuk-body">
            Status: <StatusTag status={s.status} />
          </p>
          <p className="govuk-body">
            Sent by {s.submitter.name} on {formatDateTime(s.submittedAt)}.
          </p>
          <h2 className="govuk-heading-m">Feedback from the police</h2>
          {s.feedback.length === 0 && s.sanitisedReports.length === 0 ? (
            <p className="govuk-body" data-testid="no-feedback">
              No feedback yet. The status is {STATUS_LABELS[s.status].toLowerCase()}.
            </p>
          ) : (
            <ul className="govuk-list" data-testid="feedback">
              {s.feedback.map((f) => (
                <li key={f.id} className="govuk-inset-text">
                  <span className="govuk-caption-s">{formatDateTime(f.createdAt)}</span>
                  <PlainText text={f.message} />
                </li>
              ))}
              {s.sanitisedReports.map((r) => (
                <li key={r.id} className="govuk-inset-text">
                  <span className="govuk-caption-s">Intelligence shared back, {formatDateTime(r.decidedAt)}</span>
                  <PlainText text={r.text} />
                </li>
              ))}
            </ul>
          )}
          <SubmissionDetails submission={s} />
          <p className="govuk-body">
            <Link className="govuk-link" to={`/intelligence/${s.id}/export`} reloadDocument>
              Download as a spreadsheet (CSV)
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}

import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  HistoryTable,
  PartiesTable,
  ReviewsTable,
  SignaturesTable,
  SuspensionsSection,
} from "~/components/agreements/agreement-sections";
import { AgreementStatusTag } from "~/components/agreements/status-tag";
import { TermsSummaryList } from "~/components/agreements/terms";
import { Button, ErrorSummary } from "~/components/form";
import { audit } from "~/modules/audit/audit.server";
import type { FormActionData } from "~/modules/agreements/forms";
import { formatDate, formatDateTime } from "~/utils/dates";
import { pluralise } from "~/utils/plural";
import { submitForSignature } from "~/modules/agreements/lifecycle.server";
import { availableSteps, describeAgreement, sharedCounts } from "~/modules/agreements/queries.server";
import { actorOf, requireAgreement, runStep } from "~/modules/agreements/route-helpers.server";
import { VERSION_STATE_LABELS } from "~/modules/agreements/status";
import { idParam, parseQuery } from "~/utils/request.server";
import { optionalQuery } from "~/utils/input";
import { readForm } from "~/utils/forms.server";
import { clock } from "~/utils/clock";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.agreement.title ?? "Agreement"} – Partnership Intelligence Portal` },
];

/** Confirmation banners after a step, keyed by the `done` query parameter the step redirects with. */
const DONE_MESSAGES = {
  created: "Draft saved. Check it, then send it to the parties for signature.",
  updated: "Draft updated.",
  submitted: "Sent for signature. Each controller's signatory can now sign it.",
  signed: "Signed. The agreement becomes active when every controller has signed.",
  activated: "Signed by every party. The agreement is now active.",
  "amendment-in-force": "Signed by every party. The amended terms are now in force.",
  amended: "Amendment saved as a new version. Until every controller signs it, the signed terms stay in force.",
  suspended: "Agreement suspended. Nothing shared under it can be seen until it is reinstated.",
  reinstated: "Agreement reinstated.",
  "suspension-lifted": "Your organisation's suspension is lifted. The agreement stays suspended until every other party that suspended it lifts theirs.",
  revoked: "Agreement revoked. Nothing shared under it can be seen any more.",
  reviewed: "Review recorded.",
} as const;

const doneQuery = z.object({ done: optionalQuery(z.enum(Object.keys(DONE_MESSAGES) as [keyof typeof DONE_MESSAGES])) });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const now = clock.now();
  const required = await requireAgreement(request, context, idParam(params));
  // No writes here but the view's audit event: the status shown is computed from the dates
  // (displayStatus), and storing EXPIRED is the scheduled job's work (agreements/jobs.server.ts).
  const { auth, agreement } = required;
  const [description, shared] = await Promise.all([describeAgreement(agreement, now), sharedCounts(agreement.id)]);
  await audit(auth.audit, { action: "agreement.viewed", recordType: "Agreement", recordId: agreement.id, agreementId: agreement.id });
  const { done } = parseQuery(request, doneQuery);
  return {
    agreement: description,
    shared,
    steps: availableSteps(auth.ability, auth.user, agreement, now),
    done: done ? DONE_MESSAGES[done] : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "update");
  const form = await readForm(request);
  if (form.get("intent") !== "submit-for-signature") throw new Response("Unknown action", { status: 400 });
  const outcome = await runStep(auth, request, agreement.id, {}, () => submitForSignature(actorOf(auth), agreement.id));
  if (!outcome.ok) return outcome.response;
  return redirect(`/agreements/${agreement.id}?done=submitted`);
}

export default function AgreementPage() {
  const { agreement, shared, steps, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormActionData>();
  const pending = agreement.versions.find((v) => v.state === "AWAITING_SIGNATURES");
  const stillToSign = pending?.signatures.filter((s) => !s.signedBy).map((s) => s.organisation) ?? [];
  const has = (step: (typeof steps)[number]) => steps.includes(step);
  return (
    <>
      <Link to="/agreements" className="govuk-back-link">
        Back to agreements
      </Link>
      <ErrorSummary errors={actionData?.errors} />
      {done ? (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="done-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      ) : null}
      {pending ? (
        <div className="govuk-notification-banner" role="region" aria-labelledby="pending-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="pending-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">
              Version {pending.versionNumber} is awaiting signatures
              {stillToSign.length ? ` from ${stillToSign.join(" and ")}` : ""}.
            </p>
            {pending.versionNumber > 1 && agreement.displayStatus !== "AWAITING_SIGNATURES" ? (
              <p className="govuk-body">Until every controller signs it, version {agreement.currentVersionNumber} stays in force.</p>
            ) : null}
          </div>
        </div>
      ) : null}

      <span className="govuk-caption-l">{agreement.reference}</span>
      <h1 className="govuk-heading-l">{agreement.title}</h1>

      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            <AgreementStatusTag status={agreement.displayStatus} startDate={agreement.startDate} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Terms in force</dt>
          <dd className="govuk-summary-list__value">
            {agreement.versions.some((v) => v.state === "IN_FORCE") ? `Version ${agreement.currentVersionNumber}` : "None yet: not signed by every party"}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Start date</dt>
          <dd className="govuk-summary-list__value">{formatDate(agreement.startDate)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">End date</dt>
          <dd className="govuk-summary-list__value">{formatDate(agreement.endDate)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Review date</dt>
          <dd className="govuk-summary-list__value">{formatDate(agreement.reviewDate)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Shared under this agreement</dt>
          <dd className="govuk-summary-list__value" data-testid="shared-count">
            {pluralise(shared.total, "submission")}
            {shared.total > 0 ? (
              <ul className="govuk-list govuk-!-font-size-16">
                {Object.entries(shared.byStatus).map(([status, count]) => (
                  <li key={status}>
                    {status.replace(/_/g, " ").toLowerCase()}: {count}
                  </li>
                ))}
              </ul>
            ) : null}
          </dd>
        </div>
      </dl>

      <div className="govuk-button-group">
        {has("sign") && pending ? (
          <Link to={`/agreements/${agreement.id}/sign`} className="govuk-button" data-module="govuk-button">
            Sign version {pending.versionNumber}
          </Link>
        ) : null}
        {has("edit") ? (
          <Link to={`/agreements/${agreement.id}/edit`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Edit draft
          </Link>
        ) : null}
        {has("amend") ? (
          <Link to={`/agreements/${agreement.id}/amend`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Amend agreement
          </Link>
        ) : null}
        {has("review") ? (
          <Link to={`/agreements/${agreement.id}/review`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Record a review
          </Link>
        ) : null}
        {has("reinstate") ? (
          <Link to={`/agreements/${agreement.id}/reinstate`} className="govuk-button govuk-button--secondary" data-module="govuk-button">
            Reinstate agreement
          </Link>
        ) : null}
        {has("suspend") ? (
          <Link to={`/agreements/${agreement.id}/suspend`} className="govuk-button govuk-button--warning" data-module="govuk-button">
            Suspend agreement
          </Link>
        ) : null}
        {has("revoke") ? (
          <Link to={`/agreements/${agreement.id}/revoke`} className="govuk-button govuk-button--warning" data-module="govuk-button">
            Revoke agreement
          </Link>
        ) : null}
        <Link to={`/agreements/${agreement.id}/print`} className="govuk-link">
          Print view
        </Link>
      </div>
      {has("submit") ? (
        <Form method="post">
          <input type="hidden" name="intent" value="submit-for-signature" />
          <p className="govuk-body">When the draft is right, send it to the parties. It can no longer be edited once sent.</p>
          <Button>Send for signature</Button>
        </Form>
      ) : null}

      <SuspensionsSection suspensions={agreement.suspensions} suspended={agreement.displayStatus === "SUSPENDED"} />

      <PartiesTable parties={agreement.parties} />

      <h2 className="govuk-heading-m">
        {agreement.versions.some((v) => v.state === "IN_FORCE") ? `Terms in force (version ${agreement.currentVersionNumber})` : `Terms (version ${agreement.latestVersionNumber})`}
      </h2>
      <TermsSummaryList
        terms={agreement.versions.some((v) => v.state === "IN_FORCE") ? agreement.termsInForce : agreement.versions[agreement.versions.length - 1]!.terms}
      />

      <h2 className="govuk-heading-m">Versions and signatures</h2>
      {[...agreement.versions].reverse().map((version) => (
        <section key={version.versionNumber} className="govuk-!-margin-bottom-6" aria-labelledby={`version-${version.versionNumber}`}>
          <h3 className="govuk-heading-s" id={`version-${version.versionNumber}`}>
            Version {version.versionNumber}: {VERSION_STATE_LABELS[version.state]}
          </h3>
          <p className="govuk-body-s">
            {(version.changeSummary ?? "No summary").replace(/\.+$/, "")}. Created {formatDateTime(version.createdAt)} by {version.createdBy}.{" "}
            <Link className="govuk-link" to={`/agreements/${agreement.id}/versions/${version.versionNumber}`}>
              Read version {version.versionNumber}
              {version.versionNumber > 1 ? ` and what changed from version ${version.versionNumber - 1}` : ""}
            </Link>
          </p>
          <SignaturesTable caption={`Signatures on version ${version.versionNumber}`} signatures={version.signatures} />
        </section>
      ))}

      <HistoryTable history={agreement.history} />
      <ReviewsTable reviews={agreement.reviews} />
    </>
  );
}

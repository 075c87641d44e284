import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AgreementStatusTag } from "~/components/agreements/status-tag";
import { TermValue } from "~/components/agreements/terms";
import { PARTY_ROLE_LABELS } from "~/modules/agreements/labels";
import { formatDate, formatDateTime } from "~/utils/dates";
import { describeAgreement } from "~/modules/agreements/queries.server";
import { requireAgreement } from "~/modules/agreements/route-helpers.server";
import { termField, type TermKey } from "~/modules/agreements/terms-display";
import { notFound } from "~/modules/auth/auth.server";
import { audit } from "~/modules/audit/audit.server";
import { z } from "zod";
import { idParam, parseQuery } from "~/utils/request.server";
import { optionalQuery, versionNumber } from "~/utils/input";
import { clock } from "~/utils/clock";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.agreement.reference ?? "Agreement"} (print) – Partnership Intelligence Portal` },
];

/**
 * The agreement as a document, in the order the ICO data sharing code sets out. Prints the version
 * in force (or, before signature, the latest draft); `?version=n` prints any version.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params));
  const now = clock.now();
  const description = await describeAgreement(agreement, now);
  const { version: asked } = parseQuery(request, z.object({ version: optionalQuery(versionNumber) }));
  const inForce = description.versions.find((v) => v.state === "IN_FORCE");
  const version = asked
    ? description.versions.find((v) => v.versionNumber === asked)
    : (inForce ?? description.versions[description.versions.length - 1]);
  if (!version) throw notFound();
  await audit(auth.audit, {
    action: "agreement.viewed",
    recordType: "Agreement",
    recordId: agreement.id,
    agreementId: agreement.id,
    details: { view: "print", versionNumber: version.versionNumber },
  });
  return { agreement: description, version, printedAt: now, printedBy: `${auth.user.name} (${auth.user.organisation.name})` };
}

export default function PrintAgreement() {
  const { agreement, version, printedAt, printedBy } = useLoaderData<typeof loader>();
  const terms = version.terms;
  const value = (key: TermKey) => <TermValue terms={terms} field={termField(key)} />;
  return (
    <article className="app-agreement-document">
      <p className="govuk-body govuk-!-font-weight-bold">OFFICIAL</p>
      <p className="govuk-body app-no-print">
        <Link className="govuk-link" to={`/agreements/${agreement.id}`}>
          Back to the agreement
        </Link>{" "}
        · Use your browser&apos;s print command to print this document or save it as a PDF.
      </p>
      <span className="govuk-caption-l">Information sharing agreement {agreement.reference}</span>
      <h1 className="govuk-heading-l">{terms.title}</h1>
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Version</dt>
          <dd className="govuk-summary-list__value">
            {version.versionNumber}
            {version.changeSummary && version.versionNumber > 1 ? ` (${version.changeSummary})` : ""}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Status</dt>
          <dd className="govuk-summary-list__value">
            <AgreementStatusTag status={agreement.displayStatus} startDate={agreement.startDate} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Period</dt>
          <dd className="govuk-summary-list__value">
            From {formatDate(terms.startDate)} until the start of {formatDate(terms.endDate)}
          </dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">1. Parties</h2>
      <p className="govuk-body">This agreement is made between the following organisations.</p>
      <ol className="govuk-list govuk-list--number">
        {agreement.parties.map((party) => (
          <li key={party.organisationId}>
            <strong>{party.organisation}</strong>, as {PARTY_ROLE_LABELS[party.role].toLowerCase()}. Lead: {party.leadName} ({party.leadEmail}).
          </li>
        ))}
      </ol>

      <h2 className="govuk-heading-m">2. Purpose</h2>
      <p className="govuk-body">2.1 {value("purpose")}</p>
      <p className="govuk-body">2.2 The sharing serves these strands of the 4P framework:</p>
      {value("fourPStrands")}

      <h2 className="govuk-heading-m">3. Lawful basis and power to share</h2>
      <p className="govuk-body">3.1 The parties rely on:</p>
      {value("lawfulBases")}
      {terms.lawfulBasisNotes ? <p className="govuk-body">3.2 {value("lawfulBasisNotes")}</p> : null}

      <h2 className="govuk-heading-m">4. Data to be shared</h2>
      <p className="govuk-body">4.1 Only these categories of data may be shared:</p>
      {value("dataCategories")}
      <p className="govuk-body">
        4.2 Nothing classified above {value("classificationCeiling")} may be shared under this agreement.
      </p>

      <h2 className="govuk-heading-m">5. Security and handling</h2>
      <p className="govuk-body">5.1 Method: {value("sharingMethod")}</p>
      <p className="govuk-body">5.2 Handling conditions: {value("handlingConditions")}</p>
      <p className="govuk-body">
        5.3 Every access to shared information is logged (Data Protection Act 2018, section 62) and the log is
        available to the data protection officers of the parties.
      </p>

      <h2 className="govuk-heading-m">6. Retention and disposal</h2>
      <p className="govuk-body">6.1 Shared records are kept for {value("retentionMonths")} and then reviewed for disposal.</p>
      <p className="govuk-body">6.2 Disposal: {value("disposalMethod")}</p>

      <h2 className="govuk-heading-m">7. Rights requests</h2>
      <p className="govuk-body">7.1 {value("rightsRequests")}</p>

      <h2 className="govuk-heading-m">8. Breaches</h2>
      <p className="govuk-body">8.1 {value("breachProcedure")}</p>

      <h2 className="govuk-heading-m">9. Review, suspension and termination</h2>
      <p className="govuk-body">
        9.1 The agreement applies from {formatDate(terms.startDate)}, once every controller has signed it, until the
        start of {formatDate(terms.endDate)}, when it expires.
      </p>
      <p className="govuk-body">9.2 It will be reviewed by {formatDate(terms.reviewDate)}, and at least before it expires.</p>
      <p className="govuk-body">
        9.3 A data protection officer or intelligence supervisor of any party may suspend or revoke it, giving the reason.
        While it is suspended, revoked or expired nothing may be shared under it and nothing shared under it can be seen.
      </p>
      <p className="govuk-body">
        9.4 Changes are made by amendment, which takes effect only when every controller has signed it.
      </p>
      <p className="govuk-body">
        9.5 Data protection impact assessment: {terms.dpiaReference || "no reference"}, {value("dpiaStatus")}.
      </p>

      <h2 className="govuk-heading-m">10. Signatures</h2>
      <p className="govuk-body">Signed in the Partnership Intelligence Portal for each controller:</p>
      {version.signatures.map((signature) => (
        <div className="app-signature-block" key={signature.organisation}>
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>For {signature.organisation}</strong>
          </p>
          <p className="govuk-body">
            {signature.signedBy && signature.signedAt
              ? `Signed by ${signature.signedBy} on ${formatDateTime(signature.signedAt)} (version ${version.versionNumber})`
              : "Not signed"}
          </p>
        </div>
      ))}

      <p className="govuk-body-s govuk-!-margin-top-8">
        Printed {formatDateTime(printedAt)} by {printedBy}.
      </p>
      <p className="govuk-body govuk-!-font-weight-bold">OFFICIAL</p>
    </article>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AgreementHeading, SignaturesTable } from "~/components/agreements/agreement-sections";
import { TermsDiff, TermsSummaryList } from "~/components/agreements/terms";
import { formatDateTime } from "~/utils/dates";
import { describeAgreement } from "~/modules/agreements/queries.server";
import { requireAgreement } from "~/modules/agreements/route-helpers.server";
import { VERSION_STATE_LABELS } from "~/modules/agreements/status";
import { diffTerms } from "~/modules/agreements/terms-display";
import { notFound } from "~/modules/auth/auth.server";
import { audit } from "~/modules/audit/audit.server";
import { z } from "zod";
import { idParam, parseParams } from "~/utils/request.server";
import { versionNumber } from "~/utils/input";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Agreement version – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params));
  const description = await describeAgreement(agreement, clock.now());
  const { number } = parseParams(params, z.object({ number: versionNumber }));
  const version = description.versions.find((v) => v.versionNumber === number);
  if (!version) throw notFound();
  const previous = description.versions.find((v) => v.versionNumber === number - 1);
  await audit(auth.audit, {
    action: "agreement.viewed",
    recordType: "Agreement",
    recordId: agreement.id,
    agreementId: agreement.id,
    details: { view: "version", versionNumber: number },
  });
  return {
    agreement: description,
    version,
    changes: previous ? diffTerms(previous.terms, version.terms) : null,
  };
}

export default function AgreementVersion() {
  const { agreement, version, changes } = useLoaderData<typeof loader>();
  return (
    <>
      <AgreementHeading agreement={agreement} title={`Version ${version.versionNumber}`} />
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">State</dt>
          <dd className="govuk-summary-list__value">{VERSION_STATE_LABELS[version.state]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Created</dt>
          <dd className="govuk-summary-list__value">
            {formatDateTime(version.createdAt)} by {version.createdBy}
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Summary of changes</dt>
          <dd className="govuk-summary-list__value app-preserve-lines">{version.changeSummary ?? "None given"}</dd>
        </div>
      </dl>
      {changes ? <TermsDiff changes={changes} from={version.versionNumber - 1} to={version.versionNumber} /> : <p className="govuk-body">This is the first version.</p>}
      <SignaturesTable caption={`Signatures on version ${version.versionNumber}`} signatures={version.signatures} />
      <h2 className="govuk-heading-m">Full terms of version {version.versionNumber}</h2>
      <TermsSummaryList terms={version.terms} />
    </>
  );
}

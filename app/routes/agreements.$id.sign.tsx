import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgreementHeading, PartiesTable } from "~/components/agreements/agreement-sections";
import { TermsDiff, TermsSummaryList } from "~/components/agreements/terms";
import { Button, Choices, ErrorSummary } from "~/components/form";
import { signFormSchema, type FormActionData } from "~/modules/agreements/forms";
import { signVersion } from "~/modules/agreements/lifecycle.server";
import { availableSteps, describeAgreement } from "~/modules/agreements/queries.server";
import { actorOf, formError, requireAgreement, runStep } from "~/modules/agreements/route-helpers.server";
import { diffTerms } from "~/modules/agreements/terms-display";
import { audit } from "~/modules/audit/audit.server";
import { requireRecentAuthentication } from "~/modules/auth/reauthentication.server";
import { parseForm } from "~/utils/forms.server";
import { idParam } from "~/utils/request.server";
import { clock } from "~/utils/clock";

export const meta: MetaFunction = () => [{ title: "Sign agreement – Partnership Intelligence Portal" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "sign");
  const now = clock.now();
  const description = await describeAgreement(agreement, now);
  const canSign = availableSteps(auth.ability, auth.user, agreement, now).includes("sign");
  // Confirm it's you before the declaration, not after it has been ticked.
  if (canSign) requireRecentAuthentication(auth, request);
  const version = description.versions[description.versions.length - 1]!;
  const previous = description.versions.find((v) => v.versionNumber === version.versionNumber - 1);
  await audit(auth.audit, {
    action: "agreement.viewed",
    recordType: "Agreement",
    recordId: agreement.id,
    agreementId: agreement.id,
    details: { view: "sign", versionNumber: version.versionNumber },
  });
  return {
    agreement: description,
    organisationName: auth.user.organisation.name,
    canSign,
    version,
    changes: previous ? diffTerms(previous.terms, version.terms) : null,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { auth, agreement } = await requireAgreement(request, context, idParam(params), "sign");
  requireRecentAuthentication(auth, request, `/agreements/${agreement.id}/sign`);
  const form = await parseForm(request, signFormSchema);
  if (!form.success) return formError(form.errors, form.values);
  const outcome = await runStep(auth, request, agreement.id, form.values, () =>
    signVersion(actorOf(auth), agreement.id, form.data.versionNumber),
  );
  if (!outcome.ok) return outcome.response;
  const done = outcome.result.activated ? "activated" : outcome.result.versionInForce ? "amendment-in-force" : "signed";
  return redirect(`/agreements/${agreement.id}?done=${done}`);
}

export default function SignAgreement() {
  const { agreement, organisationName, canSign, version, changes } = useLoaderData<typeof loader>();
  const actionData = useActionData<FormActionData>();
  if (!canSign) {
    return (
      <>
        <AgreementHeading agreement={agreement} title="There is nothing for you to sign" />
        <p className="govuk-body">
          {organisationName} has either signed the latest version already, or this agreement is not waiting for signatures.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/agreements/${agreement.id}`}>
            Return to the agreement
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <ErrorSummary errors={actionData?.errors} />
      <AgreementHeading agreement={agreement} title={`Sign version ${version.versionNumber}`} />
      <p className="govuk-body">
        You are signing the text below, version {version.versionNumber} of agreement {agreement.reference}, on behalf of{" "}
        {organisationName}. Your name, your organisation and the time are recorded with the signature.
      </p>
      {version.changeSummary && version.versionNumber > 1 ? (
        <div className="govuk-inset-text">
          <p className="govuk-body">Why it was amended: {version.changeSummary}</p>
        </div>
      ) : null}
      {changes ? <TermsDiff changes={changes} from={version.versionNumber - 1} to={version.versionNumber} /> : null}
      <PartiesTable parties={agreement.parties} />
      <h2 className="govuk-heading-m">Terms of version {version.versionNumber}</h2>
      <TermsSummaryList terms={version.terms} />
      <Form method="post" noValidate>
        <input type="hidden" name="versionNumber" value={version.versionNumber} />
        <Choices
          kind="checkbox"
          name="confirm"
          legend="Declaration"
          error={actionData?.errors.confirm}
          options={[{ value: "yes", label: `I confirm I am authorised to sign for ${organisationName}` }]}
        />
        <Button>Sign version {version.versionNumber}</Button>
      </Form>
    </>
  );
}

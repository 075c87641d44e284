import { pluralise } from "~/utils/plural";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BackToAudit, recordHistoryHref } from "~/components/audit";
import { Button, ErrorSummary, TextInput, valueOf } from "~/components/form";
import { Justification } from "~/components/justification";
import { auditActionLabel, type Justification as JustificationCode } from "~/modules/audit/actions";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { justificationSchema } from "~/modules/audit/justification";
import { justificationRequired } from "~/modules/audit/justification.server";
import { eventLabels } from "~/modules/audit/search.server";
import { subjectAccessSearch, subjectSearchSchema } from "~/modules/audit/subject-access.server";
import { SUBJECT_FIELDS, SUBJECT_RESULTS_MAX } from "~/modules/audit/subject-fields";
import { formatDate, formatDateTimeSeconds } from "~/utils/dates";
import { parseFormData, zodFieldErrors, readForm } from "~/utils/forms.server";

export const meta: MetaFunction = () => [{ title: "Subject access search – Partnership Intelligence Portal" }];

const CHOICES: readonly JustificationCode[] = ["SUBJECT_ACCESS_REQUEST", "DATA_PROTECTION_REVIEW", "AUDIT_INVESTIGATION", "OTHER"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  return { justificationRequired: justificationRequired() };
}

/** POST, so a person's identifiers never appear in a URL, browser history or server log. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { scope, ability, audit } = await requireAuditAccess(request, context, { action: "read", subject: "DataProtectionOversight" });
  const formData = await readForm(request);
  const subject = parseFormData(formData, subjectSearchSchema);
  const why = justificationSchema({ required: justificationRequired(), choices: CHOICES }).safeParse(
    Object.fromEntries(["justification", "justificationNote"].map((k) => [k, formData.get(k) ?? undefined])),
  );
  const errors = { ...(subject.success ? {} : subject.errors), ...(why.success ? {} : zodFieldErrors(why.error)) };
  if (!subject.success || !why.success) return { values: subject.values, errors, results: null };
  const results = await subjectAccessSearch(ability, scope, subject.data, why.data, audit);
  const labels = await eventLabels(
    scope,
    results.flatMap((r) => r.access.map((a) => ({ actorUserId: null, actorOrganisationId: a.actorOrganisationId, agreementId: a.agreementId, recordOrganisationId: null, recordType: null, recordId: null }))),
  );
  return { values: subject.values, errors: null, results: { submissions: results, labels } };
}

export default function SubjectAccess() {
  const { justificationRequired } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? undefined;
  return (
    <>
      <BackToAudit />
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Subject access search</h1>
      <p className="govuk-body">
        Find every record your organisation controls that names a person, and who consulted or received it. Identifiers are matched
        the way partners&rsquo; entries are normalised, so &ldquo;ab12 cde&rdquo; finds &ldquo;AB12CDE&rdquo; and &ldquo;07700
        900123&rdquo; finds &ldquo;+44 7700 900123&rdquo;. The search is recorded with your reason; what you type is not.
      </p>
      <Form method="post" className="govuk-!-margin-bottom-6">
        {SUBJECT_FIELDS.map((field) => (
          <TextInput
            key={field.name}
            name={field.name}
            label={field.label}
            spellCheck={false}
            autoComplete="off"
            error={errors?.[field.name]}
            defaultValue={valueOf(data?.values, field.name)}
          />
        ))}
        <Justification required={justificationRequired} choices={CHOICES} errors={errors} values={data?.values} legend="Why are you searching?" />
        <Button>Search</Button>
      </Form>
      {data?.results ? (
        <>
          <h2 className="govuk-heading-m">
            {data.results.submissions.length === 0
              ? "No records name this person"
              : `${pluralise(data.results.submissions.length, "record names", "records name")} this person`}
          </h2>
          {data.results.submissions.length >= SUBJECT_RESULTS_MAX ? (
            <p className="govuk-body">Only the first {SUBJECT_RESULTS_MAX} are shown: add identifiers to narrow the search.</p>
          ) : null}
          {data.results.submissions.map((s) => (
            <div key={s.id} className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">
                  {s.reference ?? "Draft"}
                  {s.disposedAt ? " (disposed)" : ""}
                </h3>
                <ul className="govuk-summary-card__actions">
                  <li className="govuk-summary-card__action">
                    <Link className="govuk-link" to={recordHistoryHref("Submission", s.id)}>
                      Full history<span className="govuk-visually-hidden"> of {s.reference}</span>
                    </Link>
                  </li>
                </ul>
              </div>
              <div className="govuk-summary-card__content">
                <dl className="govuk-summary-list">
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Submitted by</dt>
                    <dd className="govuk-summary-list__value">
                      {s.organisationName}
                      {s.submittedAt ? `, ${formatDate(s.submittedAt)}` : ""}
                    </dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Shared under</dt>
                    <dd className="govuk-summary-list__value">{s.agreementReference ?? "No agreement"}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Names</dt>
                    <dd className="govuk-summary-list__value">{s.matched.map((m) => `${m.displayValue} (${m.kind.toLowerCase().replace("_", " ")})`).join("; ")}</dd>
                  </div>
                  <div className="govuk-summary-list__row">
                    <dt className="govuk-summary-list__key">Consulted or received by</dt>
                    <dd className="govuk-summary-list__value">
                      {s.access.length === 0 ? (
                        "Nobody"
                      ) : (
                        <ul className="govuk-list">
                          {s.access.map((a, index) => (
                            <li key={index}>
                              {a.actorEmail ?? "System"}
                              {a.actorOrganisationId ? ` (${data.results.labels.organisations[a.actorOrganisationId] ?? ""})` : ""}: {auditActionLabel(a.action)}
                              {a.recordType === "SanitisedReport" ? " (sanitised version)" : ""}, {a.count}{" "}
                              {a.count === 1 ? "time" : "times"}
                              {a.agreementId ? ` under ${data.results.labels.agreements[a.agreementId] ?? "an agreement"}` : ""}
                              {a.last ? `, last ${formatDateTimeSeconds(a.last)}` : ""}
                            </li>
                          ))}
                        </ul>
                      )}
                    </dd>
                  </div>
                </dl>
              </div>
            </div>
          ))}
        </>
      ) : null}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { ErrorSummary, Select, TextInput } from "~/components/form";
import { NextPageLink, nextPageHref, StatusTag } from "~/components/intelligence";
import { MatchedBecause } from "~/components/search-snippets";
import { requireUser } from "~/modules/auth/auth.server";
import { JUSTIFICATIONS } from "~/modules/audit/actions";
import { formatDate } from "~/utils/dates";
import { enumOptions, SEARCH_EXAMPLE, SEARCH_JUSTIFICATIONS, STATUS_LABELS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { asksWhySearching, searchAreas, searchProblems, searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { zodFieldErrors, type FieldErrors } from "~/utils/forms.server";
import { safeParseQuery } from "~/utils/request.server";
import { ScrollableTable } from "~/components/table";

export const meta: MetaFunction = () => [{ title: "Search intelligence – Partnership Intelligence Portal" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { values, result: parsed } = safeParseQuery(request, searchSchema);
  const areas = await searchAreas();
  if (!parsed.success) return { errors: zodFieldErrors(parsed.error) as FieldErrors | undefined, police: asksWhySearching(auth), values, areas, result: null };
  const problems = searchProblems(auth, parsed.data);
  if (problems) return { errors: problems as FieldErrors | undefined, police: true, values, areas, result: null };
  return { errors: undefined as FieldErrors | undefined, police: asksWhySearching(auth), values, areas, result: await searchSubmissions(auth, parsed.data) };
}

export default function Search() {
  const { errors, police, values, areas, result } = useLoaderData<typeof loader>();
  const location = useLocation();
  const value = (name: string): string | undefined => values[name];
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1 className="govuk-heading-l">Search intelligence</h1>
      <p className="govuk-body">
        {police
          ? "Search all intelligence shared with your force under agreements in force."
          : "Search your organisation's submissions."}
      </p>
      <Form method="get" role="search" aria-label="Intelligence">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <TextInput name="q" label="Words in the narrative or location" hint={`For example, ${SEARCH_EXAMPLE}. Words also match their longer forms; put exact phrases in quotes; -word leaves a word out.`} error={errors?.q} defaultValue={value("q")} />
          </div>
          <div className="govuk-grid-column-one-half">
            <TextInput name="identifier" label="Identifier" hint="A phone number, registration, handle, name, nickname or postcode" error={errors?.identifier} defaultValue={value("identifier")} spellCheck={false} />
          </div>
        </div>
        <div className="app-filter-row">
          <Select name="areaId" label="Area" defaultValue={value("areaId") ?? ""} options={[{ value: "", label: "All areas" }, ...areas.map((a) => ({ value: a.id, label: a.name }))]} />
          <Select name="threatType" label="Threat type" defaultValue={value("threatType") ?? ""} options={[{ value: "", label: "All types" }, ...enumOptions(THREAT_TYPE_LABELS)]} />
          <Select name="status" label="Status" defaultValue={value("status") ?? ""} options={[{ value: "", label: "Any status" }, ...enumOptions(STATUS_LABELS).filter((o) => o.value !== "DRAFT")]} />
          {police ? (
            <Select name="justification" label="Why are you searching?" error={errors?.justification} defaultValue={value("justification") ?? ""}
              options={[{ value: "", label: "Choose a reason" }, ...SEARCH_JUSTIFICATIONS.map((j) => ({ value: j, label: JUSTIFICATIONS[j] }))]} />
          ) : null}
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">Search</button>
      </Form>
      {result?.searched ? (
        <>
          <h2 className="govuk-heading-m" data-testid="result-count">
            {result.items.length === 0 ? "No results" : `${result.items.length}${result.nextCursor ? "+" : ""} result${result.items.length === 1 ? "" : "s"}`}
          </h2>
          {result.items.length > 0 ? (
            <ScrollableTable label={`${result.ranked ? "Most relevant first" : "Newest first"}`}>
              <table className="govuk-table" data-testid="search-results">
                <caption className="govuk-table__caption govuk-table__caption--s">{result.ranked ? "Most relevant first" : "Newest first"}</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Reference</th>
                    <th scope="col" className="govuk-table__header">Type</th>
                    <th scope="col" className="govuk-table__header">Area</th>
                    <th scope="col" className="govuk-table__header">Sent</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {result.items.map((s) => (
                    <tr key={s.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={police ? `/triage/${s.id}` : `/submissions/${s.id}`}>{s.reference}</Link>
                        {s.handlingCode === "C" ? <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-1">Conditions</strong> : null}
                        <MatchedBecause snippets={s.snippets} threatType={s.typeMatched && s.threatType ? THREAT_TYPE_LABELS[s.threatType] : null} />
                      </td>
                      <td className="govuk-table__cell">{s.threatType ? THREAT_TYPE_LABELS[s.threatType] : ""}</td>
                      <td className="govuk-table__cell">{s.area?.name}</td>
                      <td className="govuk-table__cell app-nowrap">{formatDate(s.submittedAt)}</td>
                      <td className="govuk-table__cell"><StatusTag status={s.status} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          ) : null}
          <NextPageLink href={nextPageHref(location.search, result.nextCursor)} />
        </>
      ) : null}
    </>
  );
}

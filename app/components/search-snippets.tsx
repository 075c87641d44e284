import type { SearchSnippetField } from "~/modules/authorization/fields";
import { headlineParts } from "~/modules/intelligence/headline";

const SNIPPET_LABELS: Record<SearchSnippetField, string> = { narrative: "Narrative", locationDescription: "Location" };

/** Why a result matched: highlighted extracts, rendered as text and <mark> elements (never as HTML). */
export function MatchedBecause({ snippets, threatType }: { snippets: { field: SearchSnippetField; text: string }[]; threatType: string | null }) {
  if (snippets.length === 0 && !threatType) return null;
  return (
    <dl className="app-search-snippets govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0" data-testid="snippets">
      {threatType ? (
        <div>
          <dt className="govuk-!-display-inline govuk-!-font-weight-bold">Threat type: </dt>
          <dd className="govuk-!-display-inline govuk-!-margin-left-0"><mark>{threatType}</mark></dd>
        </div>
      ) : null}
      {snippets.map((snippet) => (
        <div key={snippet.field}>
          <dt className="govuk-!-display-inline govuk-!-font-weight-bold">{SNIPPET_LABELS[snippet.field]}: </dt>
          <dd className="govuk-!-display-inline govuk-!-margin-left-0">
            {headlineParts(snippet.text).map((part, i) => (part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
          </dd>
        </div>
      ))}
    </dl>
  );
}


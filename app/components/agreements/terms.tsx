import type { ReactNode } from "react";
import { TERM_FIELDS, type TermChange } from "~/modules/agreements/terms-display";
import type { AgreementTerms } from "~/modules/agreements/terms";
import { ScrollableTable } from "~/components/table";

/** Shows a term's value: multi-choice terms as a bulleted list, long text with its line breaks. */
export function TermValue({ terms, field }: { terms: AgreementTerms; field: (typeof TERM_FIELDS)[number] }) {
  const shown = field.show(terms);
  if (shown.kind === "list") {
    return (
      <ul className="govuk-list govuk-list--bullet">
        {shown.items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    );
  }
  return <span className="app-preserve-lines">{shown.value}</span>;
}

/** All terms of one version as a GOV.UK summary list. */
export function TermsSummaryList({ terms, actions }: { terms: AgreementTerms; actions?: ReactNode }) {
  return (
    <>
      <dl className="govuk-summary-list">
        {TERM_FIELDS.map((field) => (
          <div className="govuk-summary-list__row" key={field.key}>
            <dt className="govuk-summary-list__key">{field.label}</dt>
            <dd className="govuk-summary-list__value">
              <TermValue terms={terms} field={field} />
            </dd>
          </div>
        ))}
      </dl>
      {actions}
    </>
  );
}

/** A field-by-field comparison of two versions, readable without colour. */
export function TermsDiff({ changes, from, to }: { changes: TermChange[]; from: number; to: number }) {
  if (changes.length === 0) {
    return <p className="govuk-body">Version {to} changes no term of version {from}.</p>;
  }
  return (
    <ScrollableTable label={`What changed from version ${from} to version ${to}`}>
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          What changed from version {from} to version {to}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header app-width-one-quarter">
              Term
            </th>
            <th scope="col" className="govuk-table__header">
              Version {from}
            </th>
            <th scope="col" className="govuk-table__header">
              Version {to}
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {changes.map((change) => (
            <tr className="govuk-table__row" key={change.key}>
              <th scope="row" className="govuk-table__header">
                {change.label}
              </th>
              {change.added || change.removed ? (
                <>
                  <td className="govuk-table__cell">
                    {change.removed?.length ? (
                      <>
                        <span className="govuk-!-font-weight-bold">Removed:</span>
                        <ul className="govuk-list govuk-list--bullet">
                          {change.removed.map((item) => (
                            <li key={item}>
                              <del>{item}</del>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      "Nothing removed"
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {change.added?.length ? (
                      <>
                        <span className="govuk-!-font-weight-bold">Added:</span>
                        <ul className="govuk-list govuk-list--bullet">
                          {change.added.map((item) => (
                            <li key={item}>
                              <ins>{item}</ins>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      "Nothing added"
                    )}
                  </td>
                </>
              ) : (
                <>
                  <td className="govuk-table__cell app-preserve-lines">
                    <del>{change.before}</del>
                  </td>
                  <td className="govuk-table__cell app-preserve-lines">
                    <ins>{change.after}</ins>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

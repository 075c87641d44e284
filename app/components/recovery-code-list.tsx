/**
 * Recovery codes, shown once after they are made. The warning says plainly that they will not be
 * shown again; the list is easy to print or copy.
 */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          These codes will not be shown again. Save them somewhere safe, away from your phone.
        </strong>
      </div>
      <p className="govuk-body">
        If you lose your phone, each code lets you sign in once instead of a security code.
      </p>
      <ol className="govuk-list govuk-list--number app-recovery-codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="app-secret">{code}</code>
          </li>
        ))}
      </ol>
    </>
  );
}

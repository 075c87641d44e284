/** govuk-frontend ships JavaScript without type declarations: these are the parts the portal uses. */
declare module "govuk-frontend" {
  /** Initialises every component marked with `data-module` in the document (or `scope`). */
  export function initAll(config?: { scope?: Element | Document | null }): void;
  /** The error summary: takes focus when started (for an error summary shown after the page loaded). */
  export class ErrorSummary {
    constructor($root: Element, config?: { disableAutoFocus?: boolean });
  }
}

import type { ReactNode } from "react";

/**
 * Wraps a GOV.UK table so that, on a narrow screen (320 px), a table wider than the page scrolls
 * inside its own box instead of squeezing its columns (dates stay on one line: `app-nowrap` cells).
 * The box can take focus, so keyboard users can scroll it too; its label says what it holds.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="app-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

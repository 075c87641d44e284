import { stringify } from "csv-stringify/sync";

/**
 * CSV for every export, safe to open in a spreadsheet. csv-stringify handles RFC 4180 quoting and,
 * with `escape_formulas`, prefixes cells starting with = + - @ tab or CR with an apostrophe, so a
 * value typed by a partner can never run as a formula (CSV injection).
 */
const OPTIONS = {
  escape_formulas: true,
  record_delimiter: "windows",
  // csv-stringify quotes a field containing the record delimiter (CRLF) but not a lone LF or CR;
  // spreadsheets would split the row there, so quote any field with a line break.
  quoted_match: /[\r\n]/,
  cast: {
    date: (value: Date) => value.toISOString(),
    bigint: (value: bigint) => value.toString(),
    object: (value: object) => JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v)),
  },
} as const;

/** One record, ending in CRLF: for streaming large exports row by row. */
export function csvRow(values: readonly unknown[]): string {
  return stringify([values as unknown[]], OPTIONS);
}

/** A whole document, with a byte order mark so Excel reads UTF-8 names correctly. */
export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], { ...OPTIONS, bom: true });
}

/**
 * CSV that is safe to open in a spreadsheet: a cell starting with =, +, -, @, tab or carriage
 * return is a formula to Excel and LibreOffice ("CSV injection"), so it is prefixed with a quote
 * character and shown as text. Every cell is quoted; quotes are doubled.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(rows: (string | number | null | undefined)[][]): string {
  // CRLF line ends (RFC 4180) and a byte order mark so Excel reads UTF-8 names correctly.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

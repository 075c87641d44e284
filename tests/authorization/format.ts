import type { Code } from "./probe";
import { PRINCIPALS, type Principal } from "./world";

const WIDTH = 5;

/** The column header that sits above every row in matrix.ts. */
export const HEADER = PRINCIPALS.map((p) => p.padEnd(WIDTH)).join("").trimEnd();

/** A row as written in matrix.ts: one code per principal, in PRINCIPALS order, aligned under HEADER. */
export function formatRow(codes: Record<Principal, Code>): string {
  return PRINCIPALS.map((p) => codes[p].padEnd(WIDTH)).join("").trimEnd();
}

export function parseRow(row: string): Record<Principal, Code> | string {
  const codes = row.trim().split(/\s+/);
  if (codes.length !== PRINCIPALS.length) return `has ${codes.length} codes, needs ${PRINCIPALS.length} (${PRINCIPALS.join(" ")})`;
  return Object.fromEntries(PRINCIPALS.map((p, i) => [p, codes[i]!])) as Record<Principal, Code>;
}

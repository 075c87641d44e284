/**
 * Money is held in pence (BigInt) and shown in pounds with thousands separators: "£987,450" for
 * whole pounds, "£1,234.50" otherwise. Formatting uses BigInt arithmetic, so no total is rounded.
 */
export function formatPence(pence: bigint | number | string | null | undefined): string {
  if (pence === null || pence === undefined) return "";
  const value = BigInt(pence);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const pounds = (abs / 100n).toLocaleString("en-GB");
  const rest = abs % 100n;
  return `${negative ? "-" : ""}£${pounds}${rest === 0n ? "" : `.${rest.toString().padStart(2, "0")}`}`;
}

/** "£1,234.50", "1234.5" or "1234" → pence; null when it is not an amount of money. */
export function parsePounds(text: string): bigint | null {
  const cleaned = text.trim().replace(/^£/, "").replace(/,/g, "");
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

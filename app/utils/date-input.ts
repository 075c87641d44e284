import { z } from "zod";

/**
 * Dates typed in the GOV.UK date input pattern: three fields named `<name>-day`, `<name>-month`
 * and `<name>-year` (app/components/date-input.tsx). The form parsers fold each such triple into
 * one value `{ day, month, year }` under `<name>` before the schema sees it (foldDateInputs), and
 * `dateInput` checks it with the GOV.UK messages and gives the day as "YYYY-MM-DD" (UK calendar
 * day). A plain "YYYY-MM-DD" string is still accepted (links and scripts).
 */
const PART = /^(.*)-(day|month|year)$/;

/** The three fields' suffixes, in the order they are shown. */
export const DATE_PARTS = ["day", "month", "year"] as const;

type Parts = { day: string; month: string; year: string };

export function foldDateInputs<V extends Record<string, unknown>>(values: V): Record<string, unknown> {
  const folded: Record<string, unknown> = { ...values };
  for (const key of Object.keys(values)) {
    const match = PART.exec(key);
    if (!match) continue;
    const name = match[1]!;
    const part = match[2] as keyof Parts;
    const value = values[key];
    const existing = folded[name];
    const parts: Parts = existing && typeof existing === "object" && !Array.isArray(existing) ? (existing as Parts) : { day: "", month: "", year: "" };
    parts[part] = typeof value === "string" ? value.trim() : "";
    folded[name] = parts;
    delete folded[key];
  }
  return folded;
}

function isRealDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toParts(value: unknown): Parts | null {
  if (value === undefined || value === null) return { day: "", month: "", year: "" };
  if (typeof value === "string") {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
    if (iso) return { year: iso[1]!, month: iso[2]!, day: iso[3]! };
    return value.trim() === "" ? { day: "", month: "", year: "" } : null;
  }
  if (typeof value === "object" && !Array.isArray(value)) {
    const v = value as Partial<Parts>;
    return { day: v.day ?? "", month: v.month ?? "", year: v.year ?? "" };
  }
  return null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** GOV.UK allows a month as a number or its name ("3", "03", "Mar", "March"). */
function monthNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const index = MONTHS.indexOf(text.slice(0, 3).toLowerCase());
  return index >= 0 && text.length >= 3 ? index + 1 : null;
}

/** The day typed ("YYYY-MM-DD"), nothing (all three fields empty) or what is wrong with it. */
function readDate(label: string, value: unknown): { day: string | undefined } | { problem: string } {
  const parts = toParts(value);
  if (!parts) return { problem: `${label} must be a real date` };
  const missing = (["day", "month", "year"] as const).filter((p) => parts[p] === "");
  if (missing.length === 3) return { day: undefined };
  if (missing.length > 0) return { problem: `${label} must include a ${missing.join(" and ")}` };
  const month = monthNumber(parts.month);
  if (!/^\d{1,2}$/.test(parts.day) || month === null || !/^\d{4}$/.test(parts.year)) return { problem: `${label} must be a real date` };
  const [year, day] = [Number(parts.year), Number(parts.day)];
  if (!isRealDay(year, month, day)) return { problem: `${label} must be a real date` };
  return { day: `${parts.year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** A date that must be given. `label` names it in messages ("Start date"). Output: "YYYY-MM-DD". */
export function dateInput(label: string) {
  return z.unknown().transform((value, ctx): string => {
    const read = readDate(label, value);
    if ("problem" in read || read.day === undefined) {
      ctx.addIssue({ code: "custom", message: "problem" in read ? read.problem : `Enter the ${label.toLowerCase()}` });
      return z.NEVER;
    }
    return read.day;
  });
}

/** A date that may be left blank (undefined). Output: "YYYY-MM-DD" or undefined. */
export function optionalDateInput(label: string) {
  return z.unknown().transform((value, ctx): string | undefined => {
    const read = readDate(label, value);
    if ("problem" in read) {
      ctx.addIssue({ code: "custom", message: read.problem });
      return z.NEVER;
    }
    return read.day;
  })
    // An absent field is a blank one (zod 4 would otherwise ask for the key).
    .optional();
}

import { z } from "zod";

/**
 * Free text from partners and analysts, made safe to store and compare:
 * - Unicode NFC, so "é" typed as one character or as "e" + accent is the same text (and searches match);
 * - Windows and old Mac line endings become "\n";
 * - control characters (NUL above all: PostgreSQL refuses it) are refused with a message rather than
 *   silently dropped, because the user should know their paste was damaged;
 * - length counted in characters as people count them (code points), after normalising.
 * HTML and script are just text: React escapes them when rendering and nothing here interprets them.
 */
export const TEXT_LIMITS = {
  short: 200,
  location: 500,
  conditions: 2_000,
  feedback: 2_000,
  reason: 2_000,
  narrative: 10_000,
} as const;

// C0 controls except tab, line feed and carriage return; DEL; C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export function cleanText(value: string): string {
  return value.normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

export function characterCount(value: string): number {
  return [...value].length;
}

/** Trimmed, NFC text that is optional: empty becomes null. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .default("")
    .transform(cleanText)
    .refine((v) => !hasControlCharacters(v), `${label} contains hidden control characters (such as null bytes): remove them and try again`)
    .refine((v) => characterCount(v) <= max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`)
    .transform((v) => (v === "" ? null : v));
}

/** Trimmed, NFC text that must be given. `missing` is the GOV.UK-style "Enter …" message. */
export function requiredText(label: string, max: number, missing: string) {
  return z
    .string({ error: missing })
    .default("")
    .transform(cleanText)
    .refine((v) => v.length > 0, missing)
    .refine((v) => !hasControlCharacters(v), `${label} contains hidden control characters (such as null bytes): remove them and try again`)
    .refine((v) => characterCount(v) <= max, `${label} must be ${max.toLocaleString("en-GB")} characters or fewer`);
}

import type { EntityKind } from "~/generated/prisma/enums";

/**
 * Matching keys for identifiers named in intelligence. Partners type the same thing many ways
 * ("tf1 2ab", "TF12AB"; "07700 900123", "+44 (0)7700-900123"; "@Tiny_T"), so every identifier is
 * stored twice: as typed (for people to read) and as its normalised key (for matching and search).
 * Pure functions: the same input always gives the same key, on the server and in tests.
 */

/** Letters and digits only, upper-case: the key for registrations and postcodes. */
function compactUpper(value: string): string {
  return value.normalize("NFKC").toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Upper-case words separated by single spaces, punctuation other than ' and - dropped. */
function wordsUpper(value: string): string {
  return value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}'\- ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

// UK postcode: outward code (area, district, optional sub-district) then inward code (sector, unit).
// Follows the published format; GIR 0AA is the one historic exception.
const POSTCODE = /^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2})$/;

/** "tf1 2ab" → "TF12AB"; null when it is not a UK postcode. */
export function normalisePostcode(value: string): string | null {
  const compact = compactUpper(value);
  return POSTCODE.test(compact) ? compact : null;
}

/** "tf12ab" → "TF1 2AB" (the inward code is always the last three characters). */
export function formatPostcode(value: string): string | null {
  const compact = normalisePostcode(value);
  return compact ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : null;
}

/**
 * A phone number in E.164. UK numbers may be typed nationally (07700 900123), internationally
 * (+44 7700 900123, 0044 …) or with the "(0)" habit (+44 (0)7700 900123). Numbers from other
 * countries must start with + or 00. Null when it cannot be a real number.
 */
export function normalisePhone(value: string): string | null {
  let raw = value.normalize("NFKC").trim().replace(/\(0\)/g, "");
  if (!/^[+0-9 ()\-.]+$/.test(raw)) return null;
  raw = raw.replace(/[ ()\-.]/g, "");
  if (raw.startsWith("00")) raw = `+${raw.slice(2)}`;
  if (raw.startsWith("+44")) {
    const national = raw.slice(3).replace(/^0/, "");
    return isUkNationalNumber(national) ? `+44${national}` : null;
  }
  if (raw.startsWith("+")) {
    // E.164: country code and number together at most 15 digits, never starting with 0.
    return /^\+[1-9][0-9]{6,14}$/.test(raw) ? raw : null;
  }
  // A national UK number: trunk prefix 0 then the national significant number.
  return raw.startsWith("0") && isUkNationalNumber(raw.slice(1)) ? `+44${raw.slice(1)}` : null;
}

/** UK national significant numbers: 10 digits (mobiles, 07…, always), or 9 for some landlines and 0800. */
function isUkNationalNumber(digits: string): boolean {
  return /^(7[0-9]{9}|[1-689][0-9]{8,9})$/.test(digits);
}

/** "@Tiny_T " → "tiny_t": handles are case-insensitive on the platforms partners report. */
export function normaliseHandle(value: string): string | null {
  const handle = value.normalize("NFKC").trim().replace(/^@+/, "").toLowerCase();
  return handle.length > 0 && !/\s/.test(handle) ? handle : null;
}

/** Vehicle registration: letters and digits only, upper-case ("ab12 cde" → "AB12CDE"). */
export function normaliseRegistration(value: string): string | null {
  const compact = compactUpper(value);
  // UK marks run from 2 to 7 characters; foreign plates up to 10. Letters and digits only.
  return compact.length >= 2 && compact.length <= 10 ? compact : null;
}

// A current-style UK mark (since 2001): two letters, two digits (the age identifier), three letters.
const CURRENT_UK_MARK = /^[A-Z]{2}[0-9]{2}[A-Z]{3}$/;

/**
 * A registration as it is shown, like a postcode: upper-case, and a current UK mark spaced as on the
 * plate ("ab12cde" → "AB12 CDE"); any other mark is its letters and digits ("ab 123" → "AB123").
 * Null when it is not a registration.
 */
export function formatRegistration(value: string): string | null {
  const compact = normaliseRegistration(value);
  if (!compact) return null;
  return CURRENT_UK_MARK.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
}

/** Organisation names: words upper-cased, "Limited" and "Ltd." read the same. */
export function normaliseOrganisationName(value: string): string | null {
  const words = wordsUpper(value).replace(/\bLIMITED\b/g, "LTD").replace(/\bPUBLIC LIMITED COMPANY\b/g, "PLC");
  return words.length > 0 ? words : null;
}

/** Person names and nicknames: words upper-cased, punctuation and spacing evened out. */
export function normaliseName(value: string): string | null {
  const words = wordsUpper(value);
  return words.length > 0 ? words : null;
}

/** Addresses: words upper-cased, and any postcode inside compacted so "TF1 2AB" and "tf12ab" match. */
export function normaliseAddress(value: string): string | null {
  const words = wordsUpper(value);
  if (!words) return null;
  return words.replace(/\b([A-Z]{1,2}[0-9][A-Z0-9]?) ([0-9][A-Z]{2})\b/g, "$1$2");
}

/**
 * A nickname is matched on its own key (a PERSON row whose key carries this prefix), so two
 * reports of "Tiny" link even when nobody knows his real name. Names cannot contain ':'.
 */
export const NICKNAME_PREFIX = "NICKNAME:";

export function nicknameKey(value: string): string | null {
  const name = normaliseName(value);
  return name ? `${NICKNAME_PREFIX}${name}` : null;
}

/** The matching key of an identifier of `kind`, or null when the value is not valid for it. */
export function normaliseIdentifier(kind: EntityKind, value: string): string | null {
  switch (kind) {
    case "PERSON":
      return normaliseName(value);
    case "VEHICLE":
      return normaliseRegistration(value);
    case "ADDRESS":
      return normaliseAddress(value);
    case "PHONE":
      return normalisePhone(value);
    case "ONLINE_HANDLE":
      return normaliseHandle(value);
    case "ORGANISATION":
      return normaliseOrganisationName(value);
  }
}

/**
 * Every (kind, key) an identifier typed into a search box could mean: "07700 900123" is a phone,
 * "AB12CDE" a registration or a handle. Search looks them all up in the (kind, normalisedValue) index.
 */
export function identifierCandidates(value: string): { kind: EntityKind; normalisedValue: string }[] {
  const kinds: EntityKind[] = ["PHONE", "VEHICLE", "ONLINE_HANDLE", "PERSON", "ADDRESS", "ORGANISATION"];
  const candidates: { kind: EntityKind; normalisedValue: string }[] = [];
  for (const kind of kinds) {
    const key = normaliseIdentifier(kind, value);
    if (key) candidates.push({ kind, normalisedValue: key });
  }
  const nickname = nicknameKey(value.replace(/^@/, ""));
  if (nickname) candidates.push({ kind: "PERSON", normalisedValue: nickname });
  return candidates;
}

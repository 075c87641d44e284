import { z } from "zod";

/**
 * The zod field schemas for query strings and route parameters, shared by the routes (through
 * app/utils/request.server.ts, which parses with them) and by modules whose schemas the browser
 * bundle also sees. Nothing here reads a request.
 */

/** "" (an unchosen select or an empty text box in a GET form) means "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** An optional query field: absent or blank is undefined, anything else must fit `schema`. */
export function optionalQuery<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

/** Free text from a query string, trimmed, at most `max` characters; blank is undefined. */
export function queryText(max: number) {
  return optionalQuery(z.string().trim().max(max));
}

/** A `?name=1` style flag: true only for "1", false when absent; anything else is 400. */
export const queryFlag = z
  .enum(["1", "0"])
  .optional()
  .transform((v) => v === "1");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record's UUID (any version; the database generates v4), normalised to lower case. */
export const uuid = z
  .string()
  .regex(UUID)
  .transform((v) => v.toLowerCase());

const BIGINT_MAX = 2n ** 63n - 1n;

/** A positive PostgreSQL BIGINT in decimal (audit event ids and keyset cursors on them). */
export const bigintId = z
  .string()
  .regex(/^[1-9]\d{0,18}$/)
  .transform((v) => BigInt(v))
  .refine((v) => v <= BIGINT_MAX);

/** An opaque base64url keyset cursor (see app/utils/keyset.ts). */
export const base64urlCursor = z.string().max(1024).regex(/^[A-Za-z0-9_-]+$/);

/** Paging by `?after=` / `?before=` keyset cursors (app/utils/keyset.ts). */
export const keysetCursorFields = {
  after: optionalQuery(base64urlCursor),
  before: optionalQuery(base64urlCursor),
};

/** A version number (1, 2, …) in a route parameter or query string. */
export const versionNumber = z
  .string()
  .regex(/^[1-9]\d{0,5}$/)
  .transform(Number);

/** An export's format: `?format=csv` (the default) or `?format=json`. */
export const exportFormat = z.enum(["csv", "json"]).default("csv");

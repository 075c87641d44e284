import { z } from "zod";
import { base64urlCursor, optionalQuery, uuid } from "./input";
import { badRequest } from "./request.server";

/**
 * Keyset ("seek") paging on one unique, indexed column: each page is an index range scan that
 * costs the same on page 1 and page 10,000, unlike OFFSET, which reads and discards every earlier
 * row. The cursor is the boundary row's key, base64url-encoded so it reads as an opaque token.
 */
export interface KeysetParams {
  direction: "after" | "before";
  cursor: string | null;
}

export interface KeysetPage<T> {
  items: T[];
  /** Cursor for the next page (`?after=`), or null on the last page. */
  next: string | null;
  /** Cursor for the previous page (`?before=`), or null on the first page. */
  previous: string | null;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, "utf8").toString("base64url");
}

/**
 * A cursor's key. The query string's shape (base64url, length) is checked by `keysetQuery` in
 * app/utils/request.server.ts; a cursor that decodes to text the database cannot compare (NUL,
 * bytes that are not UTF-8) was not made by `encodeCursor`: 400.
 */
function decodeCursor(value: string | undefined): string | null {
  if (value === undefined) return null;
  const decoded = Buffer.from(value, "base64url").toString("utf8");
  if (decoded.length === 0 || decoded.includes("\u0000") || encodeCursor(decoded) !== value) throw badRequest("The page link is not valid.");
  return decoded;
}

/** The keyset position from the parsed `after` / `before` query fields (`keysetQuery`). */
export function keysetParams(query: { after?: string; before?: string }): KeysetParams {
  const before = decodeCursor(query.before);
  if (before !== null) return { direction: "before", cursor: before };
  return { direction: "after", cursor: decodeCursor(query.after) };
}

/**
 * The Prisma pieces for one page on `key`: rows past the cursor, in the direction of travel, one
 * more than the page size (to learn whether another page follows).
 */
export function keysetQuery<K extends string>(key: K, params: KeysetParams, pageSize: number) {
  const forward = params.direction === "after";
  return {
    where: params.cursor === null ? {} : { [key]: forward ? { gt: params.cursor } : { lt: params.cursor } },
    orderBy: { [key]: forward ? "asc" : "desc" } as Record<K, "asc" | "desc">,
    take: pageSize + 1,
  };
}

/** Turns the rows fetched with `keysetQuery` into a page in ascending order with its links. */
export function keysetPage<T>(rows: T[], params: KeysetParams, pageSize: number, keyOf: (row: T) => string): KeysetPage<T> {
  return pageOf(rows, params, pageSize, (row) => encodeCursor(keyOf(row)));
}

/** The page's rows in the list's order, and the cursors of its first and last rows as links. */
function pageOf<T>(rows: T[], params: { direction: "after" | "before"; cursor: unknown }, pageSize: number, cursorOf: (row: T) => string): KeysetPage<T> {
  const more = rows.length > pageSize;
  const window = rows.slice(0, pageSize);
  if (params.direction === "after") {
    const last = window.at(-1);
    const first = window[0];
    return {
      items: window,
      next: more && last ? cursorOf(last) : null,
      previous: params.cursor !== null && first ? cursorOf(first) : null,
    };
  }
  const items = window.reverse();
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    next: last ? cursorOf(last) : null,
    previous: more && first ? cursorOf(first) : null,
  };
}

// ─── Two columns: a sort column, then the id ─────────────────────────────────

/**
 * Keyset paging in the order a reader expects (newest first, soonest due, …) on a column that is
 * not unique: the row id breaks ties, so rows that share a time are neither skipped nor repeated
 * at a page boundary. The cursor is the boundary row's (value, id), as base64url JSON.
 */
export interface SeekColumn<C extends string, V> {
  column: C;
  order: "asc" | "desc";
  /** The value as it goes in the cursor, and the zod schema that reads it back. */
  encode: (value: V) => string | number;
  decode: z.ZodType<V>;
}

export interface SeekCursor<V> {
  value: V;
  id: string;
}

export interface SeekParams<V> {
  direction: "after" | "before";
  cursor: SeekCursor<V> | null;
}

/** A timestamp column, in the cursor as its ISO instant (millisecond precision, as stored). */
export function dateColumn<C extends string>(column: C, order: "asc" | "desc"): SeekColumn<C, Date> {
  return {
    column,
    order,
    encode: (value) => value.toISOString(),
    decode: z.iso.datetime().transform((value) => new Date(value)),
  };
}

function encodeSeekCursor<V>(key: SeekColumn<string, V>, value: V, id: string): string {
  return encodeCursor(JSON.stringify([key.encode(value), id]));
}

/**
 * The query-string fields for `?after=` / `?before=` on `key`, for the route's zod schema: a
 * cursor this module did not make (tampered, truncated, from another list) fails the parse, and
 * `parseQuery` answers 400. Only the canonical encoding of a well-formed (value, id) passes.
 */
export function seekCursorFields<C extends string, V>(key: SeekColumn<C, V>) {
  const cursor = base64urlCursor.transform((token, ctx): SeekCursor<V> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
    } catch {
      parsed = undefined;
    }
    const result = z.tuple([key.decode, uuid]).safeParse(parsed);
    if (!result.success || encodeSeekCursor(key, result.data[0], result.data[1]) !== token) {
      ctx.addIssue({ code: "custom", message: "The page link is not valid." });
      return z.NEVER;
    }
    return { value: result.data[0], id: result.data[1] };
  });
  return { after: optionalQuery(cursor), before: optionalQuery(cursor) };
}

/** The keyset position from the fields parsed with `seekCursorFields`. */
export function seekParams<V>(query: { after?: SeekCursor<V>; before?: SeekCursor<V> }): SeekParams<V> {
  if (query.before) return { direction: "before", cursor: query.before };
  return { direction: "after", cursor: query.after ?? null };
}

/**
 * The Prisma pieces for one page in `key`'s order then id's: rows past the cursor in the direction
 * of travel, `(column, id) > (value, id)` spelt out for Prisma, one more than the page size.
 */
export function seekQuery<C extends string, V>(key: SeekColumn<C, V>, params: SeekParams<V>, pageSize: number) {
  const forward = params.direction === "after";
  // Walking back, the order and the comparison turn round; `seekPage` puts the rows back.
  const order = forward === (key.order === "asc") ? "asc" : "desc";
  const past = order === "asc" ? "gt" : "lt";
  const where =
    params.cursor === null
      ? {}
      : {
          OR: [
            { [key.column]: { [past]: params.cursor.value } },
            { [key.column]: params.cursor.value, id: { [past]: params.cursor.id } },
          ],
        };
  return {
    where,
    orderBy: [{ [key.column]: order }, { id: order }] as Array<Record<C | "id", "asc" | "desc">>,
    take: pageSize + 1,
  };
}

/** Turns the rows fetched with `seekQuery` into a page in `key`'s order with its links. */
export function seekPage<T extends { id: string }, V>(
  rows: T[],
  key: SeekColumn<string, V>,
  params: SeekParams<V>,
  pageSize: number,
  valueOf: (row: T) => V,
): KeysetPage<T> {
  return pageOf(rows, params, pageSize, (row) => encodeSeekCursor(key, valueOf(row), row.id));
}

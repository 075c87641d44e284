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
  const more = rows.length > pageSize;
  const window = rows.slice(0, pageSize);
  if (params.direction === "after") {
    const last = window.at(-1);
    const first = window[0];
    return {
      items: window,
      next: more && last ? encodeCursor(keyOf(last)) : null,
      previous: params.cursor !== null && first ? encodeCursor(keyOf(first)) : null,
    };
  }
  const items = window.reverse();
  const first = items[0];
  const last = items.at(-1);
  return {
    items,
    next: last ? encodeCursor(keyOf(last)) : null,
    previous: more && first ? encodeCursor(keyOf(first)) : null,
  };
}

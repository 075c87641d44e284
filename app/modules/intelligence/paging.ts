import { z } from "zod";

/**
 * Keyset paging: the next page starts after the last row shown, so page 1,000 costs what page 1
 * costs (no OFFSET scan). The cursor is the last row's sort key, base64url-encoded JSON, validated
 * on the way back in like any other input.
 */
export const PAGE_SIZE = 25;

const cursorSchema = z.object({
  /** Risk level of the last row (triage order), null when it had none (not yet assessed). */
  r: z.number().int().min(1).max(5).nullable().optional(),
  /** Relevance of the last row (ranked search results). */
  k: z.number().finite().optional(),
  /** submittedAt of the last row, ISO. */
  t: z.iso.datetime(),
  /** id of the last row: the tie-breaker. */
  id: z.uuid(),
});

export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The cursor in `value`, or null when absent or tampered with (then paging starts again). */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 400) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The Prisma condition for rows after `cursor` in (submittedAt DESC, id DESC) order.
 * Rows without submittedAt (drafts) never appear in paged lists.
 */
export function afterNewest(cursor: Cursor | null) {
  if (!cursor) return {};
  const t = new Date(cursor.t);
  return { OR: [{ submittedAt: { lt: t } }, { submittedAt: t, id: { lt: cursor.id } }] };
}

/** Splits a fetched page of PAGE_SIZE + 1 rows into the page and whether there is another. */
export function pageOf<T>(rows: T[], size = PAGE_SIZE): { items: T[]; hasMore: boolean } {
  return { items: rows.slice(0, size), hasMore: rows.length > size };
}

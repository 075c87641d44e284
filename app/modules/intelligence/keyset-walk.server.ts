import { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";

/**
 * Keyset paging in two steps, for lists whose order Prisma cannot seek in an index.
 *
 * Prisma has no row-value comparison, so a keyset after (a, b, id) becomes
 * `a < x OR (a = x AND (b < y OR ...))`, which PostgreSQL can only apply as a filter: it reads
 * every row before the cursor (and, with `status IN (…)`, every open row, then sorts them).
 *
 * Step 1, `candidates`, is plain SQL on an index that matches the ORDER BY exactly, with a
 * row-value keyset (`(a, b, id) < (x, y, z)`) as the index condition: it returns the next few
 * ids in order, cheaply, WITHOUT the access rules. Step 2, `load`, is the ordinary Prisma query
 * with the access rules (`accessibleWhere`) and `id IN (those ids)`: only rows the user may see
 * come back, so authorization stays in one place and the SQL never restates it.
 *
 * Chunks grow (a user who sees a small share of the rows needs more candidates per visible row),
 * and the walk is bounded: after `maxCandidates` rows it stops with what it has and a cursor at
 * the last row it examined, so one request never scans without end. The page then shows fewer
 * rows with a "next" link that carries on from there.
 */
export interface WalkOptions<K, Row> {
  /** The next `limit` candidates strictly after `after` (null: from the start), in list order. */
  candidates(after: K | null, limit: number): Promise<{ id: string; key: K }[]>;
  /** The rows among `ids` the user may see (any order). */
  load(ids: string[]): Promise<Row[]>;
  start: K | null;
  pageSize: number;
  /** First chunk size; each later chunk is four times larger, up to `maxCandidates` in all. */
  firstChunk?: number;
  maxCandidates?: number;
}

export interface WalkResult<K, Row> {
  items: Row[];
  /** Where the next page starts, or null when the list is exhausted. */
  next: K | null;
}

export const WALK_MAX_CANDIDATES = 20_000;

export async function walkKeyset<K, Row extends { id: string }>(options: WalkOptions<K, Row>): Promise<WalkResult<K, Row>> {
  const { pageSize } = options;
  const maxCandidates = options.maxCandidates ?? WALK_MAX_CANDIDATES;
  let chunk = Math.min(options.firstChunk ?? (pageSize + 1) * 2, maxCandidates);
  let after = options.start;
  let examined = 0;
  const found: { row: Row; key: K }[] = [];
  for (;;) {
    const candidates = await options.candidates(after, chunk);
    examined += candidates.length;
    if (candidates.length > 0) {
      const rows = new Map((await options.load(candidates.map((c) => c.id))).map((row) => [row.id, row]));
      for (const candidate of candidates) {
        const row = rows.get(candidate.id);
        if (row) found.push({ row, key: candidate.key });
        if (found.length > pageSize) {
          const shown = found.slice(0, pageSize);
          return { items: shown.map((f) => f.row), next: shown.at(-1)!.key };
        }
      }
      after = candidates.at(-1)!.key;
    }
    if (candidates.length < chunk) return { items: found.map((f) => f.row), next: null };
    if (examined >= maxCandidates) return { items: found.map((f) => f.row), next: after };
    chunk = Math.min(chunk * 4, maxCandidates - examined);
  }
}

// ─── Newest first (submittedAt DESC, id DESC) ────────────────────────────────

export interface NewestKey {
  t: Date;
  id: string;
  /** Relevance, when the list is ranked (search results): sorts before the date. */
  k?: number;
}

const SUBMITTED_SQL = Prisma.raw(`('RECEIVED', 'BEING_ASSESSED', 'ACTIONED', 'CLOSED')`);

/**
 * How many matches a selective index (GIN on lexemes, the entity index) may return before the
 * search switches from "all matches, sorted" to walking the newest-first index.
 */
export const SEARCH_MATCH_CAP = 2000;

function afterSql(after: NewestKey | null, alias = "s"): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return after ? Prisma.sql`AND (${col("submittedAt")}, ${col("id")}) < (${after.t}::timestamptz, ${after.id}::uuid)` : Prisma.empty;
}

/**
 * Candidates for a search in newest-first order (see keyset-walk.server.ts: the access rules are
 * applied afterwards, with Prisma). A typed identifier or text is looked up in its own index
 * FIRST (the entity index, the GIN index on lexemes), at most SEARCH_MATCH_CAP matches: a rare
 * term then costs its handful of rows, not a walk of the whole table. Only a common term (more
 * than the cap) walks the (submittedAt, id) index, where matches are dense enough to fill a page
 * quickly.
 */
export interface SelectiveMatch {
  /** SELECT of the matching submission ids (as "id"), answered by a selective index. */
  set: Prisma.Sql;
  /** The same match as a condition on `s`, for walking the date index when the set is large. */
  condition: Prisma.Sql;
  /**
   * Relevance of a row `s` (higher first). Only the index-first set is ranked: beyond the cap the
   * list is the newest-first walk, since ranking every match of a common term means reading them all.
   */
  rank?: Prisma.Sql;
}

/** Whether `key` comes strictly after `after` in (relevance DESC, submittedAt DESC, id DESC) order. */
function isAfter(key: NewestKey, after: NewestKey): boolean {
  if (key.k !== undefined && after.k !== undefined && key.k !== after.k) return key.k < after.k;
  if (key.t.getTime() !== after.t.getTime()) return key.t < after.t;
  return key.id < after.id;
}

export function newestCandidates(conditions: Prisma.Sql[], selective: SelectiveMatch | null, start: NewestKey | null) {
  const where = Prisma.join([Prisma.sql`s."status" IN ${SUBMITTED_SQL}`, Prisma.sql`s."submittedAt" IS NOT NULL`, ...conditions], " AND ");
  let all: { id: string; key: NewestKey }[] | null | undefined;
  const toKeys = (rows: { id: string; submittedAt: Date }[]): { id: string; key: NewestKey }[] => rows.map((r) => ({ id: r.id, key: { t: new Date(r.submittedAt), id: r.id } }));
  const ordered = async (after: NewestKey | null, limit: number) =>
    toKeys(
      await prisma.$queryRaw<{ id: string; submittedAt: Date }[]>`
        SELECT s."id", s."submittedAt" FROM "Submission" s
        WHERE ${where} ${selective ? Prisma.sql`AND ${selective.condition}` : Prisma.empty} ${afterSql(after)}
        ORDER BY s."submittedAt" DESC, s."id" DESC LIMIT ${limit}`,
    );
  return async (after: NewestKey | null, limit: number) => {
    if (selective && all === undefined) {
      // MATERIALIZED keeps the planner from turning this back into a walk of the date index; the
      // match is not repeated on `s`, so each of the (at most cap) ids is one primary-key look-up.
      // A ranked set is read whole (its order is not the date's), then sliced after the cursor.
      const ranked = Boolean(selective.rank) && (!start || start.k !== undefined);
      const rows = await prisma.$queryRaw<{ id: string; submittedAt: Date; k: number | null }[]>`
        WITH m AS MATERIALIZED (${selective.set} LIMIT ${SEARCH_MATCH_CAP + 1})
        SELECT s."id", s."submittedAt", ${ranked && selective.rank ? selective.rank : Prisma.sql`NULL::real`} AS "k"
        FROM m JOIN "Submission" s ON s."id" = m."id"
        WHERE ${where} ${ranked ? Prisma.empty : afterSql(start)}
        ORDER BY "k" DESC NULLS LAST, s."submittedAt" DESC, s."id" DESC`;
      const keys = rows.map((r): { id: string; key: NewestKey } => ({ id: r.id, key: { t: new Date(r.submittedAt), id: r.id, ...(r.k === null ? {} : { k: Number(r.k) }) } }));
      // In list order already: sorted by PostgreSQL (a JavaScript comparator over 2,000 matches was
      // 7% of the record page's CPU under load, for the correlation panel of a common nickname).
      all = rows.length > SEARCH_MATCH_CAP ? null : keys;
    }
    if (!all) return ordered(after && { t: after.t, id: after.id }, limit);
    const from = after ? all.findIndex((c) => isAfter(c.key, after)) : 0;
    return from < 0 ? [] : all.slice(from, from + limit);
  };
}


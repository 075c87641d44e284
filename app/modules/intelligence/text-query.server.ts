import { Prisma, type ThreatType } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { MARK_END, MARK_START } from "./headline";
import { THREAT_TYPE_LABELS } from "./labels";

/**
 * The search box's words as PostgreSQL text-search queries, on PGlite and PostgreSQL alike (no
 * pg_trgm, which PGlite does not ship).
 *
 * Syntax, as people type it into search engines: words (each matches by its English stem AND as a
 * prefix, so "cuckoo" finds "cuckooing" and "Brook" finds "Brookside"), "quoted phrases" (exact
 * words in that order), `or` between alternatives, and `-word` or `-"phrase"` to exclude.
 *
 * Two queries come out:
 * - `index`: what the GIN index on `array_to_tsvector("searchLexemes")` can answer. The lexeme
 *   array has no positions, so phrases become "all these words" and exclusions are left out: a
 *   superset of the matches, found through the index.
 * - `exact`: the real query (phrases in order, exclusions), checked against the text itself, but
 *   only on rows the index already found (`recheck` says whether it differs from `index`).
 * Each word is stemmed by PostgreSQL itself (`phraseto_tsquery('english', …)`), the same
 * configuration that built the stored lexemes, so both sides agree.
 */
export interface TextQuery {
  /** tsquery text over stemmed lexemes (prefix matches), for the lexeme index. */
  index: string;
  /** tsquery text with phrases and exclusions, for the narrative and location themselves. */
  exact: string;
  recheck: boolean;
  /** Threat types whose label the whole query matches ("cuckoo" → Cuckooing). */
  threatTypes: ThreatType[];
}

interface Token {
  text: string;
  phrase: boolean;
  negated: boolean;
}

/** Bounds the work one search can ask of the database. */
const MAX_TOKENS = 32;

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

/** Splits the box's text into alternatives (split on `or`), each a list of tokens. */
export function tokenise(q: string): Token[][] {
  const groups: Token[][] = [[]];
  let count = 0;
  for (const match of q.matchAll(TOKEN)) {
    if (count++ >= MAX_TOKENS) break;
    const [, minus, quoted, bare] = match;
    if (quoted !== undefined) {
      if (quoted.trim()) groups.at(-1)!.push({ text: quoted, phrase: true, negated: minus === "-" });
      continue;
    }
    if (bare!.toLowerCase() === "or") {
      if (groups.at(-1)!.length > 0) groups.push([]);
      continue;
    }
    const negated = bare!.startsWith("-") && bare!.length > 1;
    groups.at(-1)!.push({ text: negated ? bare!.slice(1) : bare!, phrase: false, negated });
  }
  return groups.filter((g) => g.length > 0);
}

const LEXEME = /'(?:[^']|'')*'/g;
const PHRASE_OPERATOR = /<(?:-|\d+)>/g;

/** The query for `q`, or null when it has nothing to look for (only stop words or exclusions). */
export async function buildTextQuery(q: string): Promise<TextQuery | null> {
  const groups = tokenise(q);
  const texts = groups.flat().map((t) => t.text);
  if (texts.length === 0) return null;
  // One round trip stems every token (stop words come back empty).
  const rows = await prisma.$queryRaw<{ i: bigint; q: string }[]>`
    SELECT x.i, phraseto_tsquery('english', x.t)::text AS q FROM unnest(${texts}::text[]) WITH ORDINALITY AS x(t, i)`;
  const stemmed = new Map(rows.map((r) => [Number(r.i) - 1, r.q]));
  let position = 0;
  const indexGroups: string[] = [];
  const exactGroups: string[] = [];
  let recheck = false;
  for (const group of groups) {
    const positives: string[] = [];
    const exact: string[] = [];
    for (const token of group) {
      const tsquery = stemmed.get(position++) ?? "";
      if (!tsquery) continue;
      // Words match as prefixes of the stored stems; quoted phrases match exactly.
      const term = token.phrase ? tsquery : tsquery.replace(LEXEME, "$&:*");
      if (token.negated) {
        exact.push(`!(${term})`);
        recheck = true;
        continue;
      }
      if (PHRASE_OPERATOR.test(term)) recheck = true;
      PHRASE_OPERATOR.lastIndex = 0;
      positives.push(`(${term.replace(PHRASE_OPERATOR, "&")})`);
      exact.push(`(${term})`);
    }
    // An alternative made only of exclusions would match almost everything: it is ignored.
    if (positives.length === 0) continue;
    indexGroups.push(`(${positives.join(" & ")})`);
    exactGroups.push(`(${exact.join(" & ")})`);
  }
  if (indexGroups.length === 0) return null;
  const exact = exactGroups.join(" | ");
  const types = Object.keys(THREAT_TYPE_LABELS) as ThreatType[];
  const labels = types.map((t) => THREAT_TYPE_LABELS[t]);
  const matchingTypes = await prisma.$queryRaw<{ t: ThreatType }[]>`
    SELECT x.t FROM unnest(${types}::text[], ${labels}::text[]) AS x(t, label)
    WHERE to_tsvector('english', x.label) @@ ${exact}::tsquery`;
  return { index: indexGroups.join(" | "), exact, recheck, threatTypes: matchingTypes.map((r) => r.t) };
}

/** The stored text the lexemes are generated from (same expression as the generated column). */
const DOCUMENT = Prisma.raw(`to_tsvector('english'::regconfig, coalesce(s."narrative", '') || ' ' || coalesce(s."locationDescription", ''))`);

/** Rows (aliased `s`) whose narrative or location match: the lexeme index first, then the exact query. */
export function textCondition(query: TextQuery): Prisma.Sql {
  const indexed = Prisma.sql`array_to_tsvector(s."searchLexemes") @@ ${query.index}::tsquery`;
  return query.recheck ? Prisma.sql`(${indexed} AND ${DOCUMENT} @@ ${query.exact}::tsquery)` : indexed;
}

/** Relevance of a row (aliased `s`): term frequency and proximity, shorter texts first among equals. */
export function textRank(query: TextQuery): Prisma.Sql {
  return Prisma.sql`ts_rank(${DOCUMENT}, ${query.exact}::tsquery, 1)`;
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * A highlighted extract of each of `fields` for the rows `ids`, or null where the field does not
 * match. `fields` come from the audience's field set (authorization/fields.ts), never from input.
 */
export async function headlines<F extends string>(ids: string[], query: TextQuery, fields: readonly F[]): Promise<Map<string, Partial<Record<F, string>>>> {
  const result = new Map<string, Partial<Record<F, string>>>();
  if (ids.length === 0 || fields.length === 0) return result;
  const columns = fields.map((field) => {
    const column = Prisma.raw(`s."${field.replace(/"/g, "")}"`);
    // ts_headline returns the text's start when nothing matches: only matching fields get one.
    return Prisma.sql`CASE WHEN to_tsvector('english', coalesce(${column}, '')) @@ ${query.exact}::tsquery
      THEN ts_headline('english', ${column}, ${query.exact}::tsquery, ${HEADLINE_OPTIONS}) END AS ${Prisma.raw(`"${field.replace(/"/g, "")}"`)}`;
  });
  const rows = await prisma.$queryRaw<({ id: string } & Record<F, string | null>)[]>`
    SELECT s."id", ${Prisma.join(columns)} FROM "Submission" s WHERE s."id" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})`;
  for (const row of rows) {
    const extract: Partial<Record<F, string>> = {};
    for (const field of fields) if (row[field]) extract[field] = row[field]!;
    result.set(row.id, extract);
  }
  return result;
}

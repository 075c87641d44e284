import { Prisma, type SubmissionStatus, type ThreatType } from "~/generated/prisma/client";
import { z } from "zod";
import { audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { SUBMITTED_STATUSES } from "~/modules/authorization/rules/intelligence";
import { prisma } from "~/utils/db.server";
import { deny } from "~/modules/authorization/deny.server";
import { isPoliceUser } from "~/modules/authorization/roles";
import type { Auth } from "./access.server";
import { SEARCH_SNIPPET_FIELDS, searchResultSelect } from "~/modules/authorization/fields";
import { identifierCandidates, normalisePostcode, formatPostcode } from "./normalise";
import { decodeCursor, encodeCursor, PAGE_SIZE } from "./paging";
import { newestCandidates, walkKeyset, type NewestKey, type SelectiveMatch } from "./keyset-walk.server";
import { SEARCH_JUSTIFICATIONS } from "./labels";
import { cleanText } from "./text";
import { buildTextQuery, headlines, textCondition, textRank } from "./text-query.server";
import { ThreatType as ThreatTypes, SubmissionStatus as Statuses } from "~/generated/prisma/enums";

/**
 * Search over everything the user may see, filtered in the database by the same access rules.
 *
 * Text: PostgreSQL's English full-text search, without pg_trgm (see text-query.server.ts): words
 * match by stem and prefix, "quoted phrases" exactly, `or` and `-word` as search engines do. The
 * `searchLexemes` column is generated from narrative and location and its tsvector is GIN-indexed,
 * so the matches come from the index first (at most SEARCH_MATCH_CAP, ranked by relevance); a
 * common term walks the newest-first index instead. The access rules are applied afterwards with
 * `accessibleWhere` (keyset-walk.server.ts), and each result carries a highlighted extract of the
 * fields that matched, from the audience's snippet fields only. A query that names a threat type
 * ("cuckoo") also finds reports of that type. (ILIKE '%…%' cannot use an index and would scan every
 * visible row at 1M submissions.)
 *
 * Identifiers: the typed value is normalised as every kind it could be (phone → E.164,
 * registration, handle, name, nickname, postcode) and looked up in the (kind, normalisedValue) index.
 */
export const searchSchema = z.object({
  q: z.string().max(500, "Search words must be 500 characters or fewer").default("").transform(cleanText),
  identifier: z.string().max(200, "The identifier must be 200 characters or fewer").default("").transform(cleanText),
  areaId: z.union([z.uuid(), z.literal("")]).default(""),
  threatType: z.union([z.enum(ThreatTypes), z.literal("")]).default(""),
  status: z.union([z.enum(Statuses), z.literal("")]).default(""),
  cursor: z.string().max(400).default(""),
  /**
   * Why police are consulting the records (DPA 2018 s62(2)); partners follow their own submissions.
   * Never assumed: a police search without one is refused with an error (searchProblems).
   */
  justification: z.union([z.enum(SEARCH_JUSTIFICATIONS), z.literal("")]).default(""),
});

export type SearchInput = z.infer<typeof searchSchema>;

/** Whether anything was asked for (an empty form is the search page as first opened). */
function isSearch(input: SearchInput): boolean {
  return Boolean(input.q || input.identifier || input.areaId || input.threatType || input.status);
}

/** Police consult other organisations' intelligence, so they say why (s62); partners follow their own. */
export function asksWhySearching(auth: Auth): boolean {
  return isPoliceUser(auth);
}

/** What the person must fix before a search runs: police say why they are searching, every time. */
export function searchProblems(auth: Auth, input: SearchInput): Record<string, string> | null {
  // Someone who may not search at all is refused by searchSubmissions (403), not asked for a reason.
  if (!auth.ability.can("read", "Submission")) return null;
  if (isSearch(input) && asksWhySearching(auth) && !input.justification) return { justification: "Select why you are searching" };
  return null;
}

export async function searchSubmissions(auth: Auth, input: SearchInput) {
  if (!auth.ability.can("read", "Submission")) await deny(auth, { action: "submission.searched", recordType: "Submission", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const police = isPoliceUser(auth);
  const filters: Prisma.SubmissionWhereInput[] = [
    accessibleWhere(auth.ability, "read", "Submission"),
    { status: { in: SUBMITTED_STATUSES } },
  ];
  const conditions: Prisma.Sql[] = [];
  let textMatch: (Omit<SelectiveMatch, "set"> & { set: Prisma.Sql | null }) | null = null;
  let identifierMatch: SelectiveMatch | null = null;
  let unsearchable = false;
  const textQuery = input.q ? await buildTextQuery(input.q) : null;
  // Only stop words ("the", "and") or exclusions: nothing to look for.
  if (input.q && !textQuery) unsearchable = true;
  if (textQuery) {
    // The candidates already match (the walk only loads their ids), so Prisma needs no text filter.
    const text = textCondition(textQuery);
    textMatch = textQuery.threatTypes.length > 0
      ? // A threat type is common: its reports are dense in the newest-first walk (no `set`).
        { set: null, condition: Prisma.sql`(${text} OR s."threatType"::text IN (${Prisma.join(textQuery.threatTypes)}))` }
      : { set: Prisma.sql`SELECT s."id" FROM "Submission" s WHERE ${text}`, condition: text, rank: textRank(textQuery) };
  }
  if (input.identifier) {
    const candidates = identifierCandidates(input.identifier);
    const postcode = normalisePostcode(input.identifier) ? formatPostcode(input.identifier) : null;
    const or: Prisma.SubmissionWhereInput[] = [];
    const sets: Prisma.Sql[] = [];
    if (candidates.length > 0) {
      or.push({ entities: { some: { OR: candidates } } });
      const pairs = Prisma.join(candidates.map((c) => Prisma.sql`(${c.kind}::"EntityKind", ${c.normalisedValue})`));
      sets.push(Prisma.sql`SELECT "submissionId" AS "id" FROM "SubmissionEntity" WHERE ("kind", "normalisedValue") IN (${pairs})`);
    }
    if (postcode) {
      or.push({ postcode });
      sets.push(Prisma.sql`SELECT "id" FROM "Submission" WHERE "postcode" = ${postcode}`);
    }
    if (or.length === 0) unsearchable = true;
    else {
      filters.push({ OR: or });
      const set = Prisma.join(sets, " UNION ");
      identifierMatch = { set: Prisma.sql`SELECT DISTINCT "id" FROM (${set}) AS ids`, condition: Prisma.sql`s."id" IN (${set})` };
    }
  }
  if (input.areaId) {
    filters.push({ areaId: input.areaId });
    conditions.push(Prisma.sql`s."areaId" = ${input.areaId}::uuid`);
  }
  if (input.threatType) {
    filters.push({ threatType: input.threatType as ThreatType });
    conditions.push(Prisma.sql`s."threatType"::text = ${input.threatType}`);
  }
  if (input.status) {
    filters.push({ status: input.status as SubmissionStatus });
    conditions.push(Prisma.sql`s."status"::text = ${input.status}`);
  }
  if (!isSearch(input)) return { searched: false, items: [], nextCursor: null, police, ranked: false };
  const problems = searchProblems(auth, input);
  // The page asks searchProblems first; a caller that did not is refused rather than logged without a reason.
  if (problems) throw new Error(problems.justification);

  // The identifier is the more selective index: look it up first, and check the text on its rows.
  let selective: SelectiveMatch | null = identifierMatch ?? (textMatch?.set ? { set: textMatch.set, condition: textMatch.condition, rank: textMatch.rank } : null);
  if (identifierMatch && textMatch) conditions.push(textMatch.condition);
  if (!selective && textMatch) conditions.push(textMatch.condition);
  // An identifier narrows to a handful of rows: rank those by the text too when both are given.
  if (identifierMatch && textMatch?.rank) selective = { ...identifierMatch, rank: textMatch.rank };
  const cursor = decodeCursor(input.cursor);
  const start: NewestKey | null = cursor ? { t: new Date(cursor.t), id: cursor.id, ...(cursor.k === undefined ? {} : { k: cursor.k }) } : null;
  const candidates = newestCandidates(conditions, selective, start);
  let ranked = false;
  const { items, next } = unsearchable
    ? { items: [], next: null }
    : await walkKeyset({
        start,
        pageSize: PAGE_SIZE,
        candidates: async (after: NewestKey | null, limit: number) => {
          const found = await candidates(after, limit);
          if (found[0]?.key.k !== undefined) ranked = true;
          return found;
        },
        load: (ids) =>
          prisma.submission.findMany({
            where: { AND: [...filters, { id: { in: ids } }] },
            select: searchResultSelect,
          }),
      });
  const extracts = textQuery ? await headlines(items.map((i) => i.id), textQuery, SEARCH_SNIPPET_FIELDS) : new Map<string, never>();
  await audit(auth.audit, {
    action: "submission.searched",
    recordType: "Submission",
    justification: police ? input.justification || undefined : "PARTNER_FOLLOW_UP",
    // What was looked for is itself personal data (a name, a phone number): the log keeps which
    // filters were used and what came back, not the search terms.
    details: {
      filters: (["q", "identifier", "areaId", "threatType", "status"] as const).filter((k) => input[k]),
      count: items.length,
      ids: items.map((i) => i.id),
      page: cursor ? "next" : "first",
    },
  });
  return {
    searched: true,
    items: items.map((item) => ({
      ...item,
      snippets: SEARCH_SNIPPET_FIELDS.flatMap((field) => {
        const text = extracts.get(item.id)?.[field];
        return text ? [{ field, text }] : [];
      }),
      /** The row matched because its threat type is the one searched for. */
      typeMatched: Boolean(item.threatType && textQuery?.threatTypes.includes(item.threatType)),
    })),
    police,
    ranked,
    nextCursor: next ? encodeCursor({ t: next.t.toISOString(), id: next.id, ...(next.k === undefined ? {} : { k: next.k }) }) : null,
  };
}

/** Areas for the search filter. */
export function searchAreas() {
  return prisma.area.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

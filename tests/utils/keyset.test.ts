import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { dateColumn, seekCursorFields, seekPage, seekParams, seekQuery, type SeekParams } from "~/utils/keyset";
import { parseQuery } from "~/utils/request.server";
import { createOrganisation } from "../helpers/factories";

/**
 * The two-column keyset (a sort column, then the id) against a real table: organisations created
 * at shared instants, paged newest first and oldest first, forwards and back, through cursors as
 * the routes read them from the query string.
 */
const NEWEST_FIRST = dateColumn("createdAt", "desc");
const OLDEST_FIRST = dateColumn("createdAt", "asc");
const PAGE_SIZE = 2;
const prefix = `Keyset ${randomUUID().slice(0, 8)}`;
const instants = ["2026-03-01T10:00:00.000Z", "2026-03-02T10:00:00.000Z", "2026-03-02T10:00:00.000Z", "2026-03-02T10:00:00.000Z", "2026-03-03T10:00:00.000Z"];
let expectedNewestFirst: string[];

beforeAll(async () => {
  const made = [];
  for (const [i, at] of instants.entries()) made.push(await clock.at(new Date(at), () => createOrganisation({ name: `${prefix} ${i}` })));
  // Ties on createdAt fall to the id, in the same direction as the time.
  expectedNewestFirst = made
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((o) => o.id);
});

function queryFrom(search: string, key = NEWEST_FIRST) {
  return parseQuery(new Request(`http://portal.test/list?${search}`), z.object(seekCursorFields(key)));
}

async function page(key: typeof NEWEST_FIRST, params: SeekParams<Date>) {
  const query = seekQuery(key, params, PAGE_SIZE);
  const rows = await prisma.organisation.findMany({
    where: { AND: [{ name: { startsWith: prefix } }, query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: { id: true, createdAt: true },
  });
  return seekPage(rows, key, params, PAGE_SIZE, (row) => row.createdAt);
}

/** Follows `next` links from the first page, then `previous` links back from the last. */
async function walk(key: typeof NEWEST_FIRST) {
  const forward: string[][] = [];
  let current = await page(key, { direction: "after", cursor: null });
  forward.push(current.items.map((o) => o.id));
  expect(current.previous).toBeNull();
  while (current.next) {
    current = await page(key, seekParams(queryFrom(`after=${current.next}`, key)));
    forward.push(current.items.map((o) => o.id));
  }
  const back: string[][] = [current.items.map((o) => o.id)];
  while (current.previous) {
    current = await page(key, seekParams(queryFrom(`before=${current.previous}`, key)));
    back.unshift(current.items.map((o) => o.id));
  }
  return { forward, back };
}

function statusOf(call: () => unknown): number | null {
  try {
    call();
    return null;
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : -1;
  }
}

describe("two-column keyset paging", () => {
  it("pages newest first through rows that share a time, each once, and back again to the same pages", async () => {
    const { forward, back } = await walk(NEWEST_FIRST);
    expect(forward.flat()).toEqual(expectedNewestFirst);
    expect(forward.map((p) => p.length)).toEqual([2, 2, 1]);
    // The tied rows straddle a page boundary: none is skipped or repeated either way.
    expect(back).toEqual(forward);
  });

  it("pages oldest first in the exact reverse order", async () => {
    const { forward, back } = await walk(OLDEST_FIRST);
    expect(forward.flat()).toEqual([...expectedNewestFirst].reverse());
    expect(back).toEqual(forward);
  });

  it("a cursor is opaque and any change to it is a 400 at the route's parse", async () => {
    const first = await page(NEWEST_FIRST, { direction: "after", cursor: null });
    const cursor = first.next!;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(statusOf(() => queryFrom(`after=${cursor}`))).toBeNull();
    const decoded = Buffer.from(cursor, "base64url").toString("utf8");
    const [value, id] = JSON.parse(decoded) as [string, string];
    const tampered = [
      cursor.slice(0, -2),
      `${cursor}A`,
      Buffer.from(JSON.stringify([value, "not-a-uuid"])).toString("base64url"),
      Buffer.from(JSON.stringify(["yesterday", id])).toString("base64url"),
      Buffer.from(JSON.stringify([value.replace("Z", "+00:00"), id])).toString("base64url"),
      Buffer.from(JSON.stringify([value, id.toUpperCase()])).toString("base64url"),
      Buffer.from(JSON.stringify([value, id, "extra"])).toString("base64url"),
      Buffer.from(JSON.stringify({ value, id })).toString("base64url"),
      Buffer.from("not json").toString("base64url"),
      "%00",
      "a.b",
    ];
    for (const token of tampered) {
      expect(statusOf(() => queryFrom(`after=${token}`)), token).toBe(400);
      expect(statusOf(() => queryFrom(`before=${token}`)), token).toBe(400);
    }
  });
});

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "~/utils/database.server";
import { env } from "~/utils/env.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { buildApp, startTestServer, type RunningServer } from "./server";

/**
 * One slow page must not take the instance down (issue 12): PostgreSQL cancels any statement that
 * runs past DATABASE_STATEMENT_TIMEOUT_MS, and the page answers 503 "busy", without details, rather
 * than a 500. PGlite has no statement timeout (one connection, no cancellation), so this behaviour
 * exists only on PostgreSQL; `.ci/run` runs the suite there too.
 */
const config = env();

describe("a statement past the timeout", () => {
  let server: RunningServer;
  let shared: Database | undefined;
  let bounded: Database;
  const holder = globalThis as unknown as { __database?: Database };

  beforeAll(async () => {
    await buildApp();
    // This file's database again, with a short timeout, as the app's database for these requests.
    shared = holder.__database;
    bounded = openDatabase({ kind: "postgres", url: config.DATABASE_URL!, schema: config.DATABASE_SCHEMA, statementTimeoutMs: 300 });
    holder.__database = bounded;
    server = await startTestServer();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    holder.__database = shared;
    await bounded?.close();
  });

  it("answers 503 with the 'busy' page, then serves again once the database is free", async () => {
    const user = await createUser({});
    const cookie = await signedInCookie(user.id);
    // Another connection holds a lock the page's first query (the session) must wait for.
    const blocker = new pg.Client({ connectionString: config.DATABASE_URL, options: `-c search_path="${config.DATABASE_SCHEMA}"` });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE`);
      const busy = await fetch(`${server.origin}/`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(busy.status).toBe(503);
      const html = await busy.text();
      expect(html).toContain("Sorry, the service is busy");
      expect(html).not.toMatch(/57014|canceling statement|statement timeout|at .*\.js:\d+/);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    const after = await fetch(`${server.origin}/`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(200);
  });
});

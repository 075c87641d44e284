import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelOnAbort, openDatabase, type Database } from "~/utils/database.server";
import { env } from "~/utils/env.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { buildApp, startTestServer, type RunningServer } from "./server";

/**
 * A client that goes away must not leave its query running (issue 12, cause 4): the server cancels
 * the request's statements on PostgreSQL (pg_cancel_backend on the backends its pool connections
 * are on), so the connection comes back to the pool at once instead of at the statement timeout.
 * PGlite runs in-process with one connection and nothing to cancel, so this exists only on PostgreSQL.
 */
const config = env();

describe("a request whose client goes away", () => {
  let server: RunningServer;
  let shared: Database | undefined;
  let patient: Database;
  const holder = globalThis as unknown as { __database?: Database };

  beforeAll(async () => {
    await buildApp();
    // This file's database again, with a statement timeout far longer than the test waits, so only
    // the cancellation can end the statement in time.
    shared = holder.__database;
    patient = openDatabase({ kind: "postgres", url: config.DATABASE_URL!, schema: config.DATABASE_SCHEMA, statementTimeoutMs: 120_000, poolSize: 2 });
    holder.__database = patient;
    server = await startTestServer();
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    holder.__database = shared;
    await patient?.close();
  });

  /** Polls `check` until it holds, or fails after `limitMs` (a bound on waiting, not a timing under test). */
  async function eventually(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
    const until = Date.now() + limitMs;
    while (Date.now() < until) {
      if (await check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return check();
  }

  it("has its statement cancelled on PostgreSQL, logs no error, and the instance keeps serving", async () => {
    const user = await createUser({});
    const cookie = await signedInCookie(user.id);
    const errors = vi.spyOn(console, "error");
    // Another connection holds a lock the page's first query (the session) must wait for: a slow statement.
    const blocker = new pg.Client({ connectionString: config.DATABASE_URL, options: `-c search_path="${config.DATABASE_SCHEMA}"` });
    await blocker.connect();
    const waiting = async () => {
      const [row] = (
        await blocker.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY (pg_blocking_pids(pid))")
      ).rows;
      return row!.n;
    };
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE`);
      const client = new AbortController();
      const request = fetch(`${server.origin}/`, { headers: { Cookie: cookie }, redirect: "manual", signal: client.signal }).catch(
        (error: unknown) => error,
      );
      expect(await eventually(async () => (await waiting()) === 1, 30_000)).toBe(true);

      client.abort();
      expect(await request).toMatchObject({ name: "AbortError" });
      // The app's statement is gone from PostgreSQL while the lock is still held: it was cancelled.
      expect(await eventually(async () => (await waiting()) === 0, 30_000)).toBe(true);
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    const after = await fetch(`${server.origin}/`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(200);
    const logged = errors.mock.calls.map((args) => args.map(String).join(" ")).join("\n");
    expect(logged).not.toMatch(/57014|canceling statement/);
    errors.mockRestore();
  }, 90_000);

  it("never hands the connection of an aborted request to another request, where a late cancel would end its statement", async () => {
    const single = openDatabase({ kind: "postgres", url: config.DATABASE_URL!, schema: config.DATABASE_SCHEMA, poolSize: 1 });
    try {
      const backend = async (conn: Pick<Database, "query">) => (await conn.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))[0]!.pid;
      const client = new AbortController();
      // The request's statement finished, but the client went away before its connection came back.
      const aborted = await cancelOnAbort(client.signal, () =>
        single.withConnection(async (conn) => {
          const pid = await backend(conn);
          client.abort();
          return pid;
        }),
      );
      // The pool holds one connection: the next request gets a new backend, not the one being cancelled.
      expect(await backend(single)).not.toBe(aborted);
      const normal = await cancelOnAbort(new AbortController().signal, () => single.withConnection(backend));
      expect(await backend(single)).toBe(normal);
    } finally {
      await single.close();
    }
  });
});

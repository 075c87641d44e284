import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient, type Prisma } from "~/generated/prisma/client";
import { withClockTimestamps } from "./clock-timestamps.server";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.server";
import { withArrayLiteralParams } from "./pglite-array-params.server";

/**
 * A database connection: the Prisma client for the application, plus raw SQL access for the
 * migration runner and maintenance scripts. Both share one underlying connection (PGlite allows
 * only one instance per data directory; PostgreSQL shares one pool).
 */
export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** Runs a multi-statement SQL script (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` holding one connection (PostgreSQL) or the only connection (PGlite). */
  withConnection<T>(work: (conn: RawConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface RawConnection {
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export type DatabaseConfig =
  | { kind: "pglite"; dataDir: string }
  | {
      kind: "postgres";
      url: string;
      schema: string;
      poolSize?: number;
      /** PostgreSQL cancels any statement running longer than this (0: no limit). */
      statementTimeoutMs?: number;
    };

/**
 * Whether `error` (from Prisma, the pg driver or PGlite, at any depth of `cause`) is PostgreSQL
 * cancelling a statement: SQLSTATE 57014, from statement_timeout or a cancel request.
 */
export function isStatementCancelled(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; depth += 1) {
    const { code, message, cause, originalCode, meta } = e as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    if (code === "57014" || originalCode === "57014") return true;
    if (typeof message === "string" && /canceling statement due to (statement timeout|user request)/.test(message)) return true;
    e = cause ?? meta?.driverAdapterError;
  }
  return false;
}

/** Thrown (as a Remix route error) when the database cancelled a statement: the page says "busy", 503. */
export function serviceUnavailable(): Response {
  return new Response("The service is busy", { status: 503, statusText: "Service Unavailable", headers: { "Retry-After": "5" } });
}

/**
 * Turns a cancelled statement into a thrown 503 Response, for every query the client runs (model
 * operations, raw SQL, inside transactions): the route shows the friendly "busy" page with the
 * right status, rather than a 500 whose details the production error page must hide anyway.
 */
function busyAsServiceUnavailable(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          if (isStatementCancelled(error)) throw serviceUnavailable();
          throw error;
        }
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * One request's database work: its abort signal and the PostgreSQL backends (process ids) holding
 * its statements now, each with the way to cancel it. Kept on globalThis because the HTTP server
 * (build/server.js) and the Remix build (build/index.js) are separate bundles, each with its own
 * copy of this module, and must share one store.
 */
interface RequestScope {
  signal: AbortSignal;
  backends: Map<number, () => Promise<void>>;
}
const scopeHolder = globalThis as unknown as { __requestScopes?: AsyncLocalStorage<RequestScope> };
const requestScopes = (scopeHolder.__requestScopes ??= new AsyncLocalStorage<RequestScope>());

/**
 * Runs `work` (a request's handling) so that, when `signal` aborts (the client went away), every
 * statement its database work is running on PostgreSQL is cancelled rather than left to run to the
 * statement timeout holding a pool connection. The cancelled statement fails with SQLSTATE 57014,
 * which the client turns into the usual 503 (see `busyAsServiceUnavailable`).
 */
export function cancelOnAbort<T>(signal: AbortSignal, work: () => T): T {
  const scope: RequestScope = { signal, backends: new Map() };
  signal.addEventListener(
    "abort",
    () => {
      for (const cancel of scope.backends.values()) void cancel();
    },
    { once: true },
  );
  return requestScopes.run(scope, work);
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * Wraps `pool.connect` (which `pool.query` and @prisma/adapter-pg's transactions both go through) so
 * that each connection checked out inside a request scope is known to that scope until released,
 * and `cancel(pid)` is called for it if the request aborts meanwhile. Outside a scope (scripts,
 * jobs) the pool is unchanged.
 */
function cancellableWithinRequests(pool: pg.Pool, cancel: (pid: number) => Promise<void>): void {
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<pg.PoolClient> | undefined;
  const track = (scope: RequestScope, client: pg.PoolClient): pg.PoolClient => {
    // pg sets processID from the server's BackendKeyData when it connects; @types/pg omits it.
    const pid = (client as unknown as { processID?: number }).processID;
    if (typeof pid !== "number") return client;
    scope.backends.set(pid, () => cancel(pid));
    // pg-pool gives each checkout its own release function, so wrapping this one affects only this checkout.
    const release = client.release;
    client.release = (error) => {
      scope.backends.delete(pid);
      // Aborted while checked out: a pg_cancel_backend for this backend may still be on its way, and
      // would end whatever statement the backend runs when it lands. Discard the connection rather
      // than hand it to another request (seen under load: an innocent request answered 503).
      release(scope.signal.aborted ? true : error);
    };
    return client;
  };
  pool.connect = ((callback?: ConnectCallback) => {
    const scope = requestScopes.getStore();
    // Outside a request, or in one already aborted: the pool as it is. Work asked after an abort is
    // not refused, because the async context is not always the asker's: Prisma batches lookups made
    // in the same tick by different requests into one query, run in the context of the first, and
    // refusing it answered another, live request with a 503 (seen under load).
    if (!scope || scope.signal.aborted) return connect(callback);
    if (!callback) return connect()!.then((client) => track(scope, client));
    return connect((error, client, _done) => {
      if (error || !client) return callback(error, client, _done);
      track(scope, client);
      callback(undefined, client, client.release);
    });
  }) as typeof pool.connect;
}

export function openDatabase(config: DatabaseConfig): Database {
  return config.kind === "pglite" ? openPglite(config.dataDir) : openPostgres(config);
}

function openPglite(dataDir: string): Database {
  let lock: DataDirLock | null = null;
  if (!dataDir.startsWith("memory://")) {
    mkdirSync(dataDir, { recursive: true });
    // One process per data directory (throws DataDirLockedError naming the holder).
    lock = acquireDataDirLock(dataDir);
  }
  let client: PGlite;
  try {
    client = new PGlite(dataDir);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const conn: RawConnection = {
    async exec(sql) {
      await client.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
  };
  // pglite-prisma-adapter is typed against an older @prisma/driver-adapter-utils; the interfaces
  // differ only in argument-type metadata that the adapter never reads (measured: see stack-notes).
  const adapter = new PrismaPGlite(withArrayLiteralParams(client)) as unknown as NonNullable<Prisma.PrismaClientOptions["adapter"]>;
  const prisma = withClockTimestamps(new PrismaClient({ adapter }));
  return {
    kind: "pglite",
    prisma,
    ...conn,
    withConnection: (work) => work(conn),
    async close() {
      try {
        await prisma.$disconnect();
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function openPostgres(config: Extract<DatabaseConfig, { kind: "postgres" }>): Database {
  const timeout = config.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 20,
    // Every connection resolves unqualified names in our schema (the migration SQL is unqualified),
    // and bounds every statement: one slow page must not hold connections while others wait.
    // (The migration runner lifts the limit on its own connection.)
    options: `-c search_path="${config.schema}" -c statement_timeout=${Math.max(0, Math.trunc(timeout))}`,
  });
  // A separate connection for cancelling the statements of requests whose client went away: the
  // pool itself may be exhausted by exactly those statements.
  const canceller = new pg.Pool({ connectionString: config.url, max: 1, idleTimeoutMillis: 30_000 });
  // A cancel that fails is harmless (the statement timeout still bounds the statement); an idle
  // connection dropped by the server must not crash the process.
  canceller.on("error", () => undefined);
  cancellableWithinRequests(pool, async (pid) => {
    await canceller.query("SELECT pg_cancel_backend($1)", [pid]).catch(() => undefined);
  });
  const prisma = withClockTimestamps(busyAsServiceUnavailable(new PrismaClient({ adapter: new PrismaPg(pool, { schema: config.schema }) })));
  const connOf = (client: pg.Pool | pg.PoolClient): RawConnection => ({
    async exec(sql) {
      await client.query(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
  });
  return {
    kind: "postgres",
    prisma,
    ...connOf(pool),
    async withConnection(work) {
      const client = await pool.connect();
      try {
        return await work(connOf(client));
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
      await canceller.end().catch(() => undefined);
    },
  };
}

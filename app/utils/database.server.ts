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
    },
  };
}

import { env } from "./env.server";
import { openDatabase, type Database, type DatabaseConfig } from "./database.server";

/**
 * The application's database, chosen by configuration: PostgreSQL when DATABASE_URL is set,
 * otherwise embedded PGlite. One instance per process (kept on globalThis so the server build and
 * code importing this module directly, such as tests and scripts, share it rather than open a second PGlite).
 */
const globalForDb = globalThis as unknown as { __database?: Database };

export function databaseConfig(): DatabaseConfig {
  const config = env();
  return config.DATABASE_URL
    ? {
        kind: "postgres",
        url: config.DATABASE_URL,
        schema: config.DATABASE_SCHEMA,
        poolSize: config.DATABASE_POOL_SIZE,
        statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      }
    : { kind: "pglite", dataDir: config.PGLITE_DATA_DIR };
}

export function database(): Database {
  globalForDb.__database ??= openDatabase(databaseConfig());
  return globalForDb.__database;
}

/** The Prisma client. A getter so that importing this module opens nothing. */
export const prisma = new Proxy({} as Database["prisma"], {
  get(_target, property) {
    const client = database().prisma;
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/**
 * Runs `work` with `db` as the application's database (e.g. seeding a second database through the
 * domain services, which use the application's), then puts the previous one back.
 */
export async function withDatabase<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const previous = globalForDb.__database;
  globalForDb.__database = db;
  try {
    return await work();
  } finally {
    globalForDb.__database = previous;
  }
}

/** Closes the database; an open PGlite keeps the process alive, so shutdown must call this. */
export async function closeDatabase(): Promise<void> {
  const db = globalForDb.__database;
  globalForDb.__database = undefined;
  await db?.close();
}

export type { Database } from "./database.server";

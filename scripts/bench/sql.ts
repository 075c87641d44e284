/**
 * The one connection the bench scripts use for bulk SQL, on either database: a pg client on
 * PostgreSQL (DATABASE_URL), or the app's own embedded PGlite (PGLITE_DATA_DIR) when there is no
 * DATABASE_URL. Both take the same SQL; PGlite runs it in this process, so the bench must close it
 * before the server opens the same directory.
 */
import pg from "pg";
import { database } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export interface SqlClient {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface BenchDatabase {
  kind: "postgres" | "pglite";
  /** For the report: which database, where. */
  label: string;
  /** A name that must contain "bench" before anything is replaced (the database, or the data directory). */
  name: string;
  /** Opens the bulk SQL connection (on PGlite, the app's database in this process). */
  open(options?: { noStatementTimeout?: boolean }): Promise<SqlClient & { close(): Promise<void> }>;
}

export function benchDatabase(): BenchDatabase {
  const config = env();
  if (config.DATABASE_URL) {
    const url = config.DATABASE_URL;
    const name = new URL(url).pathname.slice(1);
    return {
      kind: "postgres",
      label: "PostgreSQL",
      name,
      async open({ noStatementTimeout = false } = {}) {
        const timeout = noStatementTimeout ? " -c statement_timeout=0" : "";
        const client = new pg.Client({ connectionString: url, options: `-c search_path="${config.DATABASE_SCHEMA}"${timeout}` });
        await client.connect();
        return {
          query: async <Row>(sql: string, params: unknown[] = []) => ({ rows: (await client.query(sql, params)).rows as Row[] }),
          close: () => client.end(),
        };
      },
    };
  }
  return {
    kind: "pglite",
    label: "embedded PGlite",
    name: config.PGLITE_DATA_DIR,
    async open() {
      const db = database();
      return {
        query: async <Row>(sql: string, params: unknown[] = []) => ({ rows: await db.query<Row>(sql, params) }),
        close: async () => undefined,
      };
    },
  };
}

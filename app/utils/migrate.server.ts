import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Database, RawConnection } from "./database.server";

/**
 * The project's migration runner. Prisma's own `migrate deploy` needs a native engine that air-gapped
 * networks cannot download (and fails with driver adapters), so we apply
 * prisma/migrations/<name>/migration.sql ourselves, in name order, each in its own transaction,
 * keeping Prisma's `_prisma_migrations` bookkeeping (name, SHA-256 checksum, timestamps) so the
 * history reads the same to Prisma's tools. On PostgreSQL an advisory lock serialises runners, so
 * several app instances starting together apply each migration once.
 */

export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma/migrations");
const MIGRATION_LOCK_KEY = 7_262_021; // arbitrary, fixed: one lock for all runners of this app

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {}

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  if (!existsSync(dir)) throw new MigrationError(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
);`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies pending migrations; returns the names applied. Throws MigrationError on drift. */
export async function migrate(
  db: Database,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const migrations = readMigrations(options.dir);
  const log = options.log ?? (() => undefined);
  return db.withConnection(async (conn) => {
    // Building an index on a large table takes longer than the application's statement timeout.
    await conn.exec("SET statement_timeout = 0");
    await conn.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await conn.exec(BOOKKEEPING_DDL);
      const applied = await appliedMigrations(conn);
      checkHistory(migrations, applied);
      const pending = migrations.filter((m) => !applied.has(m.name));
      for (const migration of pending) {
        await applyOne(conn, migration);
        log(`Applied migration ${migration.name}`);
      }
      return pending.map((m) => m.name);
    } finally {
      await conn.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
      await conn.exec("RESET statement_timeout");
    }
  });
}

async function appliedMigrations(conn: RawConnection): Promise<Map<string, AppliedRow>> {
  const rows = await conn.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function checkHistory(migrations: Migration[], applied: Map<string, AppliedRow>): void {
  const known = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied.values()) {
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new MigrationError(
        `Migration ${row.migration_name} is recorded in the database but missing from prisma/migrations. Restore it before migrating.`,
      );
    }
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but did not finish. Inspect the database, then mark it rolled back in _prisma_migrations.`,
      );
    }
    if (row.checksum !== migration.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was changed after it was applied (checksum differs). Applied migrations must never be edited: revert the file and write a new migration instead.`,
      );
    }
  }
}

async function applyOne(conn: RawConnection, migration: Migration): Promise<void> {
  const id = randomUUID();
  await conn.exec("BEGIN");
  try {
    await conn.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
      [id, migration.checksum, migration.name],
    );
    await conn.exec(migration.sql);
    await conn.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await conn.exec("COMMIT");
  } catch (error) {
    await conn.exec("ROLLBACK");
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${reason}`);
  }
}

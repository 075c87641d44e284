/**
 * Gives every test file a real, freshly migrated database: PGlite in memory by default, or a
 * schema of its own in PostgreSQL when DATABASE_URL is set (dropped when the file ends).
 * No mocked database anywhere.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";

process.env.NODE_ENV = "test";
// Keep files from racing each other's audit signing key.
process.env.AUDIT_SIGNING_KEY_PATH ??= `/tmp/portal-test-audit-key-${process.pid}.pem`;
if (process.env.DATABASE_URL) {
  process.env.DATABASE_SCHEMA = `test_${randomBytes(6).toString("hex")}`;
} else {
  process.env.PGLITE_DATA_DIR = "memory://";
}

const { database, closeDatabase } = await import("~/utils/db.server");
const { migrate } = await import("~/utils/migrate.server");

beforeAll(async () => {
  const db = database();
  if (db.kind === "postgres") {
    await db.exec(`CREATE SCHEMA "${process.env.DATABASE_SCHEMA}"`);
  }
  await migrate(db);
});

afterAll(async () => {
  const db = database();
  if (db.kind === "postgres") {
    await db.exec(`DROP SCHEMA IF EXISTS "${process.env.DATABASE_SCHEMA}" CASCADE`);
  }
  await closeDatabase();
});

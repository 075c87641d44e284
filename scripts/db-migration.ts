/**
 * npm run db:migration -- <name>
 * Writes the next migration offline: the SQL difference between the schema as of the last
 * migration (prisma/migrations/schema-at-last-migration.prisma) and prisma/schema.prisma,
 * using the Prisma CLI's bundled wasm engine. Review the SQL, add anything the diff cannot know
 * (triggers, grants), then run `npm run db:migrate`.
 */
import { copyFileSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { diffSchemas, SNAPSHOT_PATH, SCHEMA_PATH, MIGRATIONS_DIR } from "./lib/schema-diff";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case letters, digits and underscores)");
  process.exit(1);
}

const from = existsSync(SNAPSHOT_PATH) ? SNAPSHOT_PATH : null;
const sql = diffSchemas(from, SCHEMA_PATH);
if (sql.trim() === "" || sql.includes("This is an empty migration")) {
  console.log("The schema has not changed since the last migration: nothing to write.");
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
copyFileSync(SCHEMA_PATH, SNAPSHOT_PATH);
console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);

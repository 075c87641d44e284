import { spawnSync } from "node:child_process";
import path from "node:path";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
/** A copy of the schema as the migrations leave it: the starting point of the next diff. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema-at-last-migration.prisma");

/**
 * SQL that turns schema `from` (null = empty database) into schema `to`, computed offline by the
 * Prisma CLI's wasm engine (see scripts/prisma.mjs and prisma.config.ts).
 */
export function diffSchemas(from: string | null, to: string): string {
  const args = [
    "scripts/prisma.mjs",
    "migrate",
    "diff",
    ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
    "--to-schema-datamodel",
    to,
    "--script",
  ];
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`prisma migrate diff failed:\n${result.stderr}${result.stdout}`);
  }
  // Without the wasm engine the CLI silently calls the dummy binary and prints nothing: never
  // mistake that for "no changes".
  if (!result.stdout.includes("--") && !from) {
    throw new Error("prisma migrate diff printed nothing: is the wasm engine configured in prisma.config.ts?");
  }
  return result.stdout
    .replace(/^Prisma config detected.*\n/m, "")
    // The runner applies migrations in the connection's search_path (tests use their own schema);
    // creating "public" would also need CREATE on the database, which the app role should not have.
    .replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, "");
}

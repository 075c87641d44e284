/**
 * npm run db:restore -- <file> — restores a backup made by `npm run db:backup` into the configured
 * database, which must be empty: a new PGLITE_DATA_DIR, or a PostgreSQL database/schema without
 * tables (pg_restore restores into the schema the backup was taken from). Then check the audit trail
 * against checkpoints exported before the backup: npm run audit:verify -- --checkpoints <file>.
 */
import { restoreDatabase } from "~/utils/backup.server";
import { databaseConfig } from "~/utils/db.server";
import { runScript } from "./lib/run-script";

await runScript(async () => {
  const file = process.argv[2];
  if (!file) throw new Error("Usage: npm run db:restore -- <backup file>");
  const config = databaseConfig();
  await restoreDatabase(config, file);
  console.log(`Restored ${file} into ${config.kind === "pglite" ? config.dataDir : `PostgreSQL schema "${config.schema}"`}.`);
  console.log("Now verify the audit trail: npm run audit:verify -- --checkpoints <checkpoints exported before the backup>");
});

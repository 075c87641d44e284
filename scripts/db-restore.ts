/**
 * npm run db:restore -- <backup file>
 * Restores a backup made by npm run db:backup into the configured database, which must be empty
 * (PostgreSQL: a new database; PGlite: a new or empty PGLITE_DATA_DIR). Then run
 * `npm run audit:verify -- --checkpoints <exported checkpoints>` to check the restored audit trail.
 */
import { restoreDatabase } from "./lib/backup";
import { runScript, ScriptError } from "./lib/run-script";
import { databaseConfig } from "~/utils/db.server";

const file = process.argv[2];

await runScript(async () => {
  if (!file) throw new ScriptError("Usage: npm run db:restore -- <backup file>");
  await restoreDatabase(databaseConfig(), file);
  console.log(`Restored ${file}. Check the audit trail: npm run audit:verify -- --checkpoints <exported checkpoints file>`);
});

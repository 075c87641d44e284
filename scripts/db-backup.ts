/**
 * npm run db:backup [-- <file>] — backs up the configured database: pg_dump (custom format) of the
 * portal's schema on PostgreSQL, PGlite's own dump of the data directory otherwise (stop the server
 * first: PGlite is one process per directory). Default file: ./data/backups/portal-<time>.<dump|tar.gz>.
 * The audit signing key and exported checkpoints are NOT in it: back them up separately.
 */
import { backupDatabase } from "~/utils/backup.server";
import { database, databaseConfig } from "~/utils/db.server";
import { clock } from "~/utils/clock";
import { runScript } from "./lib/run-script";

await runScript(async () => {
  const config = databaseConfig();
  const stamp = clock.now().toISOString().replace(/[:.]/g, "-");
  const file = process.argv[2] ?? `./data/backups/portal-${stamp}.${config.kind === "pglite" ? "tar.gz" : "dump"}`;
  await backupDatabase(database(), config, file);
  console.log(`Backed up the ${config.kind === "pglite" ? "embedded database" : `PostgreSQL schema "${config.schema}"`} to ${file}.`);
  console.log("Keep the audit signing key (AUDIT_SIGNING_KEY_PATH) and exported checkpoints apart from this file.");
});

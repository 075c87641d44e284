/**
 * npm run db:backup [-- --out <folder>]
 * Backs up the configured database (PostgreSQL: pg_dump, taken while the portal runs; embedded
 * PGlite: stop the portal first) into ./backups (or --out), with a manifest beside it.
 * The audit signing key is not included: back up AUDIT_SIGNING_KEY_PATH separately.
 */
import { backupDatabase } from "./lib/backup";
import { runScript, ScriptError } from "./lib/run-script";
import { databaseConfig } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { clock } from "~/utils/clock";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? args[outIndex + 1] : "backups";

await runScript(async () => {
  if (!outDir) throw new ScriptError("--out needs a folder");
  const manifest = await backupDatabase(databaseConfig(), outDir, clock.now());
  console.log(`Backed up the ${manifest.kind === "postgres" ? "PostgreSQL" : "embedded PGlite"} database to ${outDir}/${manifest.file} (${manifest.bytes} bytes).`);
  console.log(`Also keep a copy of the audit signing key (${env().AUDIT_SIGNING_KEY_PATH}) and the exported checkpoints elsewhere.`);
});

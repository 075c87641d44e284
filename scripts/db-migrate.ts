/** npm run db:migrate — applies pending migrations to the configured database. */
import { runScript } from "./lib/run-script";
import { migrate } from "~/utils/migrate.server";
import { database } from "~/utils/db.server";

await runScript(async () => {
  const applied = await migrate(database(), { log: console.log });
  console.log(applied.length ? `${applied.length} migration(s) applied.` : "Database is up to date.");
});

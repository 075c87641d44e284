/**
 * The portal's production entry point: migrates, seeds the demo region on an empty database (unless
 * production), serves, and prints the URL and the demo accounts. `npm run build` bundles this file
 * into build/server.js, which runs with plain `node build/server.js` (no npm, shell or tsx between
 * the process manager and the server, so its SIGTERM reaches the server). `npm start` builds when
 * needed and then runs the same file in its own process (scripts/start.mjs).
 */
import { isDatabaseEmpty, seedDemo } from "../prisma/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { startServer } from "./index";
import { closeDatabase, database } from "~/utils/db.server";
import { DataDirLockedError } from "~/utils/data-dir-lock.server";
import { env, EnvError } from "~/utils/env.server";
import { migrate, MigrationError } from "~/utils/migrate.server";

export async function main(): Promise<void> {
  try {
    const config = env();
    const db = database();
    await migrate(db, { log: console.log });
    let seeded = false;
    if (config.seedDemo && (await isDatabaseEmpty(db.prisma))) {
      console.log("Seeding the demo West Mercia region…");
      await seedDemo();
      seeded = true;
    }
    await startServer({
      onListening(url) {
        console.log(`\nPartnership Intelligence Portal is running at ${url}`);
        console.log(
          `Database: ${config.databaseKind === "postgres" ? "PostgreSQL" : `embedded PGlite (${config.PGLITE_DATA_DIR})`}`,
        );
        if (config.seedDemo || seeded) {
          console.log(`\nDemo accounts (password: ${DEMO_PASSWORD}; MFA code: npm run demo:code -- <email>):`);
          for (const account of DEMO_ACCOUNTS) {
            const note = account.mfaEnrolled === false ? "  (sets up MFA on first sign-in)" : "";
            console.log(`  ${account.email.padEnd(46)} ${account.roles.join(", ")} — ${account.organisation}${note}`);
          }
        }
        console.log("\nPress Ctrl+C to stop.");
      },
    });
  } catch (error) {
    const known = error instanceof EnvError || error instanceof MigrationError || error instanceof DataDirLockedError;
    console.error(known ? error.message : error);
    // The database may be what failed to open: never let its close keep a failed start alive.
    await Promise.race([closeDatabase().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
    process.exit(1);
  }
}

await main();

/**
 * npm start — migrates, seeds the demo region on an empty database (unless production), builds the
 * app if needed, serves it, and prints the URL and the demo accounts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { isDatabaseEmpty, seedDemo } from "../prisma/seed";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { BUILD_PATH, startServer } from "../server/index";
import { closeDatabase, database } from "~/utils/db.server";
import { env, EnvError } from "~/utils/env.server";
import { migrate, MigrationError } from "~/utils/migrate.server";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const stale = !existsSync(BUILD_PATH) || statSync(BUILD_PATH).mtimeMs < newestMtime(path.resolve("app"));
  if (!stale) return;
  console.log("Building the portal…");
  const result = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("The build failed.");
}

try {
  const config = env();
  buildIfNeeded();
  const db = database();
  await migrate(db, { log: console.log });
  let seeded = false;
  if (config.seedDemo && (await isDatabaseEmpty(db.prisma))) {
    console.log("Seeding the demo West Mercia region…");
    await seedDemo(db.prisma);
    seeded = true;
  }
  await startServer({
    onListening(url) {
      console.log(`\nPartnership Intelligence Portal is running at ${url}`);
      console.log(`Database: ${config.databaseKind === "postgres" ? "PostgreSQL" : `embedded PGlite (${config.PGLITE_DATA_DIR})`}`);
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
  console.error(error instanceof EnvError || error instanceof MigrationError ? error.message : error);
  await closeDatabase();
  process.exit(1);
}

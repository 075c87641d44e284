/** npm run db:reset — drops everything in the configured database, migrates and re-seeds the demo. Never in production. */
import { seedDemo } from "../prisma/seed";
import { database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { migrate } from "~/utils/migrate.server";
import { runScript } from "./lib/run-script";

await runScript(async () => {
  const config = env();
  if (config.isProduction) {
    console.error("Refusing to reset the database: NODE_ENV is production.");
    process.exitCode = 1;
    return;
  }
  const db = database();
  const schema = config.databaseKind === "postgres" ? config.DATABASE_SCHEMA : "public";
  await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}";`);
  await migrate(db, { log: console.log });
  await seedDemo();
  console.log("Database reset and demo region seeded.");
});

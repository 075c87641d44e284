/** npm run db:seed — migrates, then seeds the demo West Mercia region (idempotent). */
import { seedDemo } from "../prisma/seed";
import { database } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";
import { runScript } from "./lib/run-script";

await runScript(async () => {
  const db = database();
  await migrate(db, { log: console.log });
  await seedDemo();
  console.log("Demo region seeded.");
});

import { closeDatabase } from "~/utils/db.server";
import { EnvError } from "~/utils/env.server";
import { MigrationError } from "~/utils/migrate.server";
import { DataDirLockedError } from "~/utils/data-dir-lock.server";

/** A failure the operator can act on: printed as its one-line message, without a stack trace. */
export class ScriptError extends Error {}

/** Runs a maintenance script: one clear line on a known failure, and the database always closed. */
export async function runScript(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (
      error instanceof EnvError ||
      error instanceof MigrationError ||
      error instanceof DataDirLockedError ||
      error instanceof ScriptError
    ) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

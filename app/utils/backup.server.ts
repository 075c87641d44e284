import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock, LOCK_FILE } from "./data-dir-lock.server";
import { openDatabase, type Database, type DatabaseConfig } from "./database.server";

/**
 * Backups of either database, with each database's own tool:
 * - PostgreSQL: `pg_dump --format=custom` of the portal's schema, restored with `pg_restore` into a
 *   database where that schema does not exist yet (or is empty).
 * - PGlite: PGlite's own dump of the data directory (a gzipped tarball), restored into an empty
 *   directory. PGlite is one process per directory, so the server must be stopped to take it.
 *
 * Not in the backup, by design: the key that signs audit checkpoints (AUDIT_SIGNING_KEY_PATH) and the
 * exported checkpoints; keep them apart from the data (see README.md, "Backups and restore").
 */
export class BackupError extends Error {}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error) throw new BackupError(`${command} could not be run: ${result.error.message}`);
  if (result.status !== 0) {
    const firstLine = result.stderr.trim().split("\n")[0] ?? "";
    throw new BackupError(`${command} failed: ${firstLine}`);
  }
}

/** Writes a backup of `db` (opened from `config`) to `file`. */
export async function backupDatabase(db: Database, config: DatabaseConfig, file: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (config.kind === "pglite") {
    if (!db.dumpDataDir) throw new BackupError("This database cannot dump its data directory.");
    const dump = await db.dumpDataDir();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
    return;
  }
  run("pg_dump", ["--format=custom", `--schema=${config.schema}`, "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${config.url}`]);
}

/** Restores `file` into the configured database, which must be empty. */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`No backup at ${file}.`);
  if (config.kind === "pglite") {
    const dir = config.dataDir;
    if (dir.startsWith("memory://")) throw new BackupError("Restore into a data directory, not memory://.");
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      throw new BackupError(`${dir} is not empty: move it aside (or set PGLITE_DATA_DIR to a new directory) and restore again.`);
    }
    mkdirSync(dir, { recursive: true });
    const lock = acquireDataDirLock(dir);
    try {
      const client = new PGlite({ dataDir: dir, loadDataDir: new Blob([readFileSync(file)]) });
      await client.waitReady;
      await client.close();
    } finally {
      // The dump holds the lock file of the process that took it, which the tarball has just written
      // over ours: the directory was empty and is this process's until here, so remove it.
      lock.release();
      rmSync(path.join(dir, LOCK_FILE), { force: true });
    }
    return;
  }
  const db = openDatabase(config);
  try {
    const rows = await db.query<{ count: string }>(
      "SELECT count(*)::text AS count FROM information_schema.tables WHERE table_schema = $1",
      [config.schema],
    );
    if (rows[0]?.count !== "0") {
      throw new BackupError(`Schema "${config.schema}" already has tables: restore into an empty database or schema.`);
    }
    // pg_restore creates a named schema itself (it is in the dump); "public" always exists and is not dumped.
    if (config.schema !== "public") await db.exec(`DROP SCHEMA IF EXISTS "${config.schema}"`);
  } finally {
    await db.close();
  }
  run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${config.url}`, file]);
}

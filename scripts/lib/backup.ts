import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { ScriptError } from "./run-script";
import type { DatabaseConfig } from "~/utils/database.server";
import { acquireDataDirLock, LOCK_FILE } from "~/utils/data-dir-lock.server";

/**
 * Backups of either database, as an operator takes them:
 * - PostgreSQL: `pg_dump --format=custom` of the portal's schema, restored with `pg_restore` into an
 *   empty database. Taken while the portal runs (pg_dump reads one consistent snapshot).
 * - Embedded PGlite: PGlite's own dump of the data directory (a gzipped tar), loaded into an empty
 *   directory on restore. PGlite is one process per data directory, so the portal must be stopped.
 *
 * Each backup has a manifest beside it (`<file>.json`) saying what it holds. The audit signing key is
 * deliberately NOT in the backup (it lives outside the database, AUDIT_SIGNING_KEY_PATH): back it up
 * separately, with the exported checkpoints, so a restored trail can be verified.
 */

export interface BackupManifest {
  format: "partnership-intelligence-portal/backup/v1";
  kind: "postgres" | "pglite";
  createdAt: string;
  file: string;
  bytes: number;
  schema: string | null;
  note: string;
}

const KEY_NOTE =
  "The audit signing key is not in this backup: keep AUDIT_SIGNING_KEY_PATH (and the exported checkpoints) backed up separately.";

/** A file name for a new backup: kind and UTC time, sortable. */
export function backupFileName(kind: "postgres" | "pglite", at: Date): string {
  const stamp = at.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return `portal-${kind}-${stamp}.${kind === "postgres" ? "dump" : "tar.gz"}`;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"], env });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new ScriptError(`${command} failed (exit ${code}): ${stderr.trim().split("\n").slice(-3).join(" ")}`));
    });
  });
}

/** libpq takes the connection string as is; our schema travels separately (pg_dump --schema). */
function dumpArgs(url: string, schema: string, file: string): string[] {
  const args = ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`];
  // The public schema is dumped as the whole database: restoring `CREATE SCHEMA public` into a new
  // database would fail, as every new database already has one.
  if (schema !== "public") args.push(`--schema=${schema}`);
  args.push(`--dbname=${url}`);
  return args;
}

export async function backupDatabase(config: DatabaseConfig, outDir: string, at: Date): Promise<BackupManifest> {
  mkdirSync(outDir, { recursive: true });
  const file = path.resolve(outDir, backupFileName(config.kind, at));
  if (config.kind === "postgres") {
    await run("pg_dump", dumpArgs(config.url, config.schema, file));
  } else {
    if (config.dataDir.startsWith("memory://")) throw new ScriptError("An in-memory PGlite database cannot be backed up.");
    if (!existsSync(config.dataDir)) throw new ScriptError(`There is no PGlite data directory at ${config.dataDir}.`);
    // Opening the directory takes it for this process: refused (naming the pid) while the portal runs on it.
    const lock = acquireDataDirLock(config.dataDir);
    try {
      const pglite = new PGlite(config.dataDir);
      try {
        // dumpDataDir before the database is ready never settles (PGlite 0.5).
        await pglite.waitReady;
        const dump = await pglite.dumpDataDir("gzip");
        writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await pglite.close();
      }
    } finally {
      lock.release();
    }
  }
  const manifest: BackupManifest = {
    format: "partnership-intelligence-portal/backup/v1",
    kind: config.kind,
    createdAt: at.toISOString(),
    file: path.basename(file),
    bytes: statSync(file).size,
    schema: config.kind === "postgres" ? config.schema : null,
    note: KEY_NOTE,
  };
  writeFileSync(`${file}.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Reads the manifest written beside a backup, so a restore knows which database it is for. */
export function readManifest(file: string): BackupManifest {
  const manifestPath = `${file}.json`;
  if (!existsSync(manifestPath)) throw new ScriptError(`No manifest beside the backup (${manifestPath}).`);
  return JSON.parse(readFileSync(manifestPath, "utf8")) as BackupManifest;
}

/**
 * Restores a backup into an EMPTY database (PostgreSQL: a database without the portal's tables;
 * PGlite: a missing or empty directory). It never overwrites data: restoring over a live portal
 * is a decision for a person, who empties the target first.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<void> {
  const manifest = readManifest(file);
  if (manifest.kind !== config.kind) {
    throw new ScriptError(`This is a ${manifest.kind} backup; the configured database is ${config.kind}.`);
  }
  if (config.kind === "postgres") {
    if (manifest.schema !== config.schema) {
      throw new ScriptError(`The backup holds schema "${manifest.schema}"; DATABASE_SCHEMA is "${config.schema}".`);
    }
    await run("pg_restore", ["--exit-on-error", "--no-owner", "--no-privileges", `--dbname=${config.url}`, file]);
    return;
  }
  if (config.dataDir.startsWith("memory://")) throw new ScriptError("Restore into a data directory, not memory://.");
  if (existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0) {
    throw new ScriptError(`${config.dataDir} is not empty: restore into a new directory, or move the old one aside first.`);
  }
  mkdirSync(config.dataDir, { recursive: true });
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const pglite = new PGlite(config.dataDir, { loadDataDir: new Blob([readFileSync(file)]) });
    try {
      await pglite.waitReady;
    } finally {
      await pglite.close();
    }
  } finally {
    // The dump carries the lock file of the process that took it, just written over ours; the
    // directory was empty and has been this process's until now, so remove it.
    lock.release();
    rmSync(path.join(config.dataDir, LOCK_FILE), { force: true });
  }
}

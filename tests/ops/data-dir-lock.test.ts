import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireDataDirLock,
  currentOwner,
  DataDirLockedError,
  LOCK_FILE,
  processStartTime,
} from "~/utils/data-dir-lock.server";
import { openDatabase, type Database } from "~/utils/database.server";

/**
 * Defect 11: two processes on one PGLITE_DATA_DIR both opened it and lost acknowledged writes. The
 * embedded database is now opened by one process only (app/utils/data-dir-lock.server.ts).
 */
const dirs: string[] = [];
const opened: Database[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-lock-test-"));
  dirs.push(dir);
  return dir;
}

async function open(dataDir: string): Promise<Database> {
  const db = openDatabase({ kind: "pglite", dataDir });
  opened.push(db);
  await db.query("SELECT 1");
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(result.stdout);
}

const lockFile = (dir: string) => path.join(dir, LOCK_FILE);
const lockOwnerPid = (dir: string) => (JSON.parse(readFileSync(lockFile(dir), "utf8")) as { pid: number }).pid;

describe("one process per embedded data directory", { timeout: 180_000 }, () => {
  it("refuses a second process (db:migrate) with one line naming the holder's pid, and the holder keeps working", async () => {
    const dir = tempDir();
    const db = await open(dir);
    expect(lockOwnerPid(dir)).toBe(process.pid);

    const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DATA_DIR: dir, NODE_ENV: "development" };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    const second = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { encoding: "utf8", env });
    expect(second.status).toBe(1);
    const lines = second.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`pid ${process.pid}`);
    expect(lines[0]).toContain(dir);

    expect(await db.query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(lockOwnerPid(dir)).toBe(process.pid);
  });

  it("refuses a second opener in the same process too", async () => {
    const dir = tempDir();
    await open(dir);
    expect(() => openDatabase({ kind: "pglite", dataDir: dir })).toThrow(DataDirLockedError);
  });

  it("releases the lock on close, so the directory opens again with its data", async () => {
    const dir = tempDir();
    const first = await open(dir);
    await first.exec("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42);");
    await first.close();
    opened.splice(opened.indexOf(first), 1);
    expect(existsSync(lockFile(dir))).toBe(false);

    const again = await open(dir);
    expect(await again.query<{ n: number }>("SELECT n FROM kept")).toEqual([{ n: 42 }]);
    expect(lockOwnerPid(dir)).toBe(process.pid);
  });

  it("takes over a lock left by a process that has died", async () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(lockFile(dir), JSON.stringify({ ...currentOwner(), pid, startTime: "1" }));
    await open(dir);
    expect(lockOwnerPid(dir)).toBe(process.pid);
  });

  it("takes over a stale lock whose pid now belongs to another process (pid reuse)", () => {
    const dir = tempDir();
    // The parent process is alive, but it is not the process that wrote this lock: its start time differs.
    const reused = process.ppid;
    expect(processStartTime(reused)).not.toBeNull();
    writeFileSync(lockFile(dir), JSON.stringify({ ...currentOwner(), pid: reused, startTime: "1" }));
    const lock = acquireDataDirLock(dir);
    expect(lockOwnerPid(dir)).toBe(process.pid);
    lock.release();
    expect(existsSync(lockFile(dir))).toBe(false);
  });

  it("keeps a live holder's lock: the same pid with its real start time is not stale", () => {
    const dir = tempDir();
    const holder = process.ppid;
    writeFileSync(lockFile(dir), JSON.stringify({ ...currentOwner(), pid: holder, startTime: processStartTime(holder) }));
    expect(() => acquireDataDirLock(dir)).toThrow(`pid ${holder}`);
    expect(lockOwnerPid(dir)).toBe(holder);
  });

  it("refuses a lock written on another host, naming the file to delete once that host is known to be done", () => {
    const dir = tempDir();
    writeFileSync(lockFile(dir), JSON.stringify({ pid: 4242, host: "elsewhere.example", startTime: "1", bootId: "x" }));
    expect(() => acquireDataDirLock(dir)).toThrow(/process 4242 on host elsewhere\.example.*delete .*portal\.lock/);
  });
});

import { randomBytes } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

/**
 * One process per embedded (PGlite) data directory. PGlite itself does nothing to stop a second
 * process opening the same directory, and two writers silently lose each other's acknowledged writes,
 * so every opener takes this lock first (database.server.ts does it for all of them).
 *
 * The lock is a file, `portal.lock`, in the data directory, created atomically (written in full to a
 * temporary file, then hard-linked into place: link() fails if the name exists, so exactly one process
 * wins and nobody ever reads a half-written lock). It names the holder: pid, host, the holder's start
 * time as the kernel records it (/proc/<pid>/stat, in clock ticks since boot) and the boot id.
 *
 * A lock left by a process that died (SIGKILL, power loss) is stale and is taken over. The holder is
 * alive only if a process with that pid exists AND started at the recorded time in the same boot:
 * a recycled pid (another process given the dead holder's number later) has a different start time,
 * so pid reuse cannot keep a stale lock alive, nor (worse) let a live holder's lock be mistaken for a
 * stale one. Where /proc is missing (not Linux) only the pid's existence is checked.
 *
 * Why not an OS lock (flock/fcntl) that the kernel releases by itself? Node has no API for them without
 * a native module; this project installs no native code for this.
 *
 * Taking over a stale lock is serialised by a second file, `portal.lock.recovering` (also created
 * exclusively), so two processes that find the same stale lock cannot both remove it and each
 * believe it holds the lock. Recovery takes milliseconds; a recovery file older than 10 seconds is
 * itself left over from a crash and is removed.
 *
 * A lock written on another host cannot be checked from here (a shared filesystem): it is refused,
 * and the message says which file to delete once that host is known not to run the portal.
 */

export const LOCK_FILE = "portal.lock";
const RECOVERY_FILE = "portal.lock.recovering";
const RECOVERY_STALE_MS = 10_000;

export interface LockOwner {
  pid: number;
  host: string;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22), or null off Linux. */
  startTime: string | null;
  bootId: string | null;
}

export class DataDirLockedError extends Error {
  constructor(
    message: string,
    readonly owner: LockOwner | null,
  ) {
    super(message);
    this.name = "DataDirLockedError";
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock if it is still ours. Safe to call more than once. */
  release(): void;
}

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return null;
  }
}

/** The kernel's start time of a process, or null if there is no such process (or no /proc). */
export function processStartTime(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // "pid (comm) state ppid …": comm may contain spaces and parentheses, so split after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[19] ?? null; // field 22 overall; fields[0] here is field 3
}

const bootId = () => readOrNull("/proc/sys/kernel/random/boot_id");
const hasProc = () => readOrNull("/proc/self/stat") !== null;

export function currentOwner(): LockOwner {
  return { pid: process.pid, host: hostname(), startTime: processStartTime(process.pid), bootId: bootId() };
}

function parseOwner(text: string | null): LockOwner | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid !== "number" || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    if (typeof value.host !== "string") return null;
    return {
      pid: value.pid,
      host: value.host,
      startTime: typeof value.startTime === "string" ? value.startTime : null,
      bootId: typeof value.bootId === "string" ? value.bootId : null,
    };
  } catch {
    return null;
  }
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

type Liveness = "alive" | "dead" | "unknown";

/** Whether the process that wrote `owner` is still running (on this host). */
export function ownerLiveness(owner: LockOwner): Liveness {
  if (owner.host !== hostname()) return "unknown";
  if (hasProc()) {
    if (owner.bootId && owner.bootId !== bootId()) return "dead"; // the machine restarted since
    const started = processStartTime(owner.pid);
    if (started === null) return "dead";
    return owner.startTime === null || owner.startTime === started ? "alive" : "dead";
  }
  return pidExists(owner.pid) ? "alive" : "dead";
}

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function lockedMessage(dir: string, owner: LockOwner | null, file: string): string {
  if (!owner) return `The embedded database in ${dir} is locked (${file} is unreadable); if no portal process uses it, delete that file.`;
  const holder = owner.pid === process.pid && owner.host === hostname() ? "this process" : "another process";
  if (ownerLiveness(owner) === "unknown") {
    return `The embedded database in ${dir} is in use by process ${owner.pid} on host ${owner.host}; if that host no longer runs the portal, delete ${file}.`;
  }
  return `The embedded database in ${dir} is already in use by ${holder} (pid ${owner.pid}); PGlite allows one process per data directory: stop it, or use PostgreSQL (DATABASE_URL) for several instances.`;
}

/** Removes the stale lock `seen`, unless someone else got there first. Returns false to retry later. */
function recoverStale(file: string, seen: string): boolean {
  const recovery = `${file.slice(0, -LOCK_FILE.length)}${RECOVERY_FILE}`;
  let fd: number;
  try {
    fd = openSync(recovery, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    try {
      if (Date.now() - statSync(recovery).mtimeMs > RECOVERY_STALE_MS) unlinkSync(recovery);
    } catch {
      // gone already
    }
    return false;
  }
  try {
    closeSync(fd);
    // Re-read under the recovery lock: only the very lock judged stale is removed.
    if (readOrNull(file) === seen) unlinkSync(file);
    return true;
  } finally {
    try {
      unlinkSync(recovery);
    } catch {
      // ignore
    }
  }
}

/** Takes the data directory's lock, or throws DataDirLockedError naming the holder. */
export function acquireDataDirLock(dir: string): DataDirLock {
  const file = path.join(dir, LOCK_FILE);
  const mine = JSON.stringify(currentOwner());
  const temp = path.join(dir, `${LOCK_FILE}.${process.pid}.${randomBytes(4).toString("hex")}`);
  writeFileSync(temp, `${mine}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        linkSync(temp, file);
        let released = false;
        const release = () => {
          if (released) return;
          released = true;
          process.removeListener("exit", release);
          try {
            if (readOrNull(file) === mine) unlinkSync(file);
          } catch {
            // already gone
          }
        };
        // A process that exits without closing the database (process.exit from a hard timer) no
        // longer writes, so its lock goes with it.
        process.on("exit", release);
        return { file, release };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const seen = readOrNull(file);
      if (seen === null) continue; // removed in between: try again
      const owner = parseOwner(seen);
      if (!owner || ownerLiveness(owner) !== "dead") throw new DataDirLockedError(lockedMessage(dir, owner, file), owner);
      if (!recoverStale(file, seen)) sleepSync(100);
    }
    throw new DataDirLockedError(`Could not take the lock ${file}: other processes keep contending for it.`, null);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // ignore
    }
  }
}

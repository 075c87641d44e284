import type { Database } from "~/utils/db.server";
import { clock } from "~/utils/clock";

/**
 * Scheduled work that runs inside the app process (agreement status by date, audit sealing,
 * retention review…). Several app instances may run the scheduler: on PostgreSQL each run of a job
 * first takes a session-level advisory lock named after the job, so one instance at a time does it
 * and the others skip that tick. PGlite is one process per data directory, so no lock is needed.
 *
 * Jobs must be idempotent (a run interrupted by a crash is simply done again next tick) and must
 * decide what to do from the data and `now`, never from how often they ran.
 */
export interface ScheduledJob {
  /** Stable name: also the advisory-lock key, so every instance must use the same one. */
  name: string;
  everyMs: number;
  run(now: Date): Promise<void>;
}

/** The advisory-lock key of a job: PostgreSQL's hashtext of a namespaced name, computed by the database. */
const LOCK_SQL = "SELECT pg_try_advisory_lock(hashtext($1)) AS locked";
const UNLOCK_SQL = "SELECT pg_advisory_unlock(hashtext($1))";

/**
 * Runs a job once if no other instance is running it. Returns false when another instance held
 * the lock. Errors from the job propagate (the scheduler loop reports them).
 */
export async function runJobOnce(db: Database, job: ScheduledJob): Promise<boolean> {
  if (db.kind === "pglite") {
    await job.run(clock.now());
    return true;
  }
  // The lock lives on one held connection; the job itself uses the Prisma pool.
  return db.withConnection(async (conn) => {
    const [row] = await conn.query<{ locked: boolean }>(LOCK_SQL, [`portal-job:${job.name}`]);
    if (!row?.locked) return false;
    try {
      await job.run(clock.now());
      return true;
    } finally {
      await conn.query(UNLOCK_SQL, [`portal-job:${job.name}`]);
    }
  });
}

export interface Scheduler {
  /** Stops scheduling and waits for runs in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Starts every job on its interval (first run after one interval, so start-up stays quick).
 * A job never overlaps itself within this process. Failures are reported to `onError` and the job
 * is tried again at its next tick.
 */
export function startScheduler(
  db: Database,
  jobs: readonly ScheduledJob[],
  onError: (job: ScheduledJob, error: unknown) => void,
): Scheduler {
  const running = new Map<string, Promise<void>>();
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      if (running.has(job.name)) return;
      const run = runJobOnce(db, job)
        .then(() => undefined)
        .catch((error: unknown) => onError(job, error))
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.everyMs);
    // Scheduled work never keeps the process alive on its own.
    timer.unref();
    return timer;
  });
  return {
    async stop() {
      for (const timer of timers) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}

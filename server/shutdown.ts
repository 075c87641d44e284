/**
 * Graceful shutdown in bounded time. On SIGTERM/SIGINT the server stops accepting connections and
 * lets requests in flight finish; then the scheduler stops and the database closes. Every step has
 * its own time limit, and a hard timer exits regardless, so a hung connection, job or database close
 * can never keep the process (and, with PGlite, its data directory) past SHUTDOWN_LIMIT_MS.
 */
export interface ShutdownSteps {
  /** Stop accepting connections; resolves when every connection has closed. */
  closeServer(): Promise<void>;
  /** Destroy the connections still open once the drain time is up. */
  forceCloseConnections(): void;
  stopScheduler(): Promise<void>;
  closeDatabase(): Promise<void>;
}

export interface ShutdownTimeouts {
  drainMs: number;
  schedulerMs: number;
  databaseMs: number;
  /** Exit with status 1 at this point whatever is still running. */
  hardExitMs: number;
}

/** Within the 10 seconds container runtimes usually allow between SIGTERM and SIGKILL. */
export const SHUTDOWN_LIMIT_MS = 9_500;
export const DEFAULT_SHUTDOWN_TIMEOUTS: ShutdownTimeouts = {
  drainMs: 6_000,
  schedulerMs: 1_000,
  databaseMs: 2_000,
  hardExitMs: SHUTDOWN_LIMIT_MS,
};

export interface ShutdownLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Resolves true if `work` settles within `ms`; a rejection counts as settled (and is logged). */
async function within(work: Promise<void>, ms: number, what: string, log: ShutdownLog): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = work.then(
    () => true as const,
    (error: unknown) => {
      log.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      return true as const;
    },
  );
  try {
    const result = await Promise.race([settled, timedOut]);
    if (!result) log.warn(`${what} did not finish within ${ms} ms; going on without it.`);
    return result;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the shutdown steps in order, each bounded, and calls `exit` once (0 if all finished in time). */
export async function shutDown(
  steps: ShutdownSteps,
  log: ShutdownLog,
  exit: (code: number) => void,
  timeouts: ShutdownTimeouts = DEFAULT_SHUTDOWN_TIMEOUTS,
): Promise<void> {
  let exited = false;
  const exitOnce = (code: number) => {
    if (exited) return;
    exited = true;
    clearTimeout(hard);
    exit(code);
  };
  const hard = setTimeout(() => {
    log.error(`Shutdown did not finish within ${timeouts.hardExitMs} ms: exiting now.`);
    exitOnce(1);
  }, timeouts.hardExitMs);

  let clean = await within(steps.closeServer(), timeouts.drainMs, "Finishing requests in flight", log);
  if (!clean) steps.forceCloseConnections();
  if (exited) return;
  clean = (await within(steps.stopScheduler(), timeouts.schedulerMs, "Stopping the scheduler", log)) && clean;
  if (exited) return;
  clean = (await within(steps.closeDatabase(), timeouts.databaseMs, "Closing the database", log)) && clean;
  log.info(clean ? "Stopped." : "Stopped, not cleanly.");
  exitOnce(clean ? 0 : 1);
}

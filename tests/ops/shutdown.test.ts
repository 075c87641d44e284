import { describe, expect, it } from "vitest";
import { shutDown, type ShutdownSteps, type ShutdownTimeouts } from "../../server/shutdown";

/**
 * The shutdown sequence (server/shutdown.ts) is bounded at every step: a hung connection, job or
 * database close cannot keep the process alive. Steps are stand-ins here; the process-level test
 * (start-and-stop.test.ts) runs the real server.
 */
const FAST: ShutdownTimeouts = { drainMs: 50, schedulerMs: 50, databaseMs: 50, hardExitMs: 1_000 };
const never = () => new Promise<void>(() => undefined);

function recorder() {
  const events: string[] = [];
  const log = { info: (m: string) => events.push(`info: ${m}`), warn: (m: string) => events.push(`warn: ${m}`), error: (m: string) => events.push(`error: ${m}`) };
  let exitCode: number | undefined;
  let exits = 0;
  const exit = (code: number) => {
    exits++;
    exitCode = code;
    events.push(`exit ${code}`);
  };
  return { events, log, exit, result: () => ({ exitCode, exits }) };
}

function steps(overrides: Partial<ShutdownSteps>, events: string[]): ShutdownSteps {
  return {
    closeServer: async () => void events.push("server closed"),
    forceCloseConnections: () => void events.push("connections destroyed"),
    stopScheduler: async () => void events.push("scheduler stopped"),
    closeDatabase: async () => void events.push("database closed"),
    ...overrides,
  };
}

describe("graceful shutdown", () => {
  it("drains, stops the scheduler, closes the database, in that order, then exits 0", async () => {
    const r = recorder();
    await shutDown(steps({}, r.events), r.log, r.exit, FAST);
    expect(r.events).toEqual(["server closed", "scheduler stopped", "database closed", "info: Stopped.", "exit 0"]);
  });

  it("destroys connections that do not finish in time, and still closes the database", async () => {
    const r = recorder();
    await shutDown(steps({ closeServer: never }, r.events), r.log, r.exit, FAST);
    expect(r.events).toContain("connections destroyed");
    expect(r.events).toContain("database closed");
    expect(r.result()).toEqual({ exitCode: 1, exits: 1 });
  });

  it("exits even when the database close hangs", async () => {
    const r = recorder();
    await shutDown(steps({ closeDatabase: never }, r.events), r.log, r.exit, FAST);
    expect(r.events.some((e) => e.startsWith("warn: Closing the database did not finish"))).toBe(true);
    expect(r.result()).toEqual({ exitCode: 1, exits: 1 });
  });

  it("a failing step is logged and the rest still run", async () => {
    const r = recorder();
    await shutDown(steps({ stopScheduler: () => Promise.reject(new Error("job stuck")) }, r.events), r.log, r.exit, FAST);
    expect(r.events).toContain("error: Stopping the scheduler failed: job stuck");
    expect(r.events).toContain("database closed");
    expect(r.result().exits).toBe(1);
  });

  it("the hard timer exits once even if steps outlast it", async () => {
    const r = recorder();
    const timeouts = { drainMs: 300, schedulerMs: 300, databaseMs: 300, hardExitMs: 50 };
    const done = shutDown(steps({ closeServer: never }, r.events), r.log, r.exit, timeouts);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(r.result()).toEqual({ exitCode: 1, exits: 1 });
    expect(r.events[0]).toMatch(/^error: Shutdown did not finish within 50 ms/);
    await done;
    expect(r.result().exits).toBe(1);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { runJobOnce, startScheduler, type ScheduledJob } from "~/modules/jobs/scheduler.server";
import { clock } from "~/utils/clock";
import { database } from "~/utils/db.server";

afterEach(() => clock.reset());

describe("scheduled jobs", () => {
  it("runs a job with the clock's time", async () => {
    const fixed = new Date("2026-03-01T02:30:00Z");
    clock.set(fixed);
    const seen: Date[] = [];
    const ran = await runJobOnce(database(), { name: "test-clock", everyMs: 1000, run: async (now) => void seen.push(now) });
    expect(ran).toBe(true);
    expect(seen.map((d) => d.toISOString())).toEqual([fixed.toISOString()]);
  });

  it("runs a job on one instance at a time: a second runner skips while the first holds the job", async () => {
    const db = database();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const runs: string[] = [];
    const slow: ScheduledJob = {
      name: "test-exclusive",
      everyMs: 1000,
      run: async () => {
        runs.push("first");
        started();
        await held;
      },
    };
    const first = runJobOnce(db, slow);
    await firstStarted;
    if (db.kind === "postgres") {
      // Another instance (another connection) finds the job's lock taken and skips this tick.
      const second = await runJobOnce(db, { ...slow, run: async () => void runs.push("second") });
      expect(second).toBe(false);
    }
    release();
    expect(await first).toBe(true);
    // Once the first run is over the lock is free again.
    expect(await runJobOnce(db, { ...slow, run: async () => void runs.push("third") })).toBe(true);
    expect(runs).toEqual(["first", "third"]);
  });

  it("keeps ticking after a failed run and reports the failure", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = startScheduler(
      database(),
      [{ name: "test-failing", everyMs: 5, run: async () => { calls += 1; if (calls === 1) throw new Error("boom"); } }],
      (_job, error) => errors.push(error),
    );
    await expect.poll(() => calls, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await scheduler.stop();
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("boom");
  });
});

/**
 * The one source of the current time for everything that reads it (audit writer, sessions,
 * agreements, scheduled jobs, pages). Production reads the system clock; tests set it so that
 * time-dependent behaviour is asserted at any hour, and the demo seed sets it to realistic past
 * times so the seeded history agrees with itself.
 *
 * Import it as `clock` and call `clock.now()`: a local `const now = clock.now()` stays legal.
 */
type TimeSource = () => Date;

const systemTime: TimeSource = () => new Date();
let source: TimeSource = systemTime;

export const clock = {
  /** The current time (a fresh Date each call). */
  now(): Date {
    return source();
  },
  /** Fixes the time (a Date) or takes it from a function (e.g. a moving fake clock). Tests and seeding only. */
  set(time: Date | TimeSource): void {
    source = typeof time === "function" ? time : () => new Date(time.getTime());
  },
  /** Back to the system clock. */
  reset(): void {
    source = systemTime;
  },
  /** Runs `work` with the time fixed at `time`, then restores whatever clock was in force. */
  async at<T>(time: Date | TimeSource, work: () => Promise<T>): Promise<T> {
    const previous = source;
    clock.set(time);
    try {
      return await work();
    } finally {
      source = previous;
    }
  },
};

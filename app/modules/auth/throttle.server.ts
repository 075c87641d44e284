import { pluralise } from "~/utils/plural";
import { prisma } from "~/utils/db.server";
import { clientAddressKey } from "./client-address";
import { normaliseEmail } from "./email";
import { clock } from "~/utils/clock";

/**
 * Throttling of password and second-factor guesses (ASVS 6.3.1), per account AND per client
 * address, with delays that double after a threshold. Counters live in the SignInThrottle table so
 * every app instance sees the same counts, and are checked BEFORE the password is hashed (argon2id
 * costs ~45 ms; a blocked attempt must cost nothing).
 *
 * The account key is the normalised email as typed, whether or not an account exists, so unknown
 * and real accounts are throttled identically and the throttle reveals nothing about existence.
 * The address threshold is much higher so that one person's typos cannot lock out a whole office
 * behind one NAT address, while one address spraying many accounts is still slowed down.
 */
export interface ThrottlePolicy {
  /** Failures (within `forgetAfterMs` of each other) before the first block. */
  threshold: number;
  /** The first block; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A counter whose last failure is older than this starts again from zero. Above maxDelayMs. */
  forgetAfterMs: number;
}

const MINUTE = 60_000;

export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  threshold: 5,
  baseDelayMs: MINUTE,
  maxDelayMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

export const ADDRESS_THROTTLE: ThrottlePolicy = {
  threshold: 30,
  baseDelayMs: MINUTE,
  maxDelayMs: 15 * MINUTE,
  forgetAfterMs: 60 * MINUTE,
};

export interface ThrottleKey {
  key: string;
  policy: ThrottlePolicy;
}

export function accountThrottleKey(email: string): ThrottleKey {
  return { key: `account:${normaliseEmail(email)}`, policy: ACCOUNT_THROTTLE };
}

export function addressThrottleKey(clientAddress: string | undefined | null): ThrottleKey {
  return { key: `address:${clientAddressKey(clientAddress)}`, policy: ADDRESS_THROTTLE };
}

/** The keys one attempt counts against: the account named and the address it came from. */
export function signInThrottleKeys(email: string, clientAddress: string | undefined | null): ThrottleKey[] {
  return [accountThrottleKey(email), addressThrottleKey(clientAddress)];
}

/** How long the `failures`-th failure blocks further attempts (0 below the threshold). */
export function blockDurationMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

export type ThrottleState = { blocked: false } | { blocked: true; until: Date; scope: "account" | "address" };

/** Whether any of the keys is blocked at `now`; the latest block wins. */
export async function checkThrottle(keys: ThrottleKey[], now = clock.now()): Promise<ThrottleState> {
  const rows = await prisma.signInThrottle.findMany({
    where: { key: { in: keys.map((k) => k.key) }, blockedUntil: { gt: now } },
    select: { key: true, blockedUntil: true },
  });
  let latest: ThrottleState = { blocked: false };
  for (const row of rows) {
    if (!row.blockedUntil) continue;
    if (!latest.blocked || row.blockedUntil > latest.until) {
      latest = { blocked: true, until: row.blockedUntil, scope: row.key.startsWith("account:") ? "account" : "address" };
    }
  }
  return latest;
}

/**
 * Counts one failure against every key, atomically (several instances may fail at once), and
 * blocks the keys that reached their threshold. Returns the resulting state.
 */
export async function recordThrottleFailure(keys: ThrottleKey[], now = clock.now()): Promise<ThrottleState> {
  for (const { key, policy } of keys) {
    const forgetBefore = new Date(now.getTime() - policy.forgetAfterMs);
    const [row] = await prisma.$queryRaw<{ failures: number }[]>`
      INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt")
      VALUES (${key}, 1, ${now})
      ON CONFLICT ("key") DO UPDATE SET
        "failures" = CASE WHEN "SignInThrottle"."lastFailureAt" < ${forgetBefore} THEN 1
                          ELSE "SignInThrottle"."failures" + 1 END,
        "lastFailureAt" = ${now}
      RETURNING "failures"`;
    const delay = blockDurationMs(Number(row?.failures ?? 1), policy);
    if (delay > 0) {
      const until = new Date(now.getTime() + delay);
      // GREATEST: of two concurrent failures, the one that counted higher sets the longer block.
      await prisma.$executeRaw`
        UPDATE "SignInThrottle" SET "blockedUntil" = GREATEST(COALESCE("blockedUntil", ${until}), ${until})
        WHERE "key" = ${key}`;
    }
  }
  return checkThrottle(keys, now);
}

/** A full sign-in resets the account's counter (never the address's: one good account must not clear it). */
export async function clearAccountThrottle(email: string): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: accountThrottleKey(email).key } });
}

/** "5 minutes", for the throttled message: rounded up, never "0 minutes". */
export function waitDescription(until: Date, now = clock.now()): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return pluralise(minutes, "minute");
}

/**
 * Deletes counters that no longer matter: last failure older than every policy's forget window
 * and no block in force. Unknown emails create rows too (that is what keeps them indistinguishable),
 * so without this an attacker could grow the table without bound.
 */
export async function pruneSignInThrottle(now = clock.now()): Promise<number> {
  const forgetAfterMs = Math.max(ACCOUNT_THROTTLE.forgetAfterMs, ADDRESS_THROTTLE.forgetAfterMs);
  const result = await prisma.signInThrottle.deleteMany({
    where: {
      lastFailureAt: { lt: new Date(now.getTime() - forgetAfterMs) },
      OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }],
    },
  });
  return result.count;
}

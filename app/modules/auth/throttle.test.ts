import { describe, expect, it } from "vitest";
import { clientAddressKey } from "./client-address";
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  accountThrottleKey,
  addressThrottleKey,
  blockDurationMs,
  checkThrottle,
  clearAccountThrottle,
  pruneSignInThrottle,
  recordThrottleFailure,
  signInThrottleKeys,
} from "./throttle.server";

const MINUTE = 60_000;

describe("throttle policy", () => {
  it("blocks an account after 5 failures for 1, 2, 4, 8 ... minutes, capped at an hour", () => {
    const delays = [4, 5, 6, 7, 8, 9, 10, 11, 12, 40].map((n) => blockDurationMs(n, ACCOUNT_THROTTLE) / MINUTE);
    expect(delays).toEqual([0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it("lets an address fail far more often than an account before blocking it", () => {
    expect(blockDurationMs(29, ADDRESS_THROTTLE)).toBe(0);
    expect(blockDurationMs(30, ADDRESS_THROTTLE)).toBe(MINUTE);
    expect(ADDRESS_THROTTLE.forgetAfterMs).toBeGreaterThan(ADDRESS_THROTTLE.maxDelayMs);
    expect(ACCOUNT_THROTTLE.forgetAfterMs).toBeGreaterThan(ACCOUNT_THROTTLE.maxDelayMs);
  });
});

describe("throttle counters in the database", () => {
  it("blocks the account on the 5th failure, and each later failure doubles the block", async () => {
    const keys = signInThrottleKeys("Growth@Example.test ", "192.0.2.10");
    const start = new Date("2026-03-02T09:00:00Z");
    for (let i = 1; i <= 4; i++) {
      expect((await recordThrottleFailure(keys, start)).blocked).toBe(false);
    }
    const fifth = await recordThrottleFailure(keys, start);
    expect(fifth).toEqual({ blocked: true, until: new Date(start.getTime() + MINUTE), scope: "account" });
    // After the block, one more wrong guess: blocked for 2 minutes.
    const later = new Date(start.getTime() + MINUTE);
    expect(await checkThrottle(keys, later)).toEqual({ blocked: false });
    expect(await recordThrottleFailure(keys, later)).toMatchObject({ until: new Date(later.getTime() + 2 * MINUTE) });
  });

  it("keys accounts by normalised email", () => {
    expect(accountThrottleKey(" Ada@Example.TEST").key).toBe(accountThrottleKey("ada@example.test").key);
  });

  it("blocks one address spraying many accounts, without blocking those accounts elsewhere", async () => {
    const address = "192.0.2.20";
    const now = new Date("2026-03-02T09:00:00Z");
    for (let i = 0; i < ADDRESS_THROTTLE.threshold - 1; i++) {
      expect((await recordThrottleFailure(signInThrottleKeys(`spray${i}@example.test`, address), now)).blocked).toBe(false);
    }
    const last = await recordThrottleFailure(signInThrottleKeys("spray-last@example.test", address), now);
    expect(last).toMatchObject({ blocked: true, scope: "address" });
    // A fresh account from that address is refused; the same account from another address is not.
    expect((await checkThrottle(signInThrottleKeys("someone-new@example.test", address), now)).blocked).toBe(true);
    expect((await checkThrottle(signInThrottleKeys("spray0@example.test", "192.0.2.21"), now)).blocked).toBe(false);
  });

  it("forgets old failures", async () => {
    const keys = [accountThrottleKey("forgetful@example.test")];
    const start = new Date("2026-03-02T09:00:00Z");
    for (let i = 0; i < 4; i++) await recordThrottleFailure(keys, start);
    const nextDay = new Date(start.getTime() + ACCOUNT_THROTTLE.forgetAfterMs + 1);
    for (let i = 0; i < 4; i++) {
      expect((await recordThrottleFailure(keys, nextDay)).blocked).toBe(false);
    }
  });

  it("is reset for the account (not the address) by a successful sign-in", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const keys = signInThrottleKeys("reset@example.test", "192.0.2.30");
    for (let i = 0; i < 4; i++) await recordThrottleFailure(keys, now);
    await clearAccountThrottle("RESET@example.test");
    for (let i = 0; i < 4; i++) {
      expect((await recordThrottleFailure([keys[0]!], now)).blocked).toBe(false);
    }
    expect(addressThrottleKey("192.0.2.30").key).toBe(keys[1]!.key);
  });
});

describe("pruning", () => {
  it("deletes counters that are forgotten and not blocking, and keeps the rest", async () => {
    const start = new Date("2026-01-01T09:00:00Z");
    await recordThrottleFailure([accountThrottleKey("old@example.test")], start);
    const recentKeys = [accountThrottleKey("recent@example.test")];
    const later = new Date(start.getTime() + ACCOUNT_THROTTLE.forgetAfterMs + MINUTE);
    await recordThrottleFailure(recentKeys, later);
    expect(await pruneSignInThrottle(later)).toBeGreaterThanOrEqual(1);
    expect((await recordThrottleFailure([accountThrottleKey("old@example.test")], later)).blocked).toBe(false);
    expect(await checkThrottle(recentKeys, later)).toEqual({ blocked: false });
  });
});

describe("client address keys", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:3:4:5:6", "2001:0db8:0001:0002::/64"],
    ["2001:db8:1:2::99", "2001:0db8:0001:0002::/64"],
    ["::1", "0000:0000:0000:0000::/64"],
    [undefined, "unknown"],
  ])("%s → %s", (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });
});

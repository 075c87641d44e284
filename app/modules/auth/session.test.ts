import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { createUser } from "../../../tests/helpers/factories";
import {
  createSession,
  generateSessionToken,
  pruneExpiredSessions,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  sessionIdFromToken,
  validateSessionToken,
} from "./session.server";

const MINUTE = 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("session tokens", () => {
  it("are 160 random bits (32 base32 characters) and never repeat", () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateSessionToken));
    expect(tokens.size).toBe(2000);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it("are stored only as their SHA-256", async () => {
    const user = await createUser();
    const { token } = await createSession(user.id, { mfaVerified: true });
    const rows = await prisma.session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("refuses tokens that are malformed or unknown", async () => {
    expect(await validateSessionToken("not a token")).toBeNull();
    expect(await validateSessionToken(generateSessionToken())).toBeNull();
  });
});

describe("session expiry", () => {
  it("ends after 30 minutes idle, and deletes the row", async () => {
    const user = await createUser();
    const start = new Date("2026-03-02T09:00:00Z");
    const { token } = await createSession(user.id, { mfaVerified: true, now: start });
    expect(SESSION_IDLE_MS).toBe(30 * MINUTE);
    expect(await validateSessionToken(token, at(start, 29 * MINUTE))).not.toBeNull();
    // That use slid the idle expiry to 09:59; now leave it idle for over 30 minutes.
    expect(await validateSessionToken(token, at(start, 29 * MINUTE + 30 * MINUTE + 1))).toBeNull();
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(token) } })).toBe(0);
  });

  it("slides the idle expiry forward while the user is active", async () => {
    const user = await createUser();
    const start = new Date("2026-03-02T09:00:00Z");
    const { token } = await createSession(user.id, { mfaVerified: true, now: start });
    const touched = await validateSessionToken(token, at(start, 20 * MINUTE));
    expect(touched?.session.expiresAt).toEqual(at(start, 50 * MINUTE));
    // 45 minutes after sign-in: past the first idle expiry, but within the slid one.
    expect(await validateSessionToken(token, at(start, 45 * MINUTE))).not.toBeNull();
  });

  it("ends after 12 hours however active the user is", async () => {
    const user = await createUser();
    const start = new Date("2026-03-02T09:00:00Z");
    const { token } = await createSession(user.id, { mfaVerified: true, now: start });
    expect(SESSION_ABSOLUTE_MS).toBe(12 * 60 * MINUTE);
    for (let elapsed = 20 * MINUTE; elapsed < SESSION_ABSOLUTE_MS; elapsed += 20 * MINUTE) {
      expect(await validateSessionToken(token, at(start, elapsed))).not.toBeNull();
    }
    const last = await prisma.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(token) } });
    expect(last.expiresAt.getTime()).toBeLessThanOrEqual(at(start, SESSION_ABSOLUTE_MS).getTime());
    expect(await validateSessionToken(token, at(start, SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it("is refused at once when the user is disabled", async () => {
    const user = await createUser();
    const { token } = await createSession(user.id, { mfaVerified: true });
    expect(await validateSessionToken(token)).not.toBeNull();
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await validateSessionToken(token)).toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("pruning expired sessions", () => {
  it("deletes sessions past their idle or absolute expiry and keeps live ones", async () => {
    const user = await createUser();
    const now = new Date("2026-03-02T12:00:00Z");
    await createSession(user.id, { mfaVerified: true, now: new Date(now.getTime() - 31 * MINUTE) });
    const live = await createSession(user.id, { mfaVerified: true, now });
    await pruneExpiredSessions(now);
    const left = await prisma.session.findMany({ where: { userId: user.id } });
    expect(left.map((s) => s.id)).toEqual([live.session.id]);
  });
});

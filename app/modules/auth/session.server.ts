import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import type { Prisma } from "~/generated/prisma/client";
import { clock } from "~/utils/clock";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session-timing";

export { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "./session-timing";

/**
 * Sessions after the Lucia guide: the cookie carries a random 160-bit token; the database keeps
 * only its SHA-256, so a leaked table cannot be replayed. Idle expiry slides on use; the absolute
 * expiry never moves (the timings are in session-timing.ts). Disabling a user or signing out
 * deletes the rows, so the next request fails.
 */
/** Extend the idle expiry at most once a minute, to keep writes off the hot path. */
const SLIDE_GRANULARITY_MS = 60 * 1000;

export const sessionUserSelect = {
  id: true,
  email: true,
  name: true,
  roles: true,
  isAgreementSignatory: true,
  organisationId: true,
  disabledAt: true,
  totpEnrolledAt: true,
  organisation: { select: { id: true, name: true, type: true } },
} satisfies Prisma.UserSelect;

export type SessionUser = Prisma.UserGetPayload<{ select: typeof sessionUserSelect }>;

export interface ValidSession {
  id: string;
  userId: string;
  mfaVerified: boolean;
  createdAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  /** When the user last proved it was them: at sign-in, and again on /confirm-identity. */
  reauthenticatedAt: Date | null;
}

export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(new Uint8Array(randomBytes(20)));
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(
  userId: string,
  options: {
    mfaVerified: boolean;
    ipAddress?: string | null;
    userAgent?: string | null;
    now?: Date;
    /** Create inside the caller's transaction (e.g. with the pending session's deletion and the audit event). */
    client?: Prisma.TransactionClient;
  },
): Promise<{ token: string; session: ValidSession }> {
  const token = generateSessionToken();
  const now = options.now ?? clock.now();
  const client = options.client ?? prisma;
  const session = await client.session.create({
    data: {
      id: sessionIdFromToken(token),
      userId,
      mfaVerified: options.mfaVerified,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      // A signed-in session starts with the proof just given (password and second factor).
      reauthenticatedAt: options.mfaVerified ? now : null,
      ipAddress: options.ipAddress ?? null,
      userAgent: options.userAgent?.slice(0, 512) ?? null,
    },
  });
  return { token, session };
}

/**
 * The session and user for a token, or null if unknown, expired, or the user is disabled. Using a
 * session slides its idle expiry, except with `slide: false`: the timeout warning asking when the
 * session ends is not the user being active.
 */
export async function validateSessionToken(
  token: string,
  now = clock.now(),
  { slide = true }: { slide?: boolean } = {},
): Promise<{ session: ValidSession; user: SessionUser } | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const row = await prisma.session.findUnique({ where: { id }, include: { user: { select: sessionUserSelect } } });
  if (!row) return null;
  const { user, ...session } = row;
  if (user.disabledAt || now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    await prisma.session.deleteMany({ where: { id } });
    return null;
  }
  if (slide && now.getTime() - session.lastSeenAt.getTime() >= SLIDE_GRANULARITY_MS) {
    session.expiresAt = (await extendIdleExpiry(session, now)) ?? session.expiresAt;
  }
  return { session, user };
}

/**
 * Restarts the idle expiry from `now` ("Stay signed in"), never past the absolute expiry. The
 * condition is re-checked in the update, so a session signed out meanwhile stays ended.
 * Returns the new idle expiry, or null when the session has already ended.
 */
export async function extendSession(sessionId: string, now = clock.now()): Promise<Date | null> {
  const row = await prisma.session.findUnique({ where: { id: sessionId }, select: { id: true, absoluteExpiresAt: true } });
  if (!row) return null;
  return extendIdleExpiry(row, now);
}

async function extendIdleExpiry(session: { id: string; absoluteExpiresAt: Date }, now: Date): Promise<Date | null> {
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()));
  const updated = await prisma.session.updateMany({
    where: { id: session.id, expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } },
    data: { lastSeenAt: now, expiresAt },
  });
  return updated.count === 1 ? expiresAt : null;
}

/** Deletes every session past its idle or absolute expiry (they are refused anyway; this frees the rows). */
export async function pruneExpiredSessions(now = clock.now()): Promise<number> {
  const result = await prisma.session.deleteMany({
    where: { OR: [{ expiresAt: { lte: now } }, { absoluteExpiresAt: { lte: now } }] },
  });
  return result.count;
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await prisma.session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
  const result = await prisma.session.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return result.count;
}

// ─── Cookie ────────────────────────────────────────────────────────────────

/** `__Host-` pins the cookie to this origin (Secure, Path=/, no Domain); only usable over HTTPS. */
export function sessionCookieName(): string {
  return env().cookieSecure ? "__Host-portal_session" : "portal_session";
}

export function sessionCookieHeader(token: string, expiresAt: Date): string {
  const secure = env().cookieSecure ? "; Secure" : "";
  return `${sessionCookieName()}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`;
}

export function clearSessionCookieHeader(): string {
  const secure = env().cookieSecure ? "; Secure" : "";
  return `${sessionCookieName()}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=") || null;
  }
  return null;
}

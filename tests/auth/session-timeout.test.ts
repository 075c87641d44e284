import { describe, expect, it } from "vitest";
import { createSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionCookieName, sessionIdFromToken } from "~/modules/auth/session.server";
import type { SessionTimes } from "~/modules/auth/session-timing";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import * as sessionRoute from "~/routes/session";
import * as signOutRoute from "~/routes/sign-out";
import * as signInRoute from "~/routes/sign-in._index";
import { createUser } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

const MINUTE = 60_000;
const START = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(START.getTime() + ms);

/** A signed-in session that began at START: its cookie and id. */
async function session(mfaVerified = true) {
  const user = await createUser();
  const { token } = await createSession(user.id, { mfaVerified, now: START });
  return { user, cookie: `${sessionCookieName()}=${token}`, id: sessionIdFromToken(token) };
}

const row = (id: string) => prisma.session.findUnique({ where: { id } });

describe("the session timeout endpoint", () => {
  it("extends an active session: POST restarts the idle expiry and answers 204", async () => {
    const { cookie, id } = await session();
    const response = await clock.at(at(25 * MINUTE), () => run(sessionRoute.action, makeRequest("/session", { cookie, form: {} })));
    expect(statusOf(response)).toBe(204);
    expect((await row(id))?.expiresAt).toEqual(at(25 * MINUTE + SESSION_IDLE_MS));
    // Past the first idle expiry (09:30), the extended session still works.
    const later = await clock.at(at(40 * MINUTE), () => run(sessionRoute.loader, makeRequest("/session", { cookie })));
    expect(statusOf(later)).toBe(200);
  });

  it("says when the session ends without extending it", async () => {
    const { cookie, id } = await session();
    const response = (await clock.at(at(10 * MINUTE), () => run(sessionRoute.loader, makeRequest("/session", { cookie })))) as Response;
    const times = (await response.json()) as SessionTimes;
    expect(times).toEqual({ now: at(10 * MINUTE).toISOString(), endsAt: at(SESSION_IDLE_MS).toISOString(), endsAtAbsoluteLimit: false });
    // Asking is not activity: the idle expiry has not moved.
    expect((await row(id))?.expiresAt).toEqual(at(SESSION_IDLE_MS));
  });

  it("is refused without a session, or with an ended one, and extends nothing", async () => {
    const signedOut = await run(sessionRoute.action, makeRequest("/session", { form: {} }));
    expect(statusOf(signedOut)).toBe(302);
    expect((signedOut as Response).headers.get("Location")).toMatch(/^\/sign-in/);
    expect(statusOf(await run(sessionRoute.loader, makeRequest("/session")))).toBe(302);

    const { cookie, id } = await session();
    const idle = await clock.at(at(SESSION_IDLE_MS + 1), () => run(sessionRoute.action, makeRequest("/session", { cookie, form: {} })));
    expect((idle as Response).headers.get("Location")).toBe("/sign-in?expired=1");
    expect(await row(id)).toBeNull();
  });

  it("refuses a session that has given only its password", async () => {
    const { cookie, id } = await session(false);
    const response = await clock.at(at(MINUTE), () => run(sessionRoute.action, makeRequest("/session", { cookie, form: {} })));
    expect((response as Response).headers.get("Location")).toBe("/sign-in");
    expect((await row(id))?.expiresAt).toEqual(at(SESSION_IDLE_MS));
  });

  it("never extends past the 12-hour limit, and says when that limit is the end", async () => {
    const { cookie, id } = await session();
    // Kept active all day: 11 hours 50 minutes after signing in, 10 minutes of the limit remain.
    await prisma.session.update({ where: { id }, data: { lastSeenAt: at(SESSION_ABSOLUTE_MS - 10 * MINUTE), expiresAt: at(SESSION_ABSOLUTE_MS - 5 * MINUTE) } });
    const nearEnd = at(SESSION_ABSOLUTE_MS - 10 * MINUTE);
    expect(statusOf(await clock.at(nearEnd, () => run(sessionRoute.action, makeRequest("/session", { cookie, form: {} }))))).toBe(204);
    expect((await row(id))?.expiresAt).toEqual(at(SESSION_ABSOLUTE_MS));
    const times = (await (
      (await clock.at(nearEnd, () => run(sessionRoute.loader, makeRequest("/session", { cookie })))) as Response
    ).json()) as SessionTimes;
    expect(times).toMatchObject({ endsAt: at(SESSION_ABSOLUTE_MS).toISOString(), endsAtAbsoluteLimit: true });
    // At the limit, "Stay signed in" is too late.
    const after = await clock.at(at(SESSION_ABSOLUTE_MS), () => run(sessionRoute.action, makeRequest("/session", { cookie, form: {} })));
    expect((after as Response).headers.get("Location")).toBe("/sign-in?expired=1");
    expect(await row(id)).toBeNull();
  });

  it("signs out with the timeout's message when the warning was not answered, and records it", async () => {
    const { user, cookie, id } = await session();
    const response = (await clock.at(at(29 * MINUTE), () =>
      run(signOutRoute.action, makeRequest("/sign-out?reason=timeout", { cookie, form: {} })),
    )) as Response;
    expect(response.headers.get("Location")).toBe("/sign-in?timedOut=1");
    expect(await row(id)).toBeNull();
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.sign_out", actorUserId: user.id } });
    expect(event.details).toMatchObject({ timedOut: true });
    const page = (await run(signInRoute.loader, makeRequest("/sign-in?timedOut=1"))) as { timedOut: boolean };
    expect(page.timedOut).toBe(true);
  });
});

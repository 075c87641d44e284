import { describe, expect, it, vi } from "vitest";
import { getSession, requireUser } from "~/modules/auth/auth.server";
import { prisma, database } from "~/utils/db.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, testContext } from "../helpers/remix";

/**
 * Remix runs the root loader and the page's loader for one request; they share one session
 * lookup (a database read, sometimes a write). What the lookup decides must not change: a request
 * after a user is disabled is refused, and an action's changes are seen by the loaders after it.
 */
describe("the session lookup of one request", () => {
  it("is shared by the loaders of that request, and made afresh for the next request", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const sessionReads = vi.spyOn(database().prisma.session, "findUnique");
    try {
      const loadContext = { ...testContext };
      const [root, page] = await Promise.all([
        getSession(makeRequest("/", { cookie }), loadContext),
        requireUser(makeRequest("/", { cookie }), loadContext),
      ]);
      expect(root?.user.id).toBe(user.id);
      expect(page.user.id).toBe(user.id);
      expect(sessionReads).toHaveBeenCalledTimes(1);

      await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
      expect(await getSession(makeRequest("/", { cookie }), { ...testContext })).toBeNull();
      expect(sessionReads).toHaveBeenCalledTimes(2);
    } finally {
      sessionReads.mockRestore();
    }
  });

  it("is not carried from an action to the loaders that run after it (the action may sign out or disable)", async () => {
    const user = await createUser();
    const cookie = await signedInCookie(user.id);
    const loadContext = { ...testContext };
    expect(await getSession(makeRequest("/account", { cookie, method: "POST" }), loadContext)).not.toBeNull();
    await prisma.session.deleteMany({ where: { userId: user.id } });
    // The loaders after a document POST get a GET request with the same load context.
    expect(await getSession(makeRequest("/account", { cookie }), loadContext)).toBeNull();
  });

  it("is not shared between different session cookies, even on one load context", async () => {
    const first = await createUser();
    const second = await createUser();
    const loadContext = { ...testContext };
    const a = await getSession(makeRequest("/", { cookie: await signedInCookie(first.id) }), loadContext);
    const b = await getSession(makeRequest("/", { cookie: await signedInCookie(second.id) }), loadContext);
    expect(a?.user.id).toBe(first.id);
    expect(b?.user.id).toBe(second.id);
  });
});

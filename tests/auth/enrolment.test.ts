import { describe, expect, it } from "vitest";
import { hashRecoveryCode } from "~/modules/auth/recovery-codes.server";
import { sessionIdFromToken } from "~/modules/auth/session.server";
import { currentTotpStep, decodeTotpSecret, totpCodeAt } from "~/modules/auth/totp.server";
import { prisma } from "~/utils/db.server";
import * as enrolRoute from "~/routes/sign-in.enrol";
import * as codeRoute from "~/routes/sign-in.code";
import { createUser } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { dataOf, freshAddress, locationOf, runFrom, sessionCookieFrom, submitPassword, tokenOf } from "./flow";

interface EnrolPage {
  stage: "enrol" | "done";
  qrCode?: string;
  secretForDisplay?: string;
}

async function enrolPage(cookie: string): Promise<EnrolPage> {
  return (await run(enrolRoute.loader, makeRequest("/sign-in/enrol", { cookie }))) as EnrolPage;
}

function codeFromDisplayedSecret(displayed: string): string {
  return totpCodeAt(decodeTotpSecret(displayed.replace(/\s+/g, "")), currentTotpStep());
}

async function confirm(cookie: string, code: string) {
  return runFrom(freshAddress(), enrolRoute.action as never, makeRequest("/sign-in/enrol", { form: { code }, cookie }));
}

describe("setting up an authenticator app on first sign-in", () => {
  it("shows a QR code and the key, checks a code, then shows 10 recovery codes once", async () => {
    const user = await createUser({ mfaEnrolled: false });
    const afterPassword = await submitPassword(user.email);
    expect(locationOf(afterPassword)).toBe("/sign-in/enrol");
    const pendingCookie = sessionCookieFrom(afterPassword)!;
    // The code page sends a user without TOTP to enrolment.
    expect(locationOf(await run(codeRoute.loader, makeRequest("/sign-in/code", { cookie: pendingCookie })))).toBe("/sign-in/enrol");

    const page = await enrolPage(pendingCookie);
    expect(page.stage).toBe("enrol");
    expect(page.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(page.qrCode!.split(",")[1]!, "base64").toString()).toMatch(/^<svg/);
    expect(page.secretForDisplay).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4})+$/);
    // Reloading shows the same secret (it is kept server-side, not regenerated per page view).
    expect((await enrolPage(pendingCookie)).secretForDisplay).toBe(page.secretForDisplay);

    const wrong = await confirm(pendingCookie, "000000");
    expect(statusOf(wrong)).toBe(401);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnrolledAt).toBeNull();

    const done = await confirm(pendingCookie, codeFromDisplayedSecret(page.secretForDisplay!));
    const { recoveryCodes } = dataOf(done) as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    // Stored only as SHA-256.
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash).sort()).toEqual(recoveryCodes.map(hashRecoveryCode).sort());

    // A new, fully signed-in session replaces the pending one.
    const init = (done as { init: ResponseInit }).init;
    const setCookie = new Headers(init.headers).get("Set-Cookie")!;
    const cookie = sessionCookieFrom(new Response(null, { headers: { "Set-Cookie": setCookie } }))!;
    expect(tokenOf(cookie)).not.toBe(tokenOf(pendingCookie));
    expect(await prisma.session.count({ where: { id: sessionIdFromToken(tokenOf(pendingCookie)) } })).toBe(0);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: sessionIdFromToken(tokenOf(cookie)) } })).mfaVerified).toBe(true);

    const enrolled = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(enrolled.totpEnrolledAt).not.toBeNull();
    expect(enrolled.totpSecret).toBe(page.secretForDisplay!.replace(/\s+/g, ""));
    expect(await prisma.auditEvent.count({ where: { action: "auth.mfa_enrolled", recordId: user.id } })).toBe(1);

    // After enrolment the page no longer shows the secret.
    expect(await enrolPage(cookie)).toEqual({ stage: "done", redirectTo: "/" });
  });

  it("issues a fresh secret at each sign-in, so a secret seen in one session cannot be confirmed in another", async () => {
    const user = await createUser({ mfaEnrolled: false });
    const firstCookie = sessionCookieFrom(await submitPassword(user.email))!;
    const firstSecret = (await enrolPage(firstCookie)).secretForDisplay!;
    const secondCookie = sessionCookieFrom(await submitPassword(user.email))!;
    const secondSecret = (await enrolPage(secondCookie)).secretForDisplay!;
    expect(secondSecret).not.toBe(firstSecret);
    expect(statusOf(await confirm(firstCookie, codeFromDisplayedSecret(firstSecret)))).toBe(401);
  });

  it("sends an enrolled user's pending session to the code page", async () => {
    const user = await createUser();
    const cookie = sessionCookieFrom(await submitPassword(user.email))!;
    expect(locationOf(await run(enrolRoute.loader, makeRequest("/sign-in/enrol", { cookie })))).toBe("/sign-in/code");
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { createDraft, submitForSignature } from "~/modules/agreements/lifecycle.server";
import { REAUTHENTICATION_WINDOW_MS } from "~/modules/auth/reauthentication.server";
import { sessionIdFromToken } from "~/modules/auth/session.server";
import * as confirm from "~/routes/confirm-identity";
import * as sign from "~/routes/agreements.$id.sign";
import * as auditExport from "~/routes/audit.export";
import * as threatsExport from "~/routes/threats.export";
import { prisma } from "~/utils/db.server";
import { actorFor, agreementTerms } from "../helpers/agreements";
import { createOrganisation, createUser, TEST_PASSWORD } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { currentCodeFor, dataOf, freshAddress, locationOf, runFrom, signInFully, tokenOf } from "./flow";

/**
 * Re-authentication (issue 10): signing an agreement and every export need the user to have proved
 * it was them within the window; otherwise "Confirm it's you" (password and a fresh security code),
 * throttled and audited like sign-in, and then back to a same-site page.
 */

type Handler = Parameters<typeof runFrom>[1];
type TestUser = Awaited<ReturnType<typeof createUser>>;

let policeId: string;
let dpo: TestUser;
let signatory: TestUser;
let awaitingId: string;

/** A user of their own per test: a security code is accepted once, and each test uses fresh ones. */
const newAnalyst = () => createUser({ roles: ["POLICE_ANALYST"], organisationId: policeId });

/** Makes the session's last proof older than the window. */
async function makeStale(cookie: string) {
  await prisma.session.update({
    where: { id: sessionIdFromToken(tokenOf(cookie)) },
    data: { reauthenticatedAt: new Date(Date.now() - REAUTHENTICATION_WINDOW_MS - 60_000) },
  });
}

async function confirmWith(cookie: string, form: Record<string, string>, address = freshAddress()) {
  return runFrom(address, confirm.action as Handler, makeRequest("/confirm-identity", { cookie, form }));
}

beforeAll(async () => {
  const police = await createOrganisation({ type: "POLICE_FORCE" });
  const council = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  policeId = police.id;
  dpo = await createUser({ roles: ["DATA_PROTECTION_OFFICER"], organisationId: council.id });
  signatory = await createUser({ roles: ["PARTNER_MANAGER"], organisationId: council.id, signatory: true });
  const parties = [
    { organisationId: council.id, role: "JOINT_CONTROLLER" as const, leadName: "Council Lead", leadEmail: "lead@council.test" },
    { organisationId: police.id, role: "CONTROLLER" as const, leadName: "Police Lead", leadEmail: "lead@police.test" },
  ];
  awaitingId = (await createDraft(actorFor(signatory), { terms: agreementTerms(), parties })).id;
  await submitForSignature(actorFor(signatory), awaitingId);
});

describe("exports after a stale sign-in", () => {
  it("a fresh sign-in exports at once; a stale one is sent to confirm, and after confirming the export works", async () => {
    const analyst = await newAnalyst();
    const cookie = await signInFully(analyst);
    expect(statusOf(await run(threatsExport.loader, makeRequest("/threats/export?format=json", { cookie })))).toBe(200);

    await makeStale(cookie);
    const refused = await run(threatsExport.loader, makeRequest("/threats/export?format=json&status=ACTIVE", { cookie }));
    expect(statusOf(refused)).toBe(302);
    const location = locationOf(refused)!;
    expect(location).toBe(`/confirm-identity?${new URLSearchParams({ redirectTo: "/threats/export?format=json&status=ACTIVE" })}`);
    expect(await prisma.auditEvent.count({ where: { action: "threat_list.exported", actorUserId: analyst.id } })).toBe(1);

    const page = await run(confirm.loader, makeRequest(location, { cookie }));
    expect(page).toMatchObject({ redirectTo: "/threats/export?format=json&status=ACTIVE" });

    const confirmed = await confirmWith(cookie, { password: TEST_PASSWORD, code: await currentCodeFor(analyst.id, 1n), redirectTo: "/threats/export?format=json&status=ACTIVE" });
    expect(statusOf(confirmed)).toBe(302);
    expect(locationOf(confirmed)).toBe("/threats/export?format=json&status=ACTIVE");
    expect(statusOf(await run(threatsExport.loader, makeRequest("/threats/export?format=json&status=ACTIVE", { cookie })))).toBe(200);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.reauthenticated", actorUserId: analyst.id } });
    expect(event.outcome).toBe("ALLOWED");
  });

  it("from a download link, comes back to the page the link was on, not to the download", async () => {
    const analyst = await newAnalyst();
    const cookie = await signInFully(analyst);
    await makeStale(cookie);
    const fromList = (referer: string) =>
      run(threatsExport.loader, makeRequest("/threats/export?format=csv&status=ACTIVE", { cookie, headers: { Referer: referer } }));
    expect(locationOf(await fromList("http://localhost/threats?status=ACTIVE"))).toBe(
      `/confirm-identity?${new URLSearchParams({ redirectTo: "/threats?status=ACTIVE" })}`,
    );
    // Another site's page is not somewhere to come back to: the download itself is.
    expect(locationOf(await fromList("https://evil.example/threats"))).toBe(
      `/confirm-identity?${new URLSearchParams({ redirectTo: "/threats/export?format=csv&status=ACTIVE" })}`,
    );
  });

  it("refuses a wrong code or password, audits the failure and leaves the session stale", async () => {
    const analyst = await newAnalyst();
    const cookie = await signInFully(analyst);
    await makeStale(cookie);
    const wrongCode = await confirmWith(cookie, { password: TEST_PASSWORD, code: "000000", redirectTo: "/threats/export" });
    expect(statusOf(wrongCode)).toBe(401);
    expect(dataOf(wrongCode)).toMatchObject({ errors: { password: expect.stringMatching(/password and the security code/) } });
    const wrongPassword = await confirmWith(cookie, { password: "not the password", code: await currentCodeFor(analyst.id, 1n), redirectTo: "/threats/export" });
    expect(statusOf(wrongPassword)).toBe(401);
    const failures = await prisma.auditEvent.findMany({ where: { action: "auth.reauthentication_failed", actorUserId: analyst.id }, orderBy: { id: "asc" } });
    expect(failures.map((f) => [f.outcome, (f.details as { reason: string }).reason])).toEqual(
      expect.arrayContaining([
        ["DENIED", "wrong_code"],
        ["DENIED", "wrong_password"],
      ]),
    );
    expect(statusOf(await run(threatsExport.loader, makeRequest("/threats/export", { cookie })))).toBe(302);
    const blank = await confirmWith(cookie, { password: "", code: "" });
    expect(statusOf(blank)).toBe(400);
  });

  it("is throttled like sign-in", async () => {
    const analyst = await newAnalyst();
    const cookie = await signInFully(analyst);
    const address = freshAddress();
    let last: unknown;
    for (let i = 0; i < 12; i++) last = await confirmWith(cookie, { password: "wrong guess", code: "123456" }, address);
    expect(statusOf(last)).toBe(429);
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_throttled", actorUserId: analyst.id } })).toBeGreaterThan(0);
  });

  it("goes back only to a page on this site", async () => {
    const analyst = await newAnalyst();
    const cookie = await signInFully(analyst);
    const page = await run(confirm.loader, makeRequest(`/confirm-identity?redirectTo=${encodeURIComponent("//evil.example/x")}`, { cookie }));
    expect(page).toMatchObject({ redirectTo: "/" });
    const confirmed = await confirmWith(cookie, { password: TEST_PASSWORD, code: await currentCodeFor(analyst.id, 1n), redirectTo: "https://evil.example/" });
    expect(locationOf(confirmed)).toBe("/");
  });

  // The list and single-record exports: tests/exports/exports.test.ts ("without a recent proof of identity").
  it("asks again before the audit export", async () => {
    const dpoCookie = await signInFully(dpo);
    await makeStale(dpoCookie);
    const audit = await run(auditExport.action, makeRequest("/audit/export", { cookie: dpoCookie, form: { action: "auth.sign_in" } }));
    expect(locationOf(audit)).toBe(`/confirm-identity?${new URLSearchParams({ redirectTo: "/audit/events?action=auth.sign_in" })}`);
  });
});

describe("signing an agreement after a stale sign-in", () => {
  it("is sent to confirm (page and form), then signs", async () => {
    const cookie = await signInFully(signatory);
    await makeStale(cookie);
    const back = `/confirm-identity?${new URLSearchParams({ redirectTo: `/agreements/${awaitingId}/sign` })}`;
    const page = await run(sign.loader, makeRequest(`/agreements/${awaitingId}/sign`, { cookie }), { id: awaitingId });
    expect(locationOf(page)).toBe(back);
    const posted = await run(sign.action!, makeRequest(`/agreements/${awaitingId}/sign`, { cookie, form: { versionNumber: "1", confirm: "yes" } }), { id: awaitingId });
    expect(locationOf(posted)).toBe(back);
    expect(await prisma.agreementSignature.count({ where: { version: { agreementId: awaitingId } } })).toBe(0);

    await confirmWith(cookie, { password: TEST_PASSWORD, code: await currentCodeFor(signatory.id, 1n), redirectTo: `/agreements/${awaitingId}/sign` });
    const signed = await run(sign.action!, makeRequest(`/agreements/${awaitingId}/sign`, { cookie, form: { versionNumber: "1", confirm: "yes" } }), { id: awaitingId });
    expect(locationOf(signed)).toMatch(new RegExp(`^/agreements/${awaitingId}\\?done=`));
    expect(await prisma.agreementSignature.count({ where: { version: { agreementId: awaitingId } } })).toBe(1);
  });
});

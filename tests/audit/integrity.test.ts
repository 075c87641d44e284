/**
 * The DPO integrity page: a check of the whole trail runs in the background, not in the request;
 * the page shows its progress and then its result, including events not sealed yet; a check whose
 * runner stopped (instance crashed) is taken over; and the check is itself recorded.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { audit, SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { integrityChecksSettled, runQueuedIntegrityChecks } from "~/modules/audit/integrity.server";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import * as integrityRoute from "~/routes/audit.integrity";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";
import { behindTheAppsBack } from "./helpers";

let dpo: Awaited<ReturnType<typeof createUser>>;
let cookie: string;
beforeAll(async () => {
  dpo = await createUser({ roles: ["DATA_PROTECTION_OFFICER"] });
  cookie = await signedInCookie(dpo.id);
  for (let i = 0; i < 12; i++) await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { i } });
  await sealAuditEvents();
});

type PageData = Awaited<ReturnType<typeof integrityRoute.loader>>;

async function page(query = ""): Promise<PageData> {
  return (await run(integrityRoute.loader, makeRequest(`/audit/integrity${query}`, { cookie }))) as PageData;
}

async function askForCheck(): Promise<string> {
  const outcome = await run(
    integrityRoute.action,
    makeRequest("/audit/integrity", { cookie, form: { intent: "verify" }, headers: { Origin: "http://localhost" } }),
  );
  expect(statusOf(outcome)).toBe(303);
  const location = (outcome as Response).headers.get("Location") ?? "";
  const id = /^\/audit\/integrity\?check=([0-9a-f-]{36})$/.exec(location)?.[1];
  expect(id, location).toBeDefined();
  return id!;
}

describe("checking the trail from the integrity page", () => {
  it("queues the check, answers at once, and shows the result when the background run finishes", async () => {
    const id = await askForCheck();
    // The request only queued it: nothing was checked inside the request.
    const queued = await prisma.integrityCheck.findUniqueOrThrow({ where: { id } });
    expect(queued.requestedBy).toMatchObject({ actor: { userId: dpo.id } });
    expect(["QUEUED", "RUNNING", "DONE"]).toContain(queued.status);
    await integrityChecksSettled();

    const shown = await page(`?check=${id}`);
    const sealed = await prisma.auditSeal.count();
    expect(shown.check).toMatchObject({ id, status: "DONE", eventsTotal: expect.any(Number) });
    expect(shown.check?.result).toMatchObject({ intact: true, problemCount: 0 });
    expect(shown.check?.result?.eventsChecked).toBeGreaterThanOrEqual(12);
    expect(shown.check?.result?.eventsChecked).toBeLessThanOrEqual(sealed);
    // Without ?check, the page shows the latest check.
    expect((await page()).check?.id).toBe(id);

    const requested = await prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.verification_requested", actorUserId: dpo.id } });
    expect(requested.details).toEqual({ checkId: id });
    const verified = await prisma.auditEvent.findFirstOrThrow({ where: { action: "audit.verified", actorUserId: dpo.id } });
    expect(verified.details).toMatchObject({ checkId: id, intact: true });
  });

  it("reports events not sealed yet, with the oldest, and a sealed event that was altered", async () => {
    const { id: waiting } = await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { waiting: true } });
    const before = await page();
    expect(before.pending.count).toBeGreaterThanOrEqual(1);
    const altered = await prisma.auditSeal.findFirstOrThrow({ orderBy: { position: "asc" }, skip: 3 });
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "actorEmail" = 'someone.else@example.test' WHERE id = $1`, [altered.eventId]);
    try {
      const id = await askForCheck();
      await integrityChecksSettled();
      const result = (await page(`?check=${id}`)).check?.result;
      expect(result).toMatchObject({ intact: false, problemCount: 1 });
      expect(result?.problems[0]).toMatchObject({ kind: "hash_mismatch", eventId: altered.eventId.toString() });
      expect(result?.unsealed.count).toBeGreaterThanOrEqual(1);
      expect(BigInt(result!.unsealed.oldestEventId!)).toBeLessThanOrEqual(waiting);
    } finally {
      await behindTheAppsBack(`UPDATE "AuditEvent" SET "actorEmail" = NULL WHERE id = $1`, [altered.eventId]);
    }
  });

  it("takes over a check whose runner stopped, and leaves a running one alone", async () => {
    const requestedBy = JSON.parse(JSON.stringify({ actor: null, ipAddress: null, userAgent: "vitest" })) as object;
    const now = clock.now();
    const abandoned = await prisma.integrityCheck.create({
      data: { requestedBy, requestedAt: new Date(now.getTime() - 300_000), status: "RUNNING", heartbeatAt: new Date(now.getTime() - 120_000), eventsChecked: 5 },
    });
    const alive = await prisma.integrityCheck.create({
      data: { requestedBy, requestedAt: new Date(now.getTime() - 200_000), status: "RUNNING", heartbeatAt: now },
    });
    expect(await runQueuedIntegrityChecks()).toBe(1);
    expect(await prisma.integrityCheck.findUniqueOrThrow({ where: { id: abandoned.id } })).toMatchObject({ status: "DONE" });
    expect(await prisma.integrityCheck.findUniqueOrThrow({ where: { id: alive.id } })).toMatchObject({ status: "RUNNING" });
  });

  it("answers 400 for a malformed check id and 404 for an unknown one", async () => {
    expect(statusOf(await run(integrityRoute.loader, makeRequest("/audit/integrity?check=nope", { cookie })))).toBe(400);
    expect(
      statusOf(await run(integrityRoute.loader, makeRequest("/audit/integrity?check=00000000-0000-4000-8000-000000000000", { cookie }))),
    ).toBe(404);
  });
});

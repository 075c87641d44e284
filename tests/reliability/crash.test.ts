import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { closeDatabase, prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { createAgreement } from "../intelligence/fixtures";
import { buildApp } from "../security/server";
import { getPage, postForm, startInstance, type Instance } from "../../scripts/lib/instances";

/**
 * Crash safety (issue 11): a burst of submissions, agreement changes and page views against a real
 * server process, which is killed with SIGKILL mid-burst and started again. Every request that was
 * answered with success must be in the database with its audit event, nothing may be half-written,
 * and the audit trail must verify. On PostgreSQL, or on embedded PGlite in a data directory of its
 * own (the server process owns it while it runs; this process opens it only before and after).
 */
const pg = Boolean(process.env.DATABASE_URL);
const dataDir = pg ? null : mkdtempSync(path.join(tmpdir(), "portal-crash-"));
if (dataDir) process.env.PGLITE_DATA_DIR = dataDir;

/** How many answered operations before the kill; CI keeps it small (the budget is minutes). */
const OPS_BEFORE_KILL = Number(process.env.CRASH_OPS_BEFORE_KILL ?? 40);
const WORKERS = 4;

let serverEnv: Record<string, string>;
let partnerCookies: string[];
let supervisorCookie: string;
let submitterIds: string[];
let changedAgreementIds: string[];

beforeAll(async () => {
  await buildApp();
  const force = await createOrganisation({ type: "POLICE_FORCE" });
  const council = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  const housing = await createOrganisation({ type: "HOUSING_PROVIDER" });
  await createAgreement({ organisationIds: [force.id, council.id] });
  changedAgreementIds = [];
  for (let i = 0; i < WORKERS; i += 1) changedAgreementIds.push((await createAgreement({ organisationIds: [force.id, housing.id] })).id);
  const submitters = await Promise.all(Array.from({ length: WORKERS }, () => createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id })));
  submitterIds = submitters.map((u) => u.id);
  partnerCookies = await Promise.all(submitters.map((u) => signedInCookie(u.id)));
  const supervisor = await createUser({ roles: ["INTELLIGENCE_SUPERVISOR"], organisationId: force.id });
  supervisorCookie = await signedInCookie(supervisor.id);
  serverEnv = {
    AUDIT_SIGNING_KEY_PATH: process.env.AUDIT_SIGNING_KEY_PATH!,
    ...(pg
      ? { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: process.env.DATABASE_SCHEMA! }
      : { PGLITE_DATA_DIR: dataDir! }),
  };
  // One process per PGlite data directory: hand it to the server.
  if (!pg) await closeDatabase();
}, 300_000);

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Acknowledged {
  drafts: { id: string; submitterId: string }[];
  whatSaved: { id: string; narrative: string }[];
  lists: Map<string, number>;
  suspended: Map<string, number>;
  reinstated: Map<string, number>;
}

/** One worker: a partner starting and filling drafts and listing them, a supervisor suspending and reinstating one agreement. */
async function worker(server: Instance, index: number, ack: Acknowledged, stop: () => boolean) {
  const cookie = partnerCookies[index]!;
  const submitterId = submitterIds[index]!;
  const agreementId = changedAgreementIds[index]!;
  let suspended = false;
  for (let round = 0; !stop(); round += 1) {
    try {
      // The draft is made by its first answer (a fresh form token each time).
      const narrative = `Crash test ${index}-${round}: visitors at all hours`;
      const started = await postForm(server.origin, "/submissions/new/what", cookie, { threatType: "CUCKOOING", narrative, formToken: randomUUID() });
      const draftId = /\/submissions\/([0-9a-f-]{36})\//.exec(started.headers.get("Location") ?? "")?.[1];
      if (started.status !== 302 || !draftId) throw new Error(`start gave ${started.status}`);
      ack.drafts.push({ id: draftId, submitterId });

      const saved = await postForm(server.origin, `/submissions/${draftId}/what`, cookie, { threatType: "CUCKOOING", narrative });
      if (saved.status === 302) ack.whatSaved.push({ id: draftId, narrative });

      const list = await getPage(server.origin, "/submissions", cookie);
      await list.arrayBuffer();
      if (list.status === 200) ack.lists.set(submitterId, (ack.lists.get(submitterId) ?? 0) + 1);

      const step = suspended ? "reinstate" : "suspend";
      const changed = await postForm(server.origin, `/agreements/${agreementId}/${step}`, supervisorCookie, { reason: `Crash test ${step} ${round}` });
      if (changed.status === 302 && (changed.headers.get("Location") ?? "").includes("done=")) {
        const tally = suspended ? ack.reinstated : ack.suspended;
        tally.set(agreementId, (tally.get(agreementId) ?? 0) + 1);
        suspended = !suspended;
      }
    } catch {
      // The server was killed under this request: it was never answered, so nothing is promised.
      if (stop()) return;
    }
  }
}

describe(`crash safety (${pg ? "PostgreSQL" : "embedded PGlite"})`, () => {
  it("keeps every answered write with its audit event through a SIGKILL mid-burst, and the trail verifies", async () => {
    const ack: Acknowledged = { drafts: [], whatSaved: [], lists: new Map(), suspended: new Map(), reinstated: new Map() };
    const server = await startInstance(serverEnv);
    let killed = false;
    const answered = () => ack.drafts.length + ack.whatSaved.length + [...ack.lists.values()].reduce((a, b) => a + b, 0);
    const workers = Array.from({ length: WORKERS }, (_, i) => worker(server, i, ack, () => killed));
    // Kill while requests are in flight, once enough have been answered.
    while (answered() < OPS_BEFORE_KILL) {
      if (server.process.exitCode !== null) throw new Error(`The server stopped by itself:\n${server.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    server.kill("SIGKILL");
    killed = true;
    expect(await server.exited).toBe("SIGKILL");
    await Promise.all(workers);

    // It starts again on the same data (for PGlite: the dead process's lock is recovered) and serves.
    const restarted = await startInstance(serverEnv);
    const page = await getPage(restarted.origin, "/submissions", partnerCookies[0]!);
    expect(page.status).toBe(200);
    restarted.kill("SIGTERM");
    await restarted.exited;

    expect(ack.drafts.length).toBeGreaterThan(0);
    expect(ack.whatSaved.length).toBeGreaterThan(0);
    for (const draft of ack.drafts) {
      const row = await prisma.submission.findUnique({ where: { id: draft.id }, select: { submitterId: true } });
      expect(row, `answered draft ${draft.id}`).toEqual({ submitterId: draft.submitterId });
    }
    for (const saved of ack.whatSaved) {
      const row = await prisma.submission.findUniqueOrThrow({ where: { id: saved.id }, select: { narrative: true } });
      expect(row.narrative).toBe(saved.narrative);
      // The start and the saved step: two events for this draft at least.
      expect(await prisma.auditEvent.count({ where: { action: "submission.draft_saved", recordId: saved.id } })).toBeGreaterThanOrEqual(2);
    }
    for (const [submitterId, count] of ack.lists) {
      expect(await prisma.auditEvent.count({ where: { action: "submission.listed", actorUserId: submitterId } })).toBeGreaterThanOrEqual(count);
    }
    for (const agreementId of changedAgreementIds) {
      const changes = await prisma.agreementStatusChange.findMany({ where: { agreementId } });
      const suspensions = changes.filter((c) => c.toStatus === "SUSPENDED").length;
      const reinstatements = changes.length - suspensions;
      expect(suspensions).toBeGreaterThanOrEqual(ack.suspended.get(agreementId) ?? 0);
      expect(reinstatements).toBeGreaterThanOrEqual(ack.reinstated.get(agreementId) ?? 0);
      // Nothing half-written: every status change has its audit event, and no event lacks its change.
      const events = await prisma.auditEvent.count({ where: { recordId: agreementId, action: { in: ["agreement.suspended", "agreement.reinstated"] } } });
      expect(events).toBe(changes.length);
    }
    // Nothing half-written on the partner side either: every draft of theirs has its creation event.
    const drafts = await prisma.submission.findMany({ where: { submitterId: { in: submitterIds } }, select: { id: true } });
    for (const draft of drafts) {
      expect(await prisma.auditEvent.count({ where: { recordId: draft.id, action: "submission.draft_saved" } })).toBeGreaterThanOrEqual(1);
    }
    // Events the killed server wrote but had not sealed yet are still there and seal into the one chain.
    await sealAuditEvents();
    const verification = await verifyAuditTrail();
    expect(verification.problems).toEqual([]);
    expect(verification.intact).toBe(true);
    expect(verification.unsealed.count).toBe(0);
    expect(verification.eventsChecked).toBe(await prisma.auditEvent.count());
  }, 600_000);
});

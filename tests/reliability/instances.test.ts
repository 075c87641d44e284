import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { createAgreement, createSubmission } from "../intelligence/fixtures";
import { buildApp } from "../security/server";
import { getPage, postForm, startInstance, type Instance } from "../../scripts/lib/instances";

/**
 * Several app instances against one PostgreSQL (issue 11): what one instance does, the others
 * honour at the next request, and together they keep one verifiable audit trail. Embedded PGlite
 * is one process per data directory, so there the claim is the opposite: a second instance must
 * refuse to open it (tests/operations for the lock itself).
 */
const pg = Boolean(process.env.DATABASE_URL);
let instances: Instance[] = [];

beforeAll(() => buildApp(), 300_000);

afterAll(async () => {
  for (const instance of instances) instance.kill("SIGKILL");
  await Promise.all(instances.map((i) => i.exited));
});

function serverEnv(): Record<string, string> {
  return {
    AUDIT_SIGNING_KEY_PATH: process.env.AUDIT_SIGNING_KEY_PATH!,
    DATABASE_URL: process.env.DATABASE_URL!,
    DATABASE_SCHEMA: process.env.DATABASE_SCHEMA!,
  };
}

const signedOut = (response: Response) => response.status === 302 && (response.headers.get("Location") ?? "").startsWith("/sign-in");

// Which claim is tested depends on the database the suite runs on; both run in CI.
if (pg) describe("three instances on one PostgreSQL", () => {
  let force: { id: string };
  let council: { id: string };

  beforeAll(async () => {
    force = await createOrganisation({ type: "POLICE_FORCE" });
    council = await createOrganisation({ type: "LOCAL_AUTHORITY" });
    instances = await Promise.all([startInstance(serverEnv()), startInstance(serverEnv()), startInstance(serverEnv())]);
  }, 300_000);

  it("a session made on one is valid on all, and signing out on one ends it on the others", async () => {
    const user = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    const cookie = await signedInCookie(user.id);
    for (const instance of instances) expect((await getPage(instance.origin, "/submissions", cookie)).status).toBe(200);
    const out = await postForm(instances[0]!.origin, "/sign-out", cookie, {});
    expect(out.status).toBe(302);
    for (const instance of instances.slice(1)) expect(signedOut(await getPage(instance.origin, "/submissions", cookie))).toBe(true);
  });

  it("disabling an account on one instance cuts its session on the others at the next request", async () => {
    const admin = await createUser({ roles: ["SYSTEM_ADMINISTRATOR"], organisationId: force.id });
    const user = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    const cookie = await signedInCookie(user.id);
    expect((await getPage(instances[2]!.origin, "/submissions", cookie)).status).toBe(200);
    const disabled = await postForm(instances[1]!.origin, `/admin/users/${user.id}/disable`, await signedInCookie(admin.id), {
      reason: "Left the council",
    });
    expect(disabled.status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();
    expect(signedOut(await getPage(instances[2]!.origin, "/submissions", cookie))).toBe(true);
  });

  it("revoking an agreement on one instance cuts access to what was shared under it on the others", async () => {
    const agreement = await createAgreement({ organisationIds: [force.id, council.id] });
    const submitter = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    const analyst = await createUser({ roles: ["POLICE_ANALYST"], organisationId: force.id });
    const supervisor = await createUser({ roles: ["INTELLIGENCE_SUPERVISOR"], organisationId: force.id });
    const submission = await createSubmission({ submitterId: submitter.id, organisationId: council.id, agreementId: agreement.id });
    const analystCookie = await signedInCookie(analyst.id);
    expect((await getPage(instances[1]!.origin, `/triage/${submission.id}`, analystCookie)).status).toBe(200);
    const revoked = await postForm(instances[0]!.origin, `/agreements/${agreement.id}/revoke`, await signedInCookie(supervisor.id), {
      reason: "Partner withdrew",
    });
    expect(revoked.status).toBe(302);
    expect((await prisma.agreement.findUniqueOrThrow({ where: { id: agreement.id } })).status).toBe("REVOKED");
    for (const instance of instances) expect((await getPage(instance.origin, `/triage/${submission.id}`, analystCookie)).status).toBe(404);
  });

  it("counts failed sign-ins across all instances: the account is throttled wherever the next attempt lands", async () => {
    const user = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    const attempt = (instance: Instance) =>
      postForm(instance.origin, "/sign-in", "", { email: user.email, password: "not the password at all" }).then((r) => r.text());
    // Four failures spread over the three instances; the fifth (the account threshold) blocks.
    for (let i = 0; i < 4; i += 1) expect(await attempt(instances[i % 3]!)).toContain("Enter a correct email address and password");
    for (const instance of instances) expect(await attempt(instance)).toContain("too many incorrect attempts");
  });

  it("keeps one verifiable audit trail under concurrent audited requests from every instance", async () => {
    const users = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id })));
    const cookies = await Promise.all(users.map((u) => signedInCookie(u.id)));
    const before = await prisma.auditEvent.count({ where: { action: "submission.listed" } });
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) => getPage(instances[i % 3]!.origin, "/submissions", cookies[i % cookies.length]!)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(60).fill(200));
    expect(await prisma.auditEvent.count({ where: { action: "submission.listed" } })).toBe(before + 60);
    // The instances' sequencer (one at a time) seals what they all wrote into one chain.
    await sealAuditEvents();
    const verification = await verifyAuditTrail();
    expect(verification.problems).toEqual([]);
    expect(verification.intact).toBe(true);
    expect(verification.unsealed.count).toBe(0);
    expect(verification.eventsChecked).toBe(await prisma.auditEvent.count());
  });

  it("carries on when one instance is killed mid-load: no 5xx from the others", async () => {
    const user = await createUser({ roles: ["PARTNER_SUBMITTER"], organisationId: council.id });
    const cookie = await signedInCookie(user.id);
    const [victim, ...survivors] = instances;
    let killed = false;
    let stop = false;
    // Per survivor: statuses before and after the kill.
    const before = survivors.map(() => [] as number[]);
    const after = survivors.map(() => [] as number[]);
    const load = survivors.map(async (instance, i) => {
      while (!stop) {
        const response = await getPage(instance.origin, "/submissions", cookie);
        await response.arrayBuffer();
        (killed ? after : before)[i]!.push(response.status);
      }
    });
    // The victim is under load too; only its in-flight requests may fail.
    const victimLoad = (async () => {
      while (!killed) await getPage(victim!.origin, "/submissions", cookie).then((r) => r.arrayBuffer()).catch(() => undefined);
    })();
    const until = async (condition: () => boolean) => {
      while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await until(() => before.every((s) => s.length >= 3));
    victim!.kill("SIGKILL");
    killed = true;
    await victim!.exited;
    await until(() => after.every((s) => s.length >= 5));
    stop = true;
    await Promise.all([...load, victimLoad]);
    expect([...before, ...after].flat().filter((s) => s !== 200)).toEqual([]);
  }, 120_000);
});

else describe("embedded PGlite", () => {
  it("refuses a second instance on the same data directory, naming the process that holds it", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dataDir = mkdtempSync(path.join(tmpdir(), "portal-two-"));
    try {
      const first = await startInstance({ PGLITE_DATA_DIR: dataDir, AUDIT_SIGNING_KEY_PATH: process.env.AUDIT_SIGNING_KEY_PATH! });
      instances.push(first);
      await expect(startInstance({ PGLITE_DATA_DIR: dataDir, AUDIT_SIGNING_KEY_PATH: process.env.AUDIT_SIGNING_KEY_PATH! }, 60_000)).rejects.toThrow(
        new RegExp(`exited before serving[\\s\\S]*${first.process.pid}`),
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});

/**
 * The audit trail's tamper evidence: one hash chain under concurrency, no event for a rolled-back
 * change, append-only triggers, signed checkpoints, and a verifier that names the first event
 * where someone with the database owner's powers changed, deleted, inserted or cut off events.
 */
process.env.AUDIT_CHECKPOINT_EVERY = "5";

import { describe, expect, it } from "vitest";
import { audit, recordAuditEvent, SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { GENESIS_HASH } from "~/modules/audit/chain";
import { signCheckpointNow } from "~/modules/audit/integrity.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { openDatabase } from "~/utils/database.server";
import { database, prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createUser } from "../helpers/factories";
import { behindTheAppsBack, contextFor } from "./helpers";

async function chain() {
  return prisma.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, prevHash: true, hash: true } });
}

function expectOneChain(rows: { prevHash: string; hash: string }[]) {
  rows.forEach((row, index) => {
    expect(row.prevHash).toBe(index === 0 ? GENESIS_HASH : rows[index - 1]!.hash);
  });
}

describe("appending", () => {
  it("keeps one chain when 50 events are appended at once", async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { i } })),
    );
    const rows = await chain();
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expectOneChain(rows);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("keeps one chain when two app instances (two connection pools) append at once", async () => {
    const config = env();
    // On PostgreSQL a second pool is a second app instance; embedded PGlite has a single connection.
    const second =
      config.DATABASE_URL !== undefined
        ? openDatabase({ kind: "postgres", url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, poolSize: 5 })
        : null;
    try {
      const clients = second ? [database().prisma, second.prisma] : [database().prisma];
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          recordAuditEvent(clients[i % clients.length]!, SYSTEM_AUDIT_CONTEXT, { action: "record.listed", details: { i } }),
        ),
      );
    } finally {
      await second?.close();
    }
    expectOneChain(await chain());
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("leaves no event for a change that rolled back", async () => {
    const before = await prisma.auditEvent.count();
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, { action: "admin.organisation_created" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.auditEvent.count()).toBe(before);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("records who, from where, what, under which agreement and why", async () => {
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    const { id } = await audit(contextFor(user), {
      action: "record.viewed",
      recordType: "User",
      recordId: user.id,
      justification: "INVESTIGATION",
      justificationNote: "Op Castle \u0000",
      details: { count: 1 },
    });
    const event = await prisma.auditEvent.findUniqueOrThrow({ where: { id } });
    expect(event).toMatchObject({
      action: "record.viewed",
      outcome: "ALLOWED",
      actorUserId: user.id,
      actorEmail: user.email,
      actorOrganisationId: user.organisationId,
      actorRoles: ["POLICE_ANALYST"],
      recordType: "User",
      recordId: user.id,
      recordOrganisationId: user.organisationId,
      justification: "INVESTIGATION",
      justificationNote: "Op Castle \uFFFD",
      ipAddress: "203.0.113.7",
      userAgent: "vitest",
      details: { count: 1 },
    });
  });

  it("accepts a malformed record id without failing the change it records", async () => {
    const { id } = await audit(SYSTEM_AUDIT_CONTEXT, { action: "access.denied", outcome: "DENIED", recordType: "Submission", recordId: "not-a-uuid" });
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id } })).recordOrganisationId).toBeNull();
  });
});

describe("append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on events and checkpoints, even for the owner", async () => {
    await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const db = database();
    await expect(db.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE "AuditCheckpoint" SET hash = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`TRUNCATE "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow();
  });
});

describe("checkpoints", () => {
  it("signs the chain head every AUDIT_CHECKPOINT_EVERY events and on demand", async () => {
    const before = await prisma.auditCheckpoint.count();
    for (let i = 0; i < 10; i++) await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed" });
    expect(await prisma.auditCheckpoint.count()).toBeGreaterThanOrEqual(before + 2);

    const checkpoint = await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const head = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    // The checkpoint covers its own audit event.
    expect(head.action).toBe("audit.checkpoint_signed");
    expect(checkpoint.eventId).toBe(head.id);
    expect(checkpoint.hash).toBe(head.hash);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.latestCheckpoint?.eventId).toBe(head.id);
  });
});

describe("the verifier", () => {
  async function freshEvents(n: number) {
    const ids: bigint[] = [];
    for (let i = 0; i < n; i++) ids.push((await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { n: i } })).id);
    return ids;
  }

  it("names an event edited behind the application's back", async () => {
    const [, edited] = await freshEvents(3);
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "actorEmail" = 'someone.else@example.test' WHERE id = $1`, [edited]);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(false);
    expect(result.firstProblem).toMatchObject({ kind: "hash_mismatch", eventId: edited });
    expect(result.firstProblem?.message).toContain(`Event ${edited}`);
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "actorEmail" = NULL WHERE id = $1`, [edited]);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names an event edited and re-hashed, by the checkpoint that signed it", async () => {
    const [first] = await freshEvents(1);
    await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const original = await prisma.auditEvent.findUniqueOrThrow({ where: { id: first } });
    const head = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    // Rewriting the head's hash (as a forger re-hashing the chain would) breaks its checkpoint.
    await behindTheAppsBack(`UPDATE "AuditEvent" SET hash = $1 WHERE id = $2`, ["f".repeat(64), head.id]);
    const result = await verifyAuditTrail();
    expect(result.problems.map((p) => p.kind)).toContain("checkpoint_hash_mismatch");
    expect(result.firstProblem?.eventId).toBe(head.id);
    await behindTheAppsBack(`UPDATE "AuditEvent" SET hash = $1 WHERE id = $2`, [head.hash, head.id]);
    expect(original.id).toBe(first);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names the event after one that was deleted", async () => {
    const [, deleted, after] = await freshEvents(3);
    const row = await database().query(`SELECT * FROM "AuditEvent" WHERE id = $1`, [deleted]);
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id = $1`, [deleted]);
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "deleted_before", eventId: after });
    await restore(row[0]!);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names a forged event inserted into the chain", async () => {
    // A rolled-back append leaves a gap in the ids: a forger's place to insert.
    await prisma
      .$transaction(async (tx) => {
        await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, { action: "record.viewed" });
        throw new Error("rolled back");
      })
      .catch(() => undefined);
    const [after] = await freshEvents(1);
    const before = await prisma.auditEvent.findFirstOrThrow({ where: { id: { lt: after } }, orderBy: { id: "desc" } });
    const forgedId = after! - 1n;
    expect(forgedId).toBeGreaterThan(before.id);
    const { hashAuditFields } = await import("~/modules/audit/chain");
    const occurredAt = new Date().toISOString();
    const fields = {
      occurredAt, action: "record.viewed", outcome: "ALLOWED" as const, actorUserId: null, actorEmail: "forger@example.test",
      actorOrganisationId: null, actorRoles: [], recordType: null, recordId: null, recordOrganisationId: null, agreementId: null,
      justification: null, justificationNote: null, ipAddress: null, userAgent: null, details: null, prevHash: before.hash,
    };
    await behindTheAppsBack(
      `INSERT INTO "AuditEvent" (id, "occurredAt", action, outcome, "actorEmail", "actorRoles", "prevHash", hash)
       VALUES ($1, $2, 'record.viewed', 'ALLOWED', 'forger@example.test', '{}', $3, $4)`,
      [forgedId.toString(), occurredAt, before.hash, hashAuditFields(fields)],
    );
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "inserted", eventId: forgedId });
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id = $1`, [forgedId.toString()]);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names a forged event appended with a made-up hash", async () => {
    const head = await prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    const forgedId = head.id + 1000n;
    await behindTheAppsBack(
      `INSERT INTO "AuditEvent" (id, action, outcome, "actorRoles", "prevHash", hash) VALUES ($1, 'auth.sign_in', 'ALLOWED', '{}', $2, $3)`,
      [forgedId.toString(), head.hash, "a".repeat(64)],
    );
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "hash_mismatch", eventId: forgedId });
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id = $1`, [forgedId.toString()]);
  });

  it("detects a truncated tail against the latest checkpoint", async () => {
    await freshEvents(2);
    const checkpoint = await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const tail = await database().query(`SELECT * FROM "AuditEvent" WHERE id > $1 - 3 ORDER BY id`, [checkpoint.eventId.toString()]);
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id > $1 - 3`, [checkpoint.eventId.toString()]);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain("truncated");
    expect(result.problems.find((p) => p.kind === "truncated")?.message).toMatch(/removed/);
    for (const row of tail) await restore(row);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("detects a forged checkpoint signature", async () => {
    const checkpoint = await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    await behindTheAppsBack(`UPDATE "AuditCheckpoint" SET signature = $1 WHERE id = $2`, [
      Buffer.alloc(64, 1).toString("base64"),
      checkpoint.id,
    ]);
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "checkpoint_signature", eventId: checkpoint.eventId });
    await behindTheAppsBack(`UPDATE "AuditCheckpoint" SET signature = $1 WHERE id = $2`, [checkpoint.signature, checkpoint.id]);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("streams in batches and gives the same answer", async () => {
    const big = await verifyAuditTrail({ batchSize: 5000 });
    const small = await verifyAuditTrail({ batchSize: 7 });
    expect(small).toEqual(big);
    expect(small.eventsChecked).toBe(await prisma.auditEvent.count());
  });
});

/** Puts a row read with SELECT * back exactly as it was. */
async function restore(row: Record<string, unknown>) {
  const columns = Object.keys(row);
  const values = columns.map((c) => {
    const v = row[c];
    if (c === "details" && v !== null) return JSON.stringify(v);
    if (typeof v === "bigint") return v.toString();
    return v;
  });
  await behindTheAppsBack(
    `INSERT INTO "AuditEvent" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
    values,
  );
}

/**
 * The audit trail's tamper evidence: lock-free appends from many connections and two app
 * instances, sealed afterwards by the sequencer into one hash chain (late commits included), no
 * event for a rolled-back change, append-only triggers, signed checkpoints, and a verifier that
 * names the first sealed event where someone with the database owner's powers changed, deleted,
 * inserted or cut off events, and reports the events not sealed yet.
 */
process.env.AUDIT_CHECKPOINT_EVERY = "5";

import { describe, expect, it } from "vitest";
import { audit, recordAuditEvent, SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { GENESIS_HASH, hashAuditFields } from "~/modules/audit/chain";
import { signCheckpointNow } from "~/modules/audit/integrity.server";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { openDatabase, type Database } from "~/utils/database.server";
import { clock } from "~/utils/clock";
import { database, prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { createUser } from "../helpers/factories";
import { behindTheAppsBack, contextFor } from "./helpers";

async function chain() {
  return prisma.auditSeal.findMany({ orderBy: { position: "asc" } });
}

/** Positions 1…n with no gap, each seal linked to the one before. */
function expectOneChain(rows: { position: bigint; prevHash: string; hash: string }[]) {
  rows.forEach((row, index) => {
    expect(row.position).toBe(BigInt(index + 1));
    expect(row.prevHash).toBe(index === 0 ? GENESIS_HASH : rows[index - 1]!.hash);
  });
}

/** A second app instance: its own connection pool on PostgreSQL; embedded PGlite has a single connection. */
function secondInstance(poolSize = 5): Database | null {
  const config = env();
  return config.DATABASE_URL !== undefined
    ? openDatabase({ kind: "postgres", url: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, poolSize })
    : null;
}

describe("appending", () => {
  it("appends 50 events at once without waiting on each other, and the sequencer seals them into one chain", async () => {
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, i) => audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { i } })),
    );
    expect(new Set(ids.map((r) => r.id)).size).toBe(50);
    // Written, not sealed: the verifier reports them as waiting.
    const before = await verifyAuditTrail();
    expect(before.unsealed.count).toBeGreaterThanOrEqual(50);
    const { sealed } = await sealAuditEvents();
    expect(sealed).toBeGreaterThanOrEqual(50);
    const rows = await chain();
    expect(rows.length).toBe(await prisma.auditEvent.count());
    expectOneChain(rows);
    const after = await verifyAuditTrail();
    expect(after.intact).toBe(true);
    expect(after.unsealed.count).toBe(0);
  });

  it("keeps one trail when two app instances (two connection pools) append at once, with transactions left open", async () => {
    const second = secondInstance(10);
    try {
      const instances = second ? [database().prisma, second.prisma] : [database().prisma];
      if (second) {
        // A transaction on one instance holding an appended event does not block appends elsewhere
        // (with the old chain lock, this append waited for the other transaction to end).
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let appended!: () => void;
        const appendedInHeld = new Promise<void>((resolve) => (appended = resolve));
        const holder = second.prisma.$transaction(
          async (tx) => {
            await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { held: true } });
            appended();
            await held;
          },
          { timeout: 30_000 },
        );
        await appendedInHeld;
        await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { whileHeld: true } });
        release();
        await holder;
      }
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          recordAuditEvent(instances[i % instances.length]!, SYSTEM_AUDIT_CONTEXT, { action: "record.listed", details: { i } }),
        ),
      );
      // Both instances run the sequencer; one at a time seals (the others find nothing left).
      await Promise.all(instances.map((client) => sealAuditEvents({ prisma: client, batchSize: 37 })));
    } finally {
      await second?.close();
    }
    expectOneChain(await chain());
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.unsealed.count).toBe(0);
    expect(result.eventsChecked).toBe(await prisma.auditEvent.count());
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
    await sealAuditEvents();
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("records who, from where, what, under which agreement, why and in which request", async () => {
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    const { id } = await audit(
      { ...contextFor(user), requestId: "req-7f3a" },
      {
        action: "record.viewed",
        recordType: "User",
        recordId: user.id,
        justification: "INVESTIGATION",
        justificationNote: "Op Castle \u0000",
        details: { count: 1, nested: { b: 2, a: [1, "x"] } },
      },
    );
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
      requestId: "req-7f3a",
      details: { count: 1, nested: { b: 2, a: [1, "x"] } },
    });
    // The request id is part of the sealed content: changing it afterwards is detected.
    await sealAuditEvents();
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "requestId" = 'req-other' WHERE id = $1`, [id.toString()]);
    expect((await verifyAuditTrail()).firstProblem).toMatchObject({ kind: "hash_mismatch", eventId: id });
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "requestId" = 'req-7f3a' WHERE id = $1`, [id.toString()]);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("accepts a malformed record id without failing the change it records", async () => {
    const { id } = await audit(SYSTEM_AUDIT_CONTEXT, { action: "access.denied", outcome: "DENIED", recordType: "Submission", recordId: "not-a-uuid" });
    expect((await prisma.auditEvent.findUniqueOrThrow({ where: { id } })).recordOrganisationId).toBeNull();
  });
});

describe("sealing", () => {
  it("seals an event that commits after later ids were sealed (ids are not commit order), at a later position", async () => {
    const second = secondInstance();
    let lateId: bigint;
    let earlyIds: bigint[];
    try {
      if (second) {
        // A real late commit: the transaction takes its id first and commits after others were sealed.
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let gotId!: (id: bigint) => void;
        const idTaken = new Promise<bigint>((resolve) => (gotId = resolve));
        const late = second.prisma.$transaction(
          async (tx) => {
            gotId((await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { late: true } })).id);
            await held;
          },
          { timeout: 30_000 },
        );
        lateId = await idTaken;
        earlyIds = [];
        for (let i = 0; i < 3; i++) earlyIds.push((await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { early: i } })).id);
        await sealAuditEvents();
        expect(await prisma.auditSeal.findUnique({ where: { eventId: lateId } })).toBeNull();
        release();
        await late;
      } else {
        // Embedded PGlite runs one transaction at a time: write the late event as one would
        // arrive, with an id taken before the others and a row that appears after they were sealed.
        const [{ id }] = (await database().query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('"AuditEvent"', 'id'))::text AS id`)) as [
          { id: string },
        ];
        lateId = BigInt(id);
        earlyIds = [];
        for (let i = 0; i < 3; i++) earlyIds.push((await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { early: i } })).id);
        await sealAuditEvents();
        await database().query(
          `INSERT INTO "AuditEvent" (id, "occurredAt", action, outcome, "actorRoles", details) VALUES ($1, now(), 'record.viewed', 'ALLOWED', '{}', '{"late": true}')`,
          [id],
        );
      }
    } finally {
      await second?.close();
    }
    expect(lateId).toBeLessThan(earlyIds[0]!);
    const { sealed } = await sealAuditEvents();
    expect(sealed).toBe(1);
    const late = await prisma.auditSeal.findUniqueOrThrow({ where: { eventId: lateId } });
    const early = await prisma.auditSeal.findMany({ where: { eventId: { in: earlyIds } } });
    for (const seal of early) expect(late.position).toBeGreaterThan(seal.position);
    expectOneChain(await chain());
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.unsealed.count).toBe(0);
  });

  it("still seals and reports events written before a restart: nothing unsealed is lost", async () => {
    const ids: bigint[] = [];
    for (let i = 0; i < 4; i++) ids.push((await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { beforeCrash: i } })).id);
    // A sealing run that dies half-way (here: its transaction fails) leaves nothing half-sealed.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.auditSeal.create({ data: { eventId: ids[0]!, position: 1_000_000n, prevHash: GENESIS_HASH, hash: "c".repeat(64) } });
        throw new Error("the process died");
      }),
    ).rejects.toThrow("the process died");
    // "After the restart": a new instance's verifier and sequencer see the same committed events.
    const restarted = secondInstance() ?? database();
    try {
      const report = await verifyAuditTrail({ prisma: restarted.prisma });
      expect(report.intact).toBe(true);
      expect(report.unsealed.count).toBeGreaterThanOrEqual(4);
      expect(report.unsealed.oldestEventId).toBeLessThanOrEqual(ids[0]!);
      expect(report.unsealed.oldestOccurredAt).toBeInstanceOf(Date);
      await sealAuditEvents({ prisma: restarted.prisma });
    } finally {
      if (restarted !== database()) await restarted.close();
    }
    const seals = await prisma.auditSeal.findMany({ where: { eventId: { in: ids } } });
    expect(seals).toHaveLength(4);
    expect((await verifyAuditTrail()).unsealed.count).toBe(0);
  });

  it("finds an unsealed event wherever it is, even one the sequencer's resume point has passed", async () => {
    await sealAuditEvents();
    // Written with no writer transaction recorded (as a forger or an old import might): the
    // sequencer's index scan cannot see it, the verifier's full count does.
    const [{ id }] = (await database().query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("occurredAt", action, outcome, "actorRoles", "writerXid") VALUES (now(), 'record.viewed', 'ALLOWED', '{}', NULL) RETURNING id::text AS id`,
    )) as [{ id: string }];
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.unsealed).toMatchObject({ count: 1, oldestEventId: BigInt(id) });
    // Cleared from the resume point (a full scan): then it is sealed like any other.
    await prisma.auditSequencer.deleteMany({});
    await sealAuditEvents();
    expect((await verifyAuditTrail()).unsealed.count).toBe(0);
  });
});

describe("append-only", () => {
  it("refuses UPDATE, DELETE and TRUNCATE on events, seals and checkpoints, even for the owner", async () => {
    await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const db = database();
    await expect(db.query(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE "AuditSeal" SET hash = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM "AuditSeal"`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`TRUNCATE "AuditSeal"`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE "AuditCheckpoint" SET hash = 'x'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
    await expect(db.exec(`TRUNCATE "AuditCheckpoint"`)).rejects.toThrow(/append-only/);
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow();
  });
});

describe("checkpoints", () => {
  it("signs the sealed head every AUDIT_CHECKPOINT_EVERY events, every minute, and on demand", async () => {
    await sealAuditEvents();
    const before = await prisma.auditCheckpoint.count();
    for (let i = 0; i < 10; i++) await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed" });
    await sealAuditEvents();
    expect(await prisma.auditCheckpoint.count()).toBe(before + 1);

    // Fewer than AUDIT_CHECKPOINT_EVERY new events: none due until the latest is a minute old.
    await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed" });
    expect((await sealAuditEvents()).checkpoint).toBeNull();
    await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed" });
    const later = await clock.at(new Date(clock.now().getTime() + 61_000), () => sealAuditEvents());
    expect(later.checkpoint?.position).toBe(later.head?.position);

    const checkpoint = await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const head = await prisma.auditSeal.findFirstOrThrow({ orderBy: { position: "desc" }, include: { event: true } });
    // The checkpoint covers its own audit event.
    expect(head.event.action).toBe("audit.checkpoint_signed");
    expect(checkpoint).toMatchObject({ eventId: head.eventId, position: head.position, hash: head.hash });
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(true);
    expect(result.latestCheckpoint?.position).toBe(head.position);
  });
});

describe("the verifier", () => {
  async function freshSealedEvents(n: number) {
    const ids: bigint[] = [];
    for (let i = 0; i < n; i++) ids.push((await audit(SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { n: i } })).id);
    await sealAuditEvents();
    return ids;
  }

  it("names a sealed event edited behind the application's back", async () => {
    const [, edited] = await freshSealedEvents(3);
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "actorEmail" = 'someone.else@example.test' WHERE id = $1`, [edited]);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(false);
    expect(result.firstProblem).toMatchObject({ kind: "hash_mismatch", eventId: edited });
    expect(result.firstProblem?.message).toContain(`Event ${edited}`);
    await behindTheAppsBack(`UPDATE "AuditEvent" SET "actorEmail" = NULL WHERE id = $1`, [edited]);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names an event edited and re-hashed, by the checkpoint that signed it", async () => {
    await freshSealedEvents(1);
    await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const head = await prisma.auditSeal.findFirstOrThrow({ orderBy: { position: "desc" } });
    // Rewriting the head's hash (as a forger re-hashing the chain would) breaks its checkpoint.
    await behindTheAppsBack(`UPDATE "AuditSeal" SET hash = $1 WHERE "eventId" = $2`, ["f".repeat(64), head.eventId]);
    const result = await verifyAuditTrail();
    expect(result.problems.map((p) => p.kind)).toContain("checkpoint_hash_mismatch");
    expect(result.problems.find((p) => p.kind === "checkpoint_hash_mismatch")?.eventId).toBe(head.eventId);
    await behindTheAppsBack(`UPDATE "AuditSeal" SET hash = $1 WHERE "eventId" = $2`, [head.hash, head.eventId]);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names the event after one that was deleted with its seal", async () => {
    const [, deleted, after] = await freshSealedEvents(3);
    const event = await database().query(`SELECT * FROM "AuditEvent" WHERE id = $1`, [deleted]);
    const seal = await database().query(`SELECT * FROM "AuditSeal" WHERE "eventId" = $1`, [deleted]);
    await behindTheAppsBack(`DELETE FROM "AuditSeal" WHERE "eventId" = $1`, [deleted]);
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id = $1`, [deleted]);
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "deleted_before", eventId: after });
    await restore("AuditEvent", event[0]!);
    await restore("AuditSeal", seal[0]!);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("names a forged event inserted into the sealed chain", async () => {
    const [, before] = await freshSealedEvents(3);
    const at = await prisma.auditSeal.findUniqueOrThrow({ where: { eventId: before! } });
    // The forger writes an event, makes room after `before` by moving the later seals up one
    // position, and seals the forgery there with a correct hash.
    const occurredAt = new Date().toISOString();
    const [{ id }] = (await database().query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("occurredAt", action, outcome, "actorEmail", "actorRoles") VALUES ($1, 'record.viewed', 'ALLOWED', 'forger@example.test', '{}') RETURNING id::text AS id`,
      [occurredAt],
    )) as [{ id: string }];
    const fields = {
      occurredAt, action: "record.viewed", outcome: "ALLOWED" as const, actorUserId: null, actorEmail: "forger@example.test",
      actorOrganisationId: null, actorRoles: [], recordType: null, recordId: null, recordOrganisationId: null, agreementId: null,
      justification: null, justificationNote: null, ipAddress: null, userAgent: null, details: null, prevHash: at.hash,
    };
    await behindTheAppsBack(`UPDATE "AuditSeal" SET position = -position WHERE position > $1`, [at.position.toString()]);
    await behindTheAppsBack(`UPDATE "AuditSeal" SET position = 1 - position WHERE position < 0`);
    await behindTheAppsBack(`INSERT INTO "AuditSeal" ("eventId", position, "prevHash", hash) VALUES ($1, $2, $3, $4)`, [
      id,
      (at.position + 1n).toString(),
      at.hash,
      hashAuditFields(fields),
    ]);
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "inserted", eventId: BigInt(id), position: at.position + 1n });
    await behindTheAppsBack(`DELETE FROM "AuditSeal" WHERE "eventId" = $1`, [id]);
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id = $1`, [id]);
    await behindTheAppsBack(`UPDATE "AuditSeal" SET position = -position WHERE position > $1`, [(at.position + 1n).toString()]);
    await behindTheAppsBack(`UPDATE "AuditSeal" SET position = -position - 1 WHERE position < 0`);
    expect((await verifyAuditTrail()).intact).toBe(true);
  });

  it("reports a forged event written without a seal as unsealed, and one sealed with a made-up hash as changed", async () => {
    await freshSealedEvents(1);
    const [{ id }] = (await database().query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("occurredAt", action, outcome, "actorRoles") VALUES (now() - interval '1 hour', 'auth.sign_in', 'ALLOWED', '{}') RETURNING id::text AS id`,
    )) as [{ id: string }];
    const waiting = await verifyAuditTrail();
    expect(waiting.intact).toBe(true);
    expect(waiting.unsealed).toMatchObject({ count: 1, oldestEventId: BigInt(id) });
    const head = await prisma.auditSeal.findFirstOrThrow({ orderBy: { position: "desc" } });
    await behindTheAppsBack(`INSERT INTO "AuditSeal" ("eventId", position, "prevHash", hash) VALUES ($1, $2, $3, $4)`, [
      id,
      (head.position + 1n).toString(),
      head.hash,
      "a".repeat(64),
    ]);
    const result = await verifyAuditTrail();
    expect(result.firstProblem).toMatchObject({ kind: "hash_mismatch", eventId: BigInt(id) });
    await behindTheAppsBack(`DELETE FROM "AuditSeal" WHERE "eventId" = $1`, [id]);
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id = $1`, [id]);
  });

  it("detects a truncated tail against the latest checkpoint", async () => {
    await freshSealedEvents(2);
    const checkpoint = await signCheckpointNow(SYSTEM_AUDIT_CONTEXT);
    const from = (checkpoint.position! - 2n).toString();
    const seals = await database().query(`SELECT * FROM "AuditSeal" WHERE position >= $1 ORDER BY position`, [from]);
    const events = await database().query(
      `SELECT e.* FROM "AuditEvent" e JOIN "AuditSeal" s ON s."eventId" = e.id WHERE s.position >= $1 ORDER BY e.id`,
      [from],
    );
    await behindTheAppsBack(`DELETE FROM "AuditSeal" WHERE position >= $1`, [from]);
    await behindTheAppsBack(`DELETE FROM "AuditEvent" WHERE id IN (${events.map((e) => String(e.id)).join(",")})`);
    const result = await verifyAuditTrail();
    expect(result.intact).toBe(false);
    expect(result.problems.map((p) => p.kind)).toContain("truncated");
    expect(result.problems.find((p) => p.kind === "truncated")?.message).toMatch(/removed/);
    for (const row of events) await restore("AuditEvent", row);
    for (const row of seals) await restore("AuditSeal", row);
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
    await sealAuditEvents();
    const big = await verifyAuditTrail({ batchSize: 5000 });
    const progress: number[] = [];
    const small = await verifyAuditTrail({ batchSize: 7, onProgress: (checked) => void progress.push(checked) });
    expect(small).toEqual(big);
    // Progress is reported batch by batch (the integrity page shows it), up to the whole trail.
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(small.eventsChecked);
    expect(small.eventsChecked).toBe(await prisma.auditEvent.count());
  });
});

/** Puts a row read with SELECT * back exactly as it was. */
async function restore(table: "AuditEvent" | "AuditSeal", row: Record<string, unknown>) {
  const columns = Object.keys(row);
  const values = columns.map((c) => {
    const v = row[c];
    if (c === "details" && v !== null) return JSON.stringify(v);
    if (typeof v === "bigint") return v.toString();
    return v;
  });
  await behindTheAppsBack(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
    values,
  );
}

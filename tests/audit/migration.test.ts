/**
 * Moving to sealing keeps the existing trail: a chain written the old way (each event hashed
 * inline, in id order, with signed checkpoints of event ids) becomes the first positions of the
 * sealed chain, and old and new events verify as one trail, with tampering in the old part still found.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAuditEvent, SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { checkpointMessage, GENESIS_HASH, hashAuditFields, withoutNul, type ChainedFields } from "~/modules/audit/chain";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { auditSigningKey, signMessage } from "~/modules/audit/signing.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { openDatabase, type Database } from "~/utils/database.server";
import { env } from "~/utils/env.server";
import { DEFAULT_MIGRATIONS_DIR, migrate } from "~/utils/migrate.server";

const SEALING_MIGRATION = readdirSync(DEFAULT_MIGRATIONS_DIR).find((name) => name.endsWith("_audit_sealing"))!;

let db: Database;
let schema: string | null = null;
let oldMigrations: string;

beforeAll(async () => {
  const config = env();
  if (config.DATABASE_URL) {
    schema = `test_mig_${randomBytes(5).toString("hex")}`;
    db = openDatabase({ kind: "postgres", url: config.DATABASE_URL, schema, poolSize: 3 });
    await db.exec(`CREATE SCHEMA "${schema}"`);
  } else {
    db = openDatabase({ kind: "pglite", dataDir: "memory://" });
  }
  // The migrations as they were before sealing.
  oldMigrations = mkdtempSync(path.join(tmpdir(), "old-migrations-"));
  for (const name of readdirSync(DEFAULT_MIGRATIONS_DIR)) {
    if (name < SEALING_MIGRATION && !name.endsWith(".prisma")) cpSync(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(oldMigrations, name), { recursive: true });
  }
});

afterAll(async () => {
  if (schema) await db.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await db.close();
  rmSync(oldMigrations, { recursive: true, force: true });
});

/** Writes events exactly as the inline-hashing writer did: SHA-256 over the content and prevHash, in id order. */
async function writeOldChain(count: number) {
  const written: { id: bigint; hash: string }[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < count; i++) {
    const fields: ChainedFields = withoutNul({
      occurredAt: new Date(Date.UTC(2026, 10, 1, 9, i, 0, 123)).toISOString(),
      action: i % 2 ? "record.viewed" : "auth.sign_in",
      outcome: "ALLOWED",
      actorUserId: null,
      actorEmail: `person${i}@example.test`,
      actorOrganisationId: null,
      actorRoles: i % 2 ? ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR"] : [],
      recordType: i % 2 ? "Submission" : null,
      recordId: i % 2 ? `rec-${i}` : null,
      recordOrganisationId: null,
      agreementId: null,
      justification: i % 2 ? "INVESTIGATION" : null,
      justificationNote: i % 2 ? "Op Castle – Siân’s note \u0000" : null,
      ipAddress: "192.0.2.1",
      userAgent: "Mozilla/5.0",
      details: i % 3 ? { z: 1, a: { nested: [1, 2.5, "x"], flag: true }, empty: null } : null,
      prevHash,
    });
    const hash = hashAuditFields(fields);
    const [row] = await db.query<{ id: string }>(
      `INSERT INTO "AuditEvent" ("occurredAt", action, outcome, "actorEmail", "actorRoles", "recordType", "recordId",
         justification, "justificationNote", "ipAddress", "userAgent", details, "prevHash", hash)
       VALUES ($1, $2, 'ALLOWED', $3, $4::"Role"[], $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13) RETURNING id::text AS id`,
      [
        fields.occurredAt, fields.action, fields.actorEmail, `{${fields.actorRoles.join(",")}}`, fields.recordType, fields.recordId,
        fields.justification, fields.justificationNote, fields.ipAddress, fields.userAgent,
        fields.details === null ? null : JSON.stringify(fields.details), prevHash, hash,
      ],
    );
    written.push({ id: BigInt(row!.id), hash });
    prevHash = hash;
  }
  return written;
}

describe("migrating an inline-hashed chain to sealing", () => {
  // Migrates a whole second database twice: minutes on a busy machine, not the default 30 seconds.
  it("keeps the old chain and its checkpoints verifiable, as the start of one trail with the new events", { timeout: 180_000 }, async () => {
    await migrate(db, { dir: oldMigrations });
    const old = await writeOldChain(7);
    // A checkpoint as the old writer signed it: event id and hash, no position.
    const key = auditSigningKey();
    const createdAt = new Date(Date.UTC(2026, 10, 1, 10));
    const signed = old[4]!;
    await db.query(
      `INSERT INTO "AuditCheckpoint" (id, "eventId", hash, signature, "keyId", "createdAt") VALUES (gen_random_uuid(), $1, $2, $3, $4, $5)`,
      [signed.id.toString(), signed.hash, signMessage(key, checkpointMessage({ eventId: signed.id, hash: signed.hash, keyId: key.keyId, createdAt })), key.keyId, createdAt],
    );

    await migrate(db);

    const seals = await db.prisma.auditSeal.findMany({ orderBy: { position: "asc" } });
    expect(seals.map((s) => [s.eventId, s.position, s.hash])).toEqual(old.map((e, i) => [e.id, BigInt(i + 1), e.hash]));
    for (let i = 0; i < 3; i++) await recordAuditEvent(db.prisma, SYSTEM_AUDIT_CONTEXT, { action: "record.viewed", details: { after: i } });
    await sealAuditEvents({ prisma: db.prisma, forceCheckpoint: true });

    const first = await db.prisma.auditSeal.findUniqueOrThrow({ where: { position: BigInt(old.length + 1) } });
    expect(first.prevHash).toBe(old.at(-1)!.hash);
    const result = await verifyAuditTrail({ prisma: db.prisma });
    expect(result.problems).toEqual([]);
    expect(result.intact).toBe(true);
    expect(result.eventsChecked).toBe(old.length + 3);
    expect(result.checkpointsChecked).toBe(2);
    expect(result.unsealed.count).toBe(0);

    // Tampering with a migrated event is still found, by the same hashes.
    await db.withConnection(async (conn) => {
      await conn.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
      await conn.query(`UPDATE "AuditEvent" SET "actorEmail" = 'someone.else@example.test' WHERE id = $1`, [old[2]!.id.toString()]);
      await conn.exec(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
    });
    const tampered = await verifyAuditTrail({ prisma: db.prisma });
    expect(tampered.firstProblem).toMatchObject({ kind: "hash_mismatch", eventId: old[2]!.id, position: 3n });
  });
});

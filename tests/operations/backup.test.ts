import { randomBytes } from "node:crypto";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { backupDatabase, restoreDatabase } from "../../scripts/lib/backup";
import type { PrismaClient } from "~/generated/prisma/client";
import { compareWithExportedCheckpoints, type ExportedCheckpoints } from "~/modules/audit/integrity.server";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { auditSigningKey } from "~/modules/audit/signing.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { clock } from "~/utils/clock";
import { openDatabase, type Database, type DatabaseConfig } from "~/utils/database.server";
import { database, withDatabase } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";

/**
 * Backups restore to a portal with the same data, whose audit trail still verifies, also against
 * checkpoints exported before the backup was taken (as a DPO keeps them, outside the portal).
 */
const work = mkdtempSync(path.join(tmpdir(), "portal-backup-test-"));
const pgUrl = process.env.DATABASE_URL;
const toDrop: string[] = [];

afterAll(async () => {
  // Dropping a database can outlast the app's statement timeout on a busy machine: lift it for this connection.
  await database().withConnection(async (conn) => {
    await conn.exec("SET statement_timeout = 0");
    for (const name of toDrop) await conn.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await conn.exec("RESET statement_timeout");
  });
  rmSync(work, { recursive: true, force: true });
});

/** A database of its own for one side of the backup (source or restored copy). */
async function newDatabaseConfig(label: string): Promise<DatabaseConfig> {
  if (!pgUrl) return { kind: "pglite", dataDir: path.join(work, label) };
  // A database of its own (a restore needs an empty database), with the test file's schema name.
  const name = `portal_${label}_${randomBytes(4).toString("hex")}`;
  await database().exec(`CREATE DATABASE "${name}"`);
  toDrop.push(name);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString(), schema: "backup_test" };
}

const TABLES = ["organisation", "user", "agreement", "agreementSignature", "submission", "submissionEntity", "feedback", "auditEvent", "auditSeal", "auditCheckpoint"] as const;

async function counts(prisma: PrismaClient) {
  const result: Record<string, number> = {};
  for (const table of TABLES) {
    result[table] = await (prisma[table] as unknown as { count(): Promise<number> }).count();
  }
  return result;
}

/** Seals and signs the head of the trail now and returns the checkpoints as a DPO would export them. */
async function checkpointAndExport(prisma: PrismaClient): Promise<ExportedCheckpoints> {
  const key = auditSigningKey();
  await sealAuditEvents({ prisma, forceCheckpoint: true, key });
  const checkpoints = await prisma.auditCheckpoint.findMany({ orderBy: { eventId: "asc" } });
  return {
    publicKey: { keyId: key.keyId, spkiPem: key.publicKeyPem },
    checkpoints: checkpoints.map((c) => ({
      eventId: c.eventId.toString(),
      position: c.position?.toString() ?? null,
      hash: c.hash,
      keyId: c.keyId,
      createdAt: c.createdAt.toISOString(),
      signature: c.signature,
    })),
  };
}

async function opened(config: DatabaseConfig): Promise<Database> {
  const db = openDatabase(config);
  if (db.kind === "postgres") await db.exec(`CREATE SCHEMA IF NOT EXISTS "${(config as { schema: string }).schema}"`);
  return db;
}

describe(`backup and restore (${pgUrl ? "PostgreSQL" : "embedded PGlite"})`, () => {
  it("restores the same data, and the restored trail verifies against checkpoints exported before the backup", async () => {
    const sourceConfig = await newDatabaseConfig("source");
    const source = await opened(sourceConfig);
    await migrate(source);
    await withDatabase(source, () => seedDemo());
    const exported = await checkpointAndExport(source.prisma);
    const before = await counts(source.prisma);
    const firstSubmission = await source.prisma.submission.findFirstOrThrow({ orderBy: { reference: "asc" } });
    // PGlite is one process per data directory: the portal is stopped for an embedded backup.
    if (source.kind === "pglite") await source.close();

    const backupDir = path.join(work, "backups");
    const manifest = await backupDatabase(sourceConfig, backupDir, clock.now());
    if (source.kind === "postgres") await source.close();
    expect(manifest.kind).toBe(sourceConfig.kind);
    expect(manifest.bytes).toBeGreaterThan(0);
    expect(manifest.note).toMatch(/signing key is not in this backup/);

    const targetConfig = await newDatabaseConfig("restored");
    await restoreDatabase(targetConfig, path.join(backupDir, manifest.file));
    const restored = openDatabase(targetConfig);
    try {
      expect(before.auditEvent).toBeGreaterThan(0);
      expect(before.submission).toBeGreaterThan(0);
      expect(await counts(restored.prisma)).toEqual(before);
      expect(await restored.prisma.submission.findUniqueOrThrow({ where: { id: firstSubmission.id } })).toEqual(firstSubmission);

      const verification = await verifyAuditTrail({ prisma: restored.prisma });
      expect(verification.problems).toEqual([]);
      expect(verification.intact).toBe(true);
      expect(verification.eventsChecked).toBe(before.auditEvent);
      expect(await compareWithExportedCheckpoints(exported, restored.prisma)).toEqual([]);

      // The check is not vacuous: a checkpoint the restored copy does not hold is reported.
      const forged = {
        ...exported,
        checkpoints: exported.checkpoints.map((c) => ({
          ...c,
          eventId: (BigInt(c.eventId) + 1_000_000n).toString(),
          position: c.position ? (BigInt(c.position) + 1_000_000n).toString() : null,
        })),
      };
      expect(await compareWithExportedCheckpoints(forged, restored.prisma)).toEqual([
        expect.stringMatching(/does not verify|missing from the database/),
      ]);
    } finally {
      await restored.close();
    }
  }, 180_000);

  it("refuses to restore over data, or a backup of the other kind of database", async () => {
    const target = await newDatabaseConfig("occupied");
    const backup = path.join(work, "other", pgUrl ? "portal-pglite-x.tar.gz" : "portal-postgres-x.dump");
    mkdirSync(path.dirname(backup), { recursive: true });
    writeFileSync(backup, "not a backup");
    writeFileSync(`${backup}.json`, JSON.stringify({ kind: pgUrl ? "pglite" : "postgres", schema: "public" }));
    await expect(restoreDatabase(target, backup)).rejects.toThrow(/backup; the configured database is/);

    if (target.kind === "pglite") {
      mkdirSync(target.dataDir, { recursive: true });
      writeFileSync(path.join(target.dataDir, "PG_VERSION"), "17");
      const own = path.join(work, "other", "portal-pglite-y.tar.gz");
      writeFileSync(own, "x");
      writeFileSync(`${own}.json`, JSON.stringify({ kind: "pglite", schema: null }));
      await expect(restoreDatabase(target, own)).rejects.toThrow(/is not empty/);
    }
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "~/generated/prisma/client";
import { SYSTEM_AUDIT_CONTEXT } from "~/modules/audit/audit.server";
import { exportCheckpoints, signCheckpointNow, verifyAndRecord } from "~/modules/audit/integrity.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { backupDatabase, BackupError, restoreDatabase } from "~/utils/backup.server";
import { openDatabase } from "~/utils/database.server";
import { database, databaseConfig, prisma } from "~/utils/db.server";
import { createUser } from "../helpers/factories";

/**
 * Issue 11, backups: `npm run db:backup` / `db:restore` (app/utils/backup.server.ts) with each
 * database's own tool. A restored copy serves the same data, and its audit trail verifies, also
 * against the checkpoints exported before the backup (kept outside the database).
 */
const work = mkdtempSync(path.join(tmpdir(), "portal-backup-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const context = { ...SYSTEM_AUDIT_CONTEXT, userAgent: "backup test" };

async function snapshot(client: PrismaClient) {
  const users = await client.user.findMany({ select: { id: true, email: true }, orderBy: { id: "asc" } });
  const events = await client.auditEvent.findMany({ select: { id: true, hash: true }, orderBy: { id: "asc" } });
  return { users, events: events.map((e) => ({ id: e.id.toString(), hash: e.hash })) };
}

describe("backup and restore", { timeout: 300_000 }, () => {
  it("a restored copy serves the same data, and its audit trail verifies against checkpoints exported before the backup", async () => {
    await createUser({ roles: ["POLICE_ANALYST"] });
    await createUser({ roles: ["PARTNER_SUBMITTER"] });
    await verifyAndRecord(context);
    await signCheckpointNow(context);
    const exported = await exportCheckpoints(context);
    expect(exported.checkpoints.length).toBeGreaterThan(0);
    const before = await snapshot(prisma);

    const config = databaseConfig();
    const file = path.join(work, config.kind === "pglite" ? "backup.tar.gz" : "backup.dump");
    await backupDatabase(database(), config, file);

    let restored: PrismaClient;
    let close = async () => undefined as void;
    if (config.kind === "pglite") {
      const dataDir = path.join(work, "restored");
      await restoreDatabase({ kind: "pglite", dataDir }, file);
      const copy = openDatabase({ kind: "pglite", dataDir });
      restored = copy.prisma;
      close = () => copy.close();
    } else {
      // pg_restore restores into the schema the dump came from: empty it first, as after a loss.
      await database().exec(`DROP SCHEMA "${config.schema}" CASCADE`);
      await restoreDatabase(config, file);
      restored = prisma;
    }
    try {
      expect(await snapshot(restored)).toEqual(before);
      const verification = await verifyAuditTrail({ prisma: restored });
      expect(verification.intact).toBe(true);
      expect(verification.checkpointsChecked).toBeGreaterThan(0);
      for (const checkpoint of exported.checkpoints) {
        const event = await restored.auditEvent.findUnique({ where: { id: BigInt(checkpoint.eventId) }, select: { hash: true } });
        expect(event?.hash, `event ${checkpoint.eventId}`).toBe(checkpoint.hash);
      }
    } finally {
      await close();
    }
  });

  it("refuses to restore over a database that has data", async () => {
    const config = databaseConfig();
    const file = path.join(work, "refused");
    await backupDatabase(database(), config, file);
    const target = config.kind === "pglite" ? { kind: "pglite" as const, dataDir: work } : config;
    await expect(restoreDatabase(target, file)).rejects.toThrow(BackupError);
    expect(await prisma.user.count()).toBeGreaterThan(0);
  });
});

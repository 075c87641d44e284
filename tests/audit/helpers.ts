import type { Role } from "~/generated/prisma/enums";
import type { AuditContext } from "~/modules/audit/audit.server";
import { database } from "~/utils/db.server";

/** Runs SQL as the database owner with the append-only triggers off, as an attacker with that power would. */
export async function behindTheAppsBack(sql: string, params: unknown[] = []): Promise<void> {
  const db = database();
  await db.withConnection(async (conn) => {
    await conn.exec(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
    await conn.exec(`ALTER TABLE "AuditCheckpoint" DISABLE TRIGGER "AuditCheckpoint_append_only"`);
    await conn.exec(`ALTER TABLE "AuditSeal" DISABLE TRIGGER "AuditSeal_append_only"`);
    try {
      await conn.query(sql, params);
    } finally {
      await conn.exec(`ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"`);
      await conn.exec(`ALTER TABLE "AuditCheckpoint" ENABLE TRIGGER "AuditCheckpoint_append_only"`);
      await conn.exec(`ALTER TABLE "AuditSeal" ENABLE TRIGGER "AuditSeal_append_only"`);
    }
  });
}

export function contextFor(user: { id: string; email: string; organisationId: string; roles: Role[] }): AuditContext {
  return {
    actor: { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles },
    ipAddress: "203.0.113.7",
    userAgent: "vitest",
  };
}

import type { Express, Response } from "express";
import type { Database } from "~/utils/database.server";
import { readMigrations } from "~/utils/migrate.server";

/**
 * Health endpoints for load balancers and orchestrators. Unauthenticated and not audited (they
 * touch no personal data), and they answer only "ok" or "unavailable": no versions, counts or
 * error details.
 *
 *   GET /healthz  liveness: the process serves HTTP. Never touches the database, so a database
 *                 outage does not make an orchestrator restart healthy app processes.
 *   GET /readyz   readiness: the database answers and every migration this build carries has been
 *                 applied; 503 while shutting down, so a load balancer stops sending new requests.
 */
export class Lifecycle {
  /** Set when shutdown begins (by `stop`). */
  stopping = false;
  private readonly inFlight = new Set<Response>();

  /** Follows a response until it closes; once stopping, its connection is not kept for another request. */
  track(res: Response) {
    if (this.stopping) res.setHeader("Connection", "close");
    this.inFlight.add(res);
    res.once("close", () => this.inFlight.delete(res));
  }

  /** Begins draining: /readyz answers 503, and responses not yet started will close their connection. */
  stop() {
    this.stopping = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
  }
}

const READINESS_TIMEOUT_MS = 2_000;

async function migrationsCurrent(db: Database, expected: string[]): Promise<boolean> {
  const rows = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(rows.map((row) => row.migration_name));
  return expected.every((name) => applied.has(name));
}

/** Whether the database answers, with this build's migrations applied, within READINESS_TIMEOUT_MS. */
export async function isReady(db: Database, expectedMigrations: string[]): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READINESS_TIMEOUT_MS);
  });
  try {
    return await Promise.race([migrationsCurrent(db, expectedMigrations).catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function addHealthRoutes(app: Express, options: { lifecycle: Lifecycle; database: () => Database }) {
  let expected: string[] | undefined;
  const answer = (res: Response, ok: boolean) => {
    res.status(ok ? 200 : 503).set("Cache-Control", "no-store").type("text/plain").send(ok ? "ok" : "unavailable");
  };
  app.get("/healthz", (_req, res) => answer(res, true));
  app.get("/readyz", async (_req, res) => {
    if (options.lifecycle.stopping) return answer(res, false);
    try {
      expected ??= readMigrations().map((migration) => migration.name);
      answer(res, await isReady(options.database(), expected));
    } catch {
      answer(res, false); // e.g. the database cannot be opened at all
    }
  });
}

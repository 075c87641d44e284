/**
 * npm run bench:audit [-- --seconds 5]
 *
 * Audit append throughput on PostgreSQL from two app instances at once (two connection pools, as
 * two servers would have), at 1 and at 10 concurrent appends in all; then seals what was written
 * and verifies it as one trail. Needs DATABASE_URL (PostgreSQL); works in a throwaway schema of its
 * own, dropped at the end. A script for people, not a test: figures depend on the machine, so
 * compare runs made on the same machine (before/after ratios), not absolute numbers.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

const seconds = Number(process.argv[process.argv.indexOf("--seconds") + 1]) || 5;
const url = process.env.DATABASE_URL;
if (!url?.startsWith("postgres")) {
  console.error("bench:audit needs DATABASE_URL=postgresql://… (PostgreSQL: two instances need a shared database).");
  process.exit(1);
}
const schema = `bench_audit_${randomBytes(4).toString("hex")}`;
process.env.DATABASE_SCHEMA = schema;
process.env.AUDIT_SIGNING_KEY_PATH ??= `/tmp/bench-audit-key-${process.pid}.pem`;

const { openDatabase } = await import("~/utils/database.server");
const { migrate } = await import("~/utils/migrate.server");
const { recordAuditEvent, SYSTEM_AUDIT_CONTEXT } = await import("~/modules/audit/audit.server");
const { closeDatabase, database } = await import("~/utils/db.server");
const sealing = await import("~/modules/audit/sealing.server").catch(() => null);
const { verifyAuditTrail } = await import("~/modules/audit/verify.server");

const main = database();
await main.exec(`CREATE SCHEMA "${schema}"`);
const instances = [
  openDatabase({ kind: "postgres", url, schema, poolSize: 10 }),
  openDatabase({ kind: "postgres", url, schema, poolSize: 10 }),
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

async function run(concurrency: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let errors = 0;
  const worker = async (index: number) => {
    const client = instances[index % instances.length]!.prisma;
    while (performance.now() < until) {
      const started = performance.now();
      try {
        await recordAuditEvent(client, SYSTEM_AUDIT_CONTEXT, {
          action: "record.viewed",
          recordType: "Submission",
          recordId: randomUUID(),
          details: { bench: true },
        });
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${String(concurrency).padStart(2)} concurrent (two pools): ${(latencies.length / elapsed).toFixed(0).padStart(6)} appends/s; ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; ${errors} errors`,
  );
}

try {
  await migrate(main);
  await run(1);
  await run(10);
  if (sealing) {
    const started = performance.now();
    const sealed = await sealing.sealAuditEvents();
    const elapsed = (performance.now() - started) / 1000;
    console.log(`Sealed ${sealed.sealed} events in ${elapsed.toFixed(2)} s (${(sealed.sealed / elapsed).toFixed(0)} events/s).`);
  }
  const result = await verifyAuditTrail();
  console.log(`Verified: ${result.intact ? "intact" : "NOT INTACT"}, ${result.eventsChecked} events checked.`);
} finally {
  for (const instance of instances) await instance.close();
  await main.exec(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await closeDatabase();
}

/**
 * npm run load — a bounded load run against PostgreSQL with two app instances (issue 11).
 *
 * 100 concurrent signed-in users by default, a mixed workload (partners starting and saving drafts
 * and listing their submissions; analysts on the triage queue, record pages and search; DPOs
 * searching the audit trail) for LOAD_SECONDS (default 60). Loopback only; it stops by itself.
 * Afterwards it checks zero 5xx, zero lost writes (every answered draft is in the database), the
 * audit trail verifies, and each instance's memory stayed stable. Exits 1 if any check fails.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test npm run load
 *   LOAD_USERS=20 LOAD_SECONDS=10 npm run load      (the smaller run CI does)
 *
 * It works in a schema of its own (load_<time>), dropped at the end unless LOAD_KEEP=true.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Role } from "~/generated/prisma/enums";
import { sealAuditEvents } from "~/modules/audit/sealing.server";
import { verifyAuditTrail } from "~/modules/audit/verify.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession, sessionCookieName } from "~/modules/auth/session.server";
import { closeDatabase, database } from "~/utils/db.server";
import { migrate } from "~/utils/migrate.server";
import { buildIfStale } from "./build.mjs";
import { getPage, postForm, startInstance, type Instance } from "./lib/instances";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("npm run load needs DATABASE_URL (PostgreSQL): several instances cannot share embedded PGlite.");
  process.exit(1);
}
const USERS = Number(process.env.LOAD_USERS ?? 100);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const INSTANCES = 2;
const schema = `load_${Date.now()}`;

const DAY = 86_400_000;
// Set before anything reads the configuration: the app modules below (sessions) use this schema.
process.env.DATABASE_SCHEMA = schema;
const db = database();
await db.exec(`CREATE SCHEMA "${schema}"`);
await migrate(db);
const prisma = db.prisma;

console.log(`Load run: ${USERS} users, ${SECONDS} s, ${INSTANCES} instances, schema ${schema}.`);
await buildIfStale();

// A force, three councils sharing with it under agreements in force, some intelligence to triage.
const force = await prisma.organisation.create({ data: { name: "Load Police", type: "POLICE_FORCE" } });
const councils = await Promise.all(
  [1, 2, 3].map((i) => prisma.organisation.create({ data: { name: `Load Council ${i}`, type: "LOCAL_AUTHORITY" } })),
);
for (const council of councils) {
  await prisma.agreement.create({
    data: {
      reference: `ISA-LOAD-${council.name.slice(-1)}`,
      title: "Load agreement",
      status: "ACTIVE",
      classificationCeiling: "OFFICIAL_SENSITIVE",
      dataCategories: ["INTELLIGENCE_NARRATIVE", "ADDRESSES_AND_LOCATIONS"],
      startDate: new Date(Date.now() - 30 * DAY),
      endDate: new Date(Date.now() + 300 * DAY),
      reviewDate: new Date(Date.now() + 100 * DAY),
      retentionMonths: 24,
      parties: {
        create: [
          { organisationId: force.id, role: "CONTROLLER", leadName: "Lead", leadEmail: "lead@police.example" },
          { organisationId: council.id, role: "JOINT_CONTROLLER", leadName: "Lead", leadEmail: "lead@council.example" },
        ],
      },
    },
  });
}
const passwordHash = await hashPassword(randomBytes(16).toString("hex"));
type Kind = "partner" | "analyst" | "dpo";
const mix: Kind[] = Array.from({ length: USERS }, (_, i) => (i % 5 < 2 ? "partner" : i % 5 < 4 ? "analyst" : "dpo"));
const ROLE: Record<Kind, Role> = { partner: "PARTNER_SUBMITTER", analyst: "POLICE_ANALYST", dpo: "DATA_PROTECTION_OFFICER" };
const users = await Promise.all(
  mix.map(async (kind, i) => {
    const organisationId = kind === "partner" ? councils[i % 3]!.id : force.id;
    const user = await prisma.user.create({
      data: {
        email: `load-${i}@load.example`,
        name: `Load ${kind} ${i}`,
        organisationId,
        roles: [ROLE[kind]],
        passwordHash,
        totpSecret: null,
        totpEnrolledAt: new Date(),
      },
    });
    const { token } = await createSession(user.id, { mfaVerified: true });
    return { kind, id: user.id, email: user.email, cookie: `${sessionCookieName()}=${token}` };
  }),
);

const instances: Instance[] = [];
for (let i = 0; i < INSTANCES; i += 1) {
  instances.push(await startInstance({ DATABASE_URL: url, DATABASE_SCHEMA: schema, SEED_DEMO: "false" }));
}
console.log(`Instances: ${instances.map((i) => i.origin).join(", ")}`);

// What happened, for the report.
const statuses = new Map<number, number>();
const latencies: number[] = [];
const answeredDrafts: string[] = [];
const errors: string[] = [];
let stop = false;

async function timed(request: () => Promise<Response>): Promise<Response | null> {
  const started = performance.now();
  try {
    const response = await request();
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return response;
  } catch (error) {
    errors.push(String(error));
    return null;
  }
}

async function partner(user: (typeof users)[number], origin: string) {
  // "Start now" creates nothing: the draft is made by its first answer (with the form's one-time token).
  const started = await timed(() =>
    postForm(origin, "/submissions/new/what", user.cookie, { threatType: "COUNTY_LINES", narrative: "Load test: cars at all hours", formToken: randomUUID() }),
  );
  const draftId = /\/submissions\/([0-9a-f-]{36})\//.exec(started?.headers.get("Location") ?? "")?.[1];
  if (started?.status === 302 && draftId) answeredDrafts.push(draftId);
  await timed(() => getPage(origin, "/submissions", user.cookie));
}

async function analyst(user: (typeof users)[number], origin: string) {
  await timed(() => getPage(origin, "/triage", user.cookie));
  const submission = await prisma.submission.findFirst({ where: { status: { not: "DRAFT" } }, select: { id: true } });
  if (submission) await timed(() => getPage(origin, `/triage/${submission.id}`, user.cookie));
  await timed(() => getPage(origin, "/search?q=cars&justification=TRIAGE", user.cookie));
}

async function dpo(user: (typeof users)[number], origin: string) {
  await timed(() => getPage(origin, `/audit/events?person=${encodeURIComponent(users[0]!.email)}`, user.cookie));
}

const WORK = { partner, analyst, dpo };

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
const memory: number[][] = instances.map(() => []);
const startedAt = Date.now();
const sampler = setInterval(() => {
  instances.forEach((instance, i) => memory[i]!.push(rssMb(instance.process.pid!)));
  const elapsed = Math.round((Date.now() - startedAt) / 1000);
  const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  console.log(`  ${elapsed}s: ${latencies.length} requests, ${fivexx} 5xx, ${errors.length} errors, RSS ${memory.map((m) => Math.round(m.at(-1)!)).join("/")} MB`);
}, 5_000);
const timer = setTimeout(() => (stop = true), SECONDS * 1000);

await Promise.all(
  users.map(async (user, i) => {
    const origin = instances[i % INSTANCES]!.origin;
    while (!stop) await WORK[user.kind](user, origin);
  }),
);
clearInterval(sampler);
clearTimeout(timer);
const elapsedS = (Date.now() - startedAt) / 1000;

for (const instance of instances) instance.kill("SIGTERM");
await Promise.all(instances.map((i) => i.exited));

// Checks.
const problems: string[] = [];
const fivexx = [...statuses].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
if (fivexx > 0) problems.push(`${fivexx} responses were 5xx.`);
if (errors.length > 0) problems.push(`${errors.length} requests failed outright (first: ${errors[0]}).`);
const stored = await prisma.submission.count({ where: { id: { in: answeredDrafts } } });
if (stored !== answeredDrafts.length) problems.push(`Lost writes: ${answeredDrafts.length - stored} answered drafts are missing.`);
await sealAuditEvents();
const verification = await verifyAuditTrail();
if (!verification.intact) problems.push(`The audit trail does not verify: ${verification.firstProblem?.message}`);
// Memory: the first third of the run (at least 20 s) is warm-up (compiled routes, pools, caches) and
// is not judged. After it, the later half's peak must stay within 25% of the earlier half's. A run too
// short to have four samples after warm-up is judged only against the ceiling, and says so.
const WARM_UP_SAMPLES = Math.ceil(Math.max(20, SECONDS / 3) / 5);
const MEMORY_CEILING_MB = Number(process.env.LOAD_MEMORY_CEILING_MB ?? 600);
const growth = memory.map((samples) => {
  const steady = samples.slice(WARM_UP_SAMPLES);
  const peak = Math.max(...samples);
  if (steady.length < 4) return { judged: false as const, peak };
  const half = Math.floor(steady.length / 2);
  return { judged: true as const, peak, first: Math.max(...steady.slice(0, half)), second: Math.max(...steady.slice(half)) };
});
for (const [i, g] of growth.entries()) {
  if (g.peak > MEMORY_CEILING_MB) problems.push(`Instance ${i + 1} reached ${Math.round(g.peak)} MB, above the ${MEMORY_CEILING_MB} MB ceiling.`);
  if (g.judged && g.second > g.first * 1.25) problems.push(`Instance ${i + 1} memory grew after warm-up from ${Math.round(g.first)} to ${Math.round(g.second)} MB.`);
}

const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
console.log(`\nRequests: ${latencies.length} in ${elapsedS.toFixed(0)} s (${(latencies.length / elapsedS).toFixed(1)}/s); p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms.`);
console.log(`Statuses: ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(", ")}`);
console.log(`Answered drafts: ${answeredDrafts.length}; in the database: ${stored}.`);
console.log(`Audit events checked: ${verification.eventsChecked}; intact: ${verification.intact}.`);
console.log(
  `Memory (RSS MB): ${growth
    .map((g, i) => `instance ${i + 1} peak ${Math.round(g.peak)}` + (g.judged ? `, after warm-up ${Math.round(g.first)} then ${Math.round(g.second)}` : ", run too short to judge growth after warm-up (ceiling checked)"))
    .join("; ")}`,
);

if (process.env.LOAD_KEEP !== "true") await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
await closeDatabase();
if (problems.length > 0) {
  console.error(`\nLOAD RUN FAILED:\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}
console.log("\nLoad run passed: no 5xx, no lost writes, the audit trail verifies, memory stable.");

/**
 * npm run bench:plans — for each benchmark scenario, runs the page's domain function once in this
 * process against the benchmark database with every SQL statement captured (Prisma query events),
 * prints the statements and their times, and runs EXPLAIN (ANALYZE, BUFFERS) on the scenario's
 * slowest statement. Writes the plans into docs/performance.md (section "plans" for this scale).
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/portal_bench BENCH_SCALE=small npm run bench:plans
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "~/generated/prisma/client";
import { auditScopeFor } from "~/modules/audit/scope.server";
import { auditFiltersSchema, filtersWhere, searchAuditEvents } from "~/modules/audit/search.server";
import { requestAuditContext } from "~/modules/auth/auth.server";
import { sessionUserSelect } from "~/modules/auth/session.server";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { listRegister, registerFiltersSchema } from "~/modules/agreements/queries.server";
import type { Auth } from "~/modules/intelligence/access.server";
import { searchSchema, searchSubmissions } from "~/modules/intelligence/search.server";
import { listOrganisationSubmissions } from "~/modules/intelligence/submissions.server";
import { correlations, submissionForTriage, triageQueue } from "~/modules/intelligence/triage.server";
import type { Database } from "~/utils/database.server";
import { env } from "~/utils/env.server";
import { benchPlan, phoneOf, rareWordOf, userEmail, userId } from "./plan";

const config = env();
if (!config.DATABASE_URL) throw new Error("npm run bench:plans needs DATABASE_URL (the database filled by npm run bench:data)");
const plan = benchPlan();

interface Captured {
  query: string;
  params: unknown[];
  ms: number;
}
let captured: Captured[] = [];

const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 4, options: `-c search_path="${config.DATABASE_SCHEMA}"` });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema: config.DATABASE_SCHEMA }), log: [{ emit: "event", level: "query" }] });
prisma.$on("query", (event) => {
  let params: unknown[] = [];
  try {
    params = JSON.parse(event.params) as unknown[];
  } catch {
    params = [];
  }
  captured.push({ query: event.query, params, ms: event.duration });
});
// The app's modules use the process's database (db.server.ts keeps it on globalThis): this one.
(globalThis as unknown as { __database?: Database }).__database = {
  kind: "postgres",
  prisma,
  exec: async (sql) => void (await pool.query(sql)),
  query: async (sql, params) => (await pool.query(sql, params)).rows,
  withConnection: async (work) => {
    const client = await pool.connect();
    try {
      return await work({ exec: async (sql) => void (await client.query(sql)), query: async (sql, params) => (await client.query(sql, params)).rows });
    } finally {
      client.release();
    }
  },
  close: async () => {
    await prisma.$disconnect();
    await pool.end();
  },
} as Database;

async function authFor(id: string): Promise<Auth> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id }, select: sessionUserSelect });
  const now = new Date();
  return {
    user,
    ability: defineAbilityFor({ ...user, organisationType: user.organisation.type }, now),
    audit: requestAuditContext(new Request("http://bench/"), { clientAddress: "127.0.0.1", cspNonce: "", requestId: "bench" }, user),
  };
}

function londonDate(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

const NOISE = /^(BEGIN|COMMIT|ROLLBACK|SELECT pg_advisory|SET )/i;

async function explain(statement: Captured): Promise<string> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // ANALYZE runs the statement: inside a transaction that is rolled back, writes leave nothing.
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.query}`, statement.params);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  } catch (error) {
    return `(EXPLAIN failed: ${(error as Error).message})`;
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

async function main() {
  const analyst = await authFor(userId(0));
  const dpo = await authFor(userId(36));
  const partner = await authFor(userId(2 * plan.usersPerOrganisation));
  const open = await prisma.submission.findFirstOrThrow({
    where: { status: "RECEIVED", classification: "OFFICIAL", agreement: { status: "ACTIVE" } },
    orderBy: { submittedAt: "desc" },
    select: { id: true },
  });
  const person = userEmail(5);
  // Each scenario, and the statement that is its main query (the one whose plan matters).
  const scenarios: [string, () => Promise<unknown>, RegExp][] = [
    ["triage queue", () => triageQueue(analyst, {}, null), /COALESCE\("riskLevel", 6\) AS "rank"/],
    ["triage queue, one status", () => triageQueue(analyst, { status: "BEING_ASSESSED" }, null), /COALESCE\("riskLevel", 6\) AS "rank"/],
    [
      "record page (load and correlations)",
      async () => {
        const submission = await submissionForTriage(analyst, open.id);
        await correlations(analyst, submission);
      },
      /WITH m AS MATERIALIZED/,
    ],
    ["identifier search", () => searchSubmissions(analyst, searchSchema.parse({ identifier: phoneOf(plan, Math.floor(plan.submissions / 3)).display, justification: "TRIAGE" })), /WITH m AS MATERIALIZED/],
    ["text search, rare", () => searchSubmissions(analyst, searchSchema.parse({ q: rareWordOf(Math.floor(plan.submissions / 2)), justification: "TRIAGE" })), /WITH m AS MATERIALIZED/],
    ["text search, common", () => searchSubmissions(analyst, searchSchema.parse({ q: "scooter stairwell", justification: "TRIAGE" })), /WITH m AS MATERIALIZED/],
    [
      "DPO audit search by person, 30 days",
      async () => {
        const scope = (await auditScopeFor(dpo.user))!;
        const filters = auditFiltersSchema.parse({ person, from: londonDate(210), to: londonDate(180) });
        await searchAuditEvents(scope, await filtersWhere(filters), {});
      },
      /FROM "public"\."AuditEvent" WHERE \(/,
    ],
    ["partner's submissions", () => listOrganisationSubmissions(partner, null), /"Submission"\."submitterId" = \$|ORDER BY "public"\."Submission"\."submittedAt" DESC/],
    ["agreements register", () => listRegister(analyst.ability, registerFiltersSchema.parse({}), new Date()), /SELECT "public"\."Agreement"\."id", "public"\."Agreement"\."reference", "public"\."Agreement"\."title"/],
  ];
  const sections: string[] = [];
  for (const [name, run, main] of scenarios) {
    captured = [];
    const started = performance.now();
    await run();
    const total = performance.now() - started;
    const statements = captured.filter((c) => !NOISE.test(c.query.trim()));
    const slowest = statements.find((c) => main.test(c.query)) ?? [...statements].sort((a, b) => b.ms - a.ms)[0];
    console.log(`\n== ${name}: ${captured.length} statements, ${total.toFixed(0)} ms in all`);
    for (const c of captured) console.log(`  ${String(c.ms).padStart(5)} ms  ${c.query.replace(/\s+/g, " ").slice(0, 140)}`);
    if (!slowest) continue;
    const planText = await explain(slowest);
    console.log(planText);
    sections.push(
      [
        `#### ${name}`,
        "",
        `${captured.length} statements (including transaction control and the audit append), ${total.toFixed(0)} ms end to end in-process on a shared, busy machine. Main statement (${slowest.ms.toFixed(1)} ms as Prisma timed it):`,
        "",
        "```sql",
        slowest.query.trim(),
        "```",
        "",
        "```",
        planText,
        "```",
        "",
      ].join("\n"),
    );
  }
  writeSection(sections.join("\n"));
  await prisma.$disconnect();
  await pool.end();
}

function writeSection(body: string) {
  const file = path.resolve("docs/performance.md");
  const start = `<!-- plans:${plan.scale}:start -->`;
  const end = `<!-- plans:${plan.scale}:end -->`;
  const block = `${start}\n### Query plans, BENCH_SCALE=${plan.scale} (${new Date().toISOString().slice(0, 10)})\n\n${body}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Performance\n\n";
  if (text.includes(start) && text.includes(end)) text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, text);
  console.log(`\nWrote the plans into ${path.relative(process.cwd(), file)}`);
}

await main();

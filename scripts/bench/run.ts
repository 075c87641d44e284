/**
 * npm run bench — builds the portal, starts the production server on the benchmark database, and
 * drives it over HTTP from this (separate) process with autocannon, with real signed-in sessions
 * created through the app's session module, at 1 and 20 connections. Prints the results and writes
 * them into docs/performance.md (its section for this BENCH_SCALE), with the date, the machine and
 * the commit, and each scenario's throughput as a ratio of the bare baseline measured in the same run.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/portal_bench BENCH_SCALE=small npm run bench
 *
 * Needs the data from `npm run bench:data` (same BENCH_SCALE). Options: BENCH_PORT (3206),
 * BENCH_DURATION seconds per run (10; tiny 2), BENCH_CONNECTIONS ("1,20"), BENCH_ONLY (scenario
 * names, comma-separated), BENCH_SKIP_BUILD=1, BENCH_SERVER_NODE_ARGS (flags for the server's node,
 * e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it; Node refuses those in NODE_OPTIONS),
 * BENCH_SERVER_LOG (a file for the server's request log, e.g. to see why requests failed).
 */
import { spawn, spawnSync, execSync, type ChildProcess } from "node:child_process";
import { existsSync, openSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createSession, sessionCookieName } from "~/modules/auth/session.server";
import { SERVER_BUNDLE } from "../build.mjs";
import { closeDatabase } from "~/utils/db.server";
import { benchPlan, openVisibleSubmission, phoneOf, rareWordOf, submissionId, userEmail, userId } from "./plan";
import { benchDatabase, type SqlClient } from "./sql";

// The server and this process share the configuration: production, secure cookie names.
process.env.NODE_ENV = "production";
// PostgreSQL (DATABASE_URL), or embedded PGlite in PGLITE_DATA_DIR: whichever bench:data filled.
const target = benchDatabase();
const plan = benchPlan();
const PORT = Number(process.env.BENCH_PORT ?? 3206);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION ?? (plan.scale === "tiny" ? 2 : 10));
// Embedded PGlite is one process with one connection: its budget is at 5 connections.
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? (target.kind === "pglite" ? "1,5" : "1,20")).split(",").map(Number);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(",")) : null;

interface Scenario {
  name: string;
  description: string;
  cookie?: string;
  method?: "GET" | "POST";
  /** A fixed path, or a function giving each request's path. */
  path: string | (() => string);
  body?: string;
}

interface Measured {
  scenario: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  failures: number;
  statuses: Record<string, number>;
  ratio?: number;
  /** Throughput as a share of the sign-in page's: a server-rendered page with no database work. */
  renderedRatio?: number;
  /** The server's largest RSS sampled during this measurement, MB. */
  rssPeak: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The largest single process RSS in the tree (the app server itself), in MB. */
function maxRssMb(pid: number): number {
  let max = 0;
  const visit = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (rss) max = Math.max(max, Number(rss[1]) / 1024);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        for (const child of readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
      }
    } catch {
      // The process ended.
    }
  };
  visit(pid);
  return max;
}

async function waitForServer(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (code ${server.exitCode})`);
    try {
      const response = await fetch(`${BASE}/bench/baseline`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The server did not start within two minutes");
}

/** Complete drafts for the write path: each POST submits one, so there must be enough for the run. */
async function prepareDrafts(client: SqlClient, count: number): Promise<string[]> {
  const submitter = 2 * plan.usersPerOrganisation; // the first submitter of partner organisation 2
  // Drafts left by an earlier run would sit in front of the partner's list (NULL submittedAt).
  await client.query(`DELETE FROM "Submission" WHERE status = 'DRAFT' AND "submitterId" = md5('user'||$1::int)::uuid AND narrative LIKE 'Bench report:%'`, [submitter]);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Submission" (id, status, "organisationId", "submitterId", "agreementId", "areaId", "threatType", narrative,
       "observedFrom", "dataCategories", classification, "sourceEvaluation", "intelligenceAssessment", "handlingCode", "updatedAt")
     SELECT gen_random_uuid(), 'DRAFT', md5('org2')::uuid, md5('user'||$1::int)::uuid, md5('agr0')::uuid, md5('area2')::uuid,
            'DRUG_SUPPLY', 'Bench report: cars stopping briefly outside the shop late at night.', now() - interval '1 day',
            enum_range(NULL::"DataCategory"), 'OFFICIAL', 'RELIABLE', 'B', 'P', now()
     FROM generate_series(1, $2::int) RETURNING id`,
    [submitter, count],
  );
  return rows.map((r) => r.id);
}

/** An open submission the analyst may assess (received, OFFICIAL, under an agreement in force). */
function londonDate(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

async function run(scenario: Scenario, connections: number, serverPid: number, rss: number[]): Promise<Measured> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const headers: Record<string, string> = { "user-agent": "portal-bench" };
  if (scenario.cookie) headers.cookie = scenario.cookie;
  if (scenario.method === "POST") {
    headers.origin = BASE;
    headers["sec-fetch-site"] = "same-origin";
    headers["content-type"] = "application/x-www-form-urlencoded";
  }
  const nextPath = typeof scenario.path === "function" ? scenario.path : null;
  const samples: number[] = [];
  const sampler = setInterval(() => samples.push(maxRssMb(serverPid)), 500);
  const instance = autocannon({
    url: BASE,
    connections,
    duration: DURATION,
    timeout: 30,
    headers,
    requests: [
      {
        method: scenario.method ?? "GET",
        path: typeof scenario.path === "string" ? scenario.path : "/",
        body: scenario.body,
        ...(nextPath ? { setupRequest: (request: autocannon.Request) => ({ ...request, path: nextPath() }) } : {}),
      },
    ],
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  clearInterval(sampler);
  rss.push(...samples);
  latencies.sort((a, b) => a - b);
  const ok = Object.entries(statuses).reduce((n, [code, count]) => (Number(code) < 400 ? n + count : n), 0);
  return {
    scenario: scenario.name,
    connections,
    requests: latencies.length,
    rps: ok / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: latencies.length - ok + result.errors + result.timeouts,
    statuses,
    rssPeak: samples.length ? Math.max(...samples) : NaN,
  };
}

function machine() {
  const commit = (() => {
    try {
      return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim() + (execSync("git status --porcelain", { encoding: "utf8" }).trim() ? " (with uncommitted changes)" : "");
    } catch {
      return "unknown";
    }
  })();
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    load: os.loadavg().map((l) => l.toFixed(2)).join(" "),
    node: process.version,
    commit,
  };
}

const percent = (ratio: number | undefined) => (ratio === undefined ? "" : `${(ratio * 100).toFixed(1)}%`);

/** Latency in ms; "—" when no request completed within the measurement (all took longer). */
const ms = (value: number) => (Number.isNaN(value) ? "—" : value.toFixed(0));

function report(results: Measured[], rssPeak: number, rssMedian: number, descriptions: Map<string, string>): string {
  const m = machine();
  const lines = [
    `### BENCH_SCALE=${plan.scale}: ${plan.submissions.toLocaleString("en-GB")} submissions, ${(plan.submissions * plan.entitiesPer).toLocaleString("en-GB")} entities, ${plan.auditEvents.toLocaleString("en-GB")} audit events`,
    "",
    `Run ${m.date} on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB memory, load average before the run ${m.load}; Node ${m.node}; commit ${m.commit}. ` +
      `${target.label === "PostgreSQL" ? "PostgreSQL" : "Embedded PGlite"}, production build, ${DURATION} s per measurement. The machine is shared with other engineers' work: compare ratios to the baseline of the same run rather than absolute figures.`,
    "",
    "| Scenario | Connections | req/s | p50 ms | p95 ms | p99 ms | × baseline | × sign-in page | RSS peak MB | failed | statuses |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.scenario} | ${r.connections} | ${r.rps.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${percent(r.ratio)} | ${percent(r.renderedRatio)} | ${r.rssPeak.toFixed(0)} | ${r.failures} | ${Object.entries(r.statuses).map(([c, n]) => `${c}×${n}`).join(" ")} |`,
    ),
    "",
    "A dash: no request completed within the measurement (each took longer than it).",
    "",
    `App server memory under load (largest process's RSS, sampled every 0.5 s): peak ${rssPeak.toFixed(0)} MB, median ${rssMedian.toFixed(0)} MB.`,
    "",
    "Scenarios:",
    "",
    ...[...descriptions].map(([name, description]) => `- **${name}**: ${description}`),
    "",
  ];
  return lines.join("\n");
}

function writeReport(section: string) {
  const file = path.resolve("docs/performance.md");
  const key = target.kind === "pglite" ? `${plan.scale}-pglite` : plan.scale;
  const start = `<!-- bench:${key}:start -->`;
  const end = `<!-- bench:${key}:end -->`;
  let text = existsSync(file)
    ? readFileSync(file, "utf8")
    : "# Performance\n\nFigures written by `npm run bench` (see scripts/bench); the analysis around them is written by hand.\n\n## Latest benchmark runs\n\n";
  const block = `${start}\n${section}\n${end}`;
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + block + text.slice(text.indexOf(end) + end.length);
  } else {
    const marker = "## Latest benchmark runs\n\n";
    text = text.includes(marker) ? text.replace(marker, `${marker}${block}\n\n`) : `${text}\n${block}\n`;
  }
  writeFileSync(file, text);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log("Building the production bundle…");
    // npm run build: the Remix app and build/server.js, the server's production entry point.
    const build = spawnSync(process.execPath, [path.resolve("scripts/build.mjs")], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("The build failed");
  }

  // Sessions, through the app's own session module (the same rows a sign-in with TOTP creates).
  const analyst = userId(0); // Bench Police Force, police analyst
  const dpo = userId(36); // Bench Police Force, data protection officer
  const partner = userId(2 * plan.usersPerOrganisation); // partner organisation 2, submitter
  const cookieOf = async (id: string) => `${sessionCookieName()}=${(await createSession(id, { mfaVerified: true, userAgent: "portal-bench" })).token}`;
  const [analystCookie, dpoCookie, partnerCookie] = [await cookieOf(analyst), await cookieOf(dpo), await cookieOf(partner)];
  const client = await target.open();
  const drafts = await prepareDrafts(client, Math.max(500, DURATION * 400 * CONNECTIONS.length));
  await client.close();
  // Before the server starts: embedded PGlite's directory is one process's at a time.
  await closeDatabase();
  let draftIndex = 0;

  const record = openVisibleSubmission(plan);
  const phone = phoneOf(plan, Math.floor(plan.submissions / 3));
  const person = userEmail(5); // an analyst of the force: the DPO's own organisation
  const scenarios: Scenario[] = [
    { name: "baseline", description: "`GET /bench/baseline`: a bare route of the same server (no session, no database, no rendering): the framework's limit here", path: "/bench/baseline" },
    { name: "sign-in page", description: "`GET /sign-in` without a cookie: a server-rendered page with no database work", path: "/sign-in" },
    { name: "triage queue", description: "analyst, `GET /triage`: open submissions shared with the force, 25 rows, access rules in the database, audit event written", cookie: analystCookie, path: "/triage" },
    { name: "record page", description: "analyst, `GET /triage/<id>`: one open submission with its correlation panel, audit events written", cookie: analystCookie, path: `/triage/${submissionId(record)}` },
    { name: "identifier search", description: `analyst, \`GET /search?identifier=${phone.display}\`: a phone number named in about two submissions`, cookie: analystCookie, path: `/search?identifier=${encodeURIComponent(phone.display)}&justification=TRIAGE` },
    { name: "text search, rare", description: "analyst, full-text search for a word in exactly one narrative", cookie: analystCookie, path: `/search?q=${rareWordOf(Math.floor(plan.submissions / 2))}&justification=TRIAGE` },
    { name: "text search, common", description: "analyst, full-text search for two words found together in about one narrative in 35 (more matches than the index-first cap)", cookie: analystCookie, path: `/search?q=${encodeURIComponent("scooter stairwell")}&justification=TRIAGE` },
    {
      name: "DPO audit search",
      description: `data protection officer, \`GET /audit/events?person=${person}&from=…&to=…\`: one person's events over 30 days six months back`,
      cookie: dpoCookie,
      path: `/audit/events?person=${encodeURIComponent(person)}&from=${londonDate(210)}&to=${londonDate(180)}`,
    },
    {
      name: "partner submits",
      description: "partner submitter, `POST /submissions/<id>/check`: submits a complete draft (agreement re-checked, reference, audit event, one transaction), a new draft each request",
      cookie: partnerCookie,
      method: "POST" as const,
      path: () => `/submissions/${drafts[draftIndex++ % drafts.length]}/check`,
      body: "",
    },
    { name: "partner's submissions", description: "partner submitter, `GET /submissions`: their organisation's submissions, newest first, with feedback counts", cookie: partnerCookie, path: "/submissions" },
    { name: "agreements register", description: "analyst, `GET /agreements`: the register, 200 agreements in every state", cookie: analystCookie, path: "/agreements" },
  ].filter((s) => !ONLY || ONLY.has(s.name) || s.name === "baseline" || s.name === "sign-in page");

  console.log(`Starting the server on port ${PORT}…`);
  // What production runs (`node build/server.js`, as npm start does): no tsx compiling TypeScript in the
  // server process, whose transforms and source maps the memory figures would otherwise include.
  // The heap limit npm start gives production (package.json), unless told otherwise.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "--max-old-space-size=256").split(" ").filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, path.resolve(SERVER_BUNDLE)], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", BENCH_BASELINE_ROUTE: "true", SEED_DEMO: "false" },
    // The request log (JSON lines on stdout) only when asked for: writing it costs the server CPU.
    stdio: ["ignore", process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, "w") : "ignore", "inherit"],
  });
  const results: Measured[] = [];
  const rss: number[] = [];
  try {
    await waitForServer(server);
    // One request each to warm up the code paths and the database's caches.
    for (const s of scenarios) {
      if (s.method === "POST") continue;
      await fetch(`${BASE}${typeof s.path === "string" ? s.path : s.path()}`, { headers: s.cookie ? { cookie: s.cookie } : {}, redirect: "manual" });
    }
    for (const connections of CONNECTIONS) {
      for (const scenario of scenarios) {
        const measured = await run(scenario, connections, server.pid!, rss);
        results.push(measured);
        console.log(
          `${scenario.name.padEnd(22)} c=${String(connections).padStart(2)}  ${measured.rps.toFixed(1).padStart(7)} req/s  p50 ${measured.p50.toFixed(0).padStart(5)} ms  p95 ${measured.p95.toFixed(0).padStart(5)} ms  p99 ${measured.p99.toFixed(0).padStart(5)} ms  failed ${measured.failures}`,
        );
      }
    }
  } finally {
    server.kill("SIGTERM");
  }
  for (const r of results) {
    const baseline = results.find((b) => b.scenario === "baseline" && b.connections === r.connections);
    if (baseline && baseline.rps > 0) r.ratio = r.rps / baseline.rps;
    const rendered = results.find((b) => b.scenario === "sign-in page" && b.connections === r.connections);
    if (rendered && rendered.rps > 0) r.renderedRatio = r.rps / rendered.rps;
  }
  const sortedRss = [...rss].sort((a, b) => a - b);
  const section = report(results, sortedRss.at(-1) ?? NaN, percentile(sortedRss, 50), new Map(scenarios.map((s) => [s.name, s.description])));
  console.log(`\n${section}`);
  writeReport(section);
  // A scenario that answered with errors is broken, not slow: fail (a smoke run checks this).
  const broken = results.filter((r) => r.failures > 0 && r.connections === Math.min(...CONNECTIONS));
  if (broken.length > 0) {
    console.error(`Failed requests in: ${broken.map((r) => r.scenario).join(", ")}`);
    process.exitCode = 1;
  }
}

await main();

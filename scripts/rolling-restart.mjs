/**
 * npm run reliability:restarts — a rolling restart of two app instances under load, on
 * PostgreSQL, loses no request (issue 11, operations).
 *
 *   DATABASE_URL=postgresql://… npm run reliability:restarts [-- --seconds-between 5 --workers 8]
 *
 * Starts two instances of the built server (`node build/server.js`) on ports ROLLING_PORT_A/B
 * (default 3282/3283) in a throwaway schema of DATABASE_URL's database, and drives them with
 * concurrent clients through a tiny load balancer that does what a real one does: it sends requests
 * only to instances whose /readyz answers 200 and, when a connection is refused (the request never
 * left), sends it to the other instance. Meanwhile it restarts instance A (SIGTERM, wait for exit,
 * start, wait for /readyz), then instance B. The workload mixes page views (GET /sign-in) and
 * database writes (failed sign-ins: a throttle row and an audit event each, or a throttled answer).
 *
 * A request is LOST if it was sent and then got a 5xx, a reset connection or no answer. The script
 * prints progress, then the counts, and exits 1 if any request was lost or a shutdown took 10 s or
 * more. Loopback only; stops by itself; drops its schema at the end.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { buildIfStale } from "./build.mjs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const WORKERS = option("workers", 8);
const SETTLE_MS = option("seconds-between", 5) * 1000;
const SHUTDOWN_LIMIT_MS = 10_000;
const PORTS = [Number(process.env.ROLLING_PORT_A ?? 3282), Number(process.env.ROLLING_PORT_B ?? 3283)];

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) {
  console.error("Set DATABASE_URL to a PostgreSQL database: this check is about several instances.");
  process.exit(2);
}
const schema = `rolling_${randomBytes(5).toString("hex")}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** One instance of the portal: the process, and whether the load balancer sends it requests. */
class Instance {
  constructor(name, port) {
    this.name = name;
    this.port = port;
    this.inRotation = false;
    this.child = null;
  }

  start() {
    this.child = spawn(process.execPath, ["build/server.js"], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        COOKIE_SECURE: "false",
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        PORT: String(this.port),
        HOST: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        DATABASE_SCHEMA: schema,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  async ready() {
    const status = await probe(this.port, "/readyz");
    return status === 200;
  }

  async waitReady(limitMs = 120_000) {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      if (await this.ready()) return;
      await sleep(200);
    }
    throw new Error(`${this.name} did not become ready`);
  }

  /** SIGTERM, as a process manager would; resolves with how long the process took to exit. */
  async stop() {
    const started = Date.now();
    this.child.kill("SIGTERM");
    const code = await Promise.race([this.exited, sleep(SHUTDOWN_LIMIT_MS + 5_000).then(() => "timeout")]);
    if (code === "timeout") this.child.kill("SIGKILL");
    return { ms: Date.now() - started, code };
  }
}

function probe(port, path) {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path, agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
    req.on("timeout", () => req.destroy());
  });
}

const instances = PORTS.map((port, i) => new Instance(i === 0 ? "A" : "B", port));
const counts = { sent: 0, ok: 0, refusedAndRetried: 0, lost: 0, byStatus: {} };
const lostDetails = [];

/** The load balancer's health checks: an instance is in rotation while its /readyz answers 200. */
async function healthChecks(signal) {
  while (!signal.stopped) {
    await Promise.all(instances.map(async (instance) => (instance.inRotation = await instance.ready())));
    await sleep(250);
  }
}

let next = 0;
function pick(exclude) {
  const candidates = instances.filter((instance) => instance.inRotation && instance !== exclude);
  if (candidates.length === 0) return null;
  return candidates[next++ % candidates.length];
}

/** Sends one request; "refused" means it never reached the instance (safe to send elsewhere). */
function send(instance, request) {
  return new Promise((resolve) => {
    let connected = false;
    const req = http.request(
      { host: "127.0.0.1", port: instance.port, path: request.path, method: request.method, agent: false, headers: request.headers, timeout: 30_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode }));
        res.on("error", (error) => resolve({ error: error.message }));
      },
    );
    req.on("socket", (socket) => socket.once("connect", () => (connected = true)));
    req.on("timeout", () => req.destroy(new Error("no answer within 30 s")));
    req.on("error", (error) => resolve(connected ? { error: error.message } : { refused: true }));
    req.end(request.body);
  });
}

function nextRequest(worker, i, port) {
  if (i % 3 !== 0) return { method: "GET", path: "/sign-in" };
  const body = `email=worker${worker}%40load.example&password=not-the-password-${i}`;
  return {
    method: "POST",
    path: "/sign-in?index",
    body,
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": Buffer.byteLength(body),
      Origin: `http://127.0.0.1:${port}`,
      "X-Forwarded-For": `198.51.100.${worker}`,
    },
  };
}

async function worker(id, signal) {
  for (let i = 0; !signal.stopped; i++) {
    let exclude = null;
    for (let attempt = 0; attempt < 20; attempt++) {
      const instance = pick(exclude);
      if (!instance) {
        await sleep(100);
        continue;
      }
      const request = nextRequest(id, i, instance.port);
      const result = await send(instance, request);
      if (result.refused) {
        counts.refusedAndRetried++;
        exclude = instance;
        continue;
      }
      counts.sent++;
      if (result.status) counts.byStatus[result.status] = (counts.byStatus[result.status] ?? 0) + 1;
      if (result.status && result.status < 500) counts.ok++;
      else {
        counts.lost++;
        lostDetails.push(`${request.method} ${request.path} on ${instance.name}: ${result.error ?? result.status}`);
      }
      break;
    }
  }
}

async function main() {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const failures = [];
  try {
    if (await buildIfStale()) log("Built.");
    for (const instance of instances) instance.start();
    await Promise.all(instances.map((instance) => instance.waitReady()));
    log(`Instances A (:${PORTS[0]}) and B (:${PORTS[1]}) ready in schema ${schema}; ${WORKERS} clients start.`);

    const signal = { stopped: false };
    const checks = healthChecks(signal);
    const workers = Array.from({ length: WORKERS }, (_, id) => worker(id + 1, signal));
    const progress = setInterval(() => log(`sent ${counts.sent}, ok ${counts.ok}, lost ${counts.lost}, refused and sent elsewhere ${counts.refusedAndRetried}`), 2_000);

    await sleep(SETTLE_MS);
    for (const instance of instances) {
      log(`Restarting ${instance.name}: SIGTERM.`);
      const { ms, code } = await instance.stop();
      log(`${instance.name} exited with ${code} after ${ms} ms.`);
      if (ms >= SHUTDOWN_LIMIT_MS) failures.push(`${instance.name} took ${ms} ms to shut down`);
      instance.start();
      await instance.waitReady();
      log(`${instance.name} is ready again.`);
      await sleep(SETTLE_MS);
    }
    signal.stopped = true;
    await Promise.all(workers);
    await checks;
    clearInterval(progress);
  } finally {
    for (const instance of instances) if (instance.child && instance.child.exitCode === null) await instance.stop();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  }

  log(`Done: ${counts.sent} requests answered by an instance (${JSON.stringify(counts.byStatus)}), ${counts.refusedAndRetried} connections refused and sent to the other instance, ${counts.lost} lost.`);
  for (const line of lostDetails.slice(0, 20)) console.error(`  lost: ${line}`);
  if (counts.lost > 0) failures.push(`${counts.lost} request(s) lost`);
  if (counts.sent === 0) failures.push("no requests were made");
  if (failures.length) {
    console.error(`FAILED: ${failures.join("; ")}`);
    process.exitCode = 1;
  } else {
    log("No request lost; every shutdown finished within 10 s.");
  }
}

await main();

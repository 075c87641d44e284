import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildApp } from "../security/server";

/**
 * Defect 10: `kill -TERM <npm pid>` left the server running, holding its port and data (npm → sh →
 * tsx → node: the shell did not pass the signal on). The real `npm start`, as a process manager runs
 * it: SIGTERM to npm alone drains requests in flight and stops everything within 10 seconds, even
 * with a connection that never completes; and a server whose npm dies without a word stops too.
 */
const SHUTDOWN_LIMIT_MS = 10_000;
const dataRoot = mkdtempSync(path.join(tmpdir(), "portal-start-test-"));
const dataDir = path.join(dataRoot, "pglite");
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(dataRoot, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean> | boolean, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await sleep(100);
  }
  return condition();
}

interface Started {
  npm: ChildProcess;
  port: number;
  serverPid: number;
  output: () => string;
  exited: Promise<void>;
}

async function npmStart(): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "development",
    PORT: String(port),
    HOST: "127.0.0.1",
    PGLITE_DATA_DIR: dataDir,
    AUDIT_SIGNING_KEY_PATH: path.join(dataRoot, "audit-key.pem"),
    SEED_DEMO: "true",
  };
  delete env.DATABASE_URL;
  delete env.DATABASE_SCHEMA;
  const npm = spawn("npm", ["start"], { env, stdio: ["ignore", "pipe", "pipe"] });
  started.push(npm);
  let output = "";
  npm.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  const up = await until(async () => {
    if (npm.exitCode !== null) return true;
    try {
      return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
    } catch {
      return false;
    }
  }, 240_000);
  expect(up && npm.exitCode === null, output).toBe(true);
  const lock = JSON.parse(readFileSync(path.join(dataDir, "portal.lock"), "utf8")) as { pid: number };
  return { npm, port, serverPid: lock.pid, output: () => output, exited };
}

/** A POST whose body is only half sent: in flight until `finish` sends the rest. */
async function halfSentPost(port: number) {
  const socket: Socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  let response = "";
  socket.on("data", (chunk: Buffer) => (response += chunk.toString()));
  const ended = new Promise<void>((resolve) => {
    socket.once("close", () => resolve());
    socket.once("error", () => resolve());
  });
  const body = "email=nobody%40example.org&password=not-the-password";
  socket.write(
    [
      "POST /sign-in?index HTTP/1.1",
      `Host: 127.0.0.1:${port}`,
      `Origin: http://127.0.0.1:${port}`,
      "Content-Type: application/x-www-form-urlencoded",
      `Content-Length: ${body.length}`,
      "",
      body.slice(0, 10),
    ].join("\r\n"),
  );
  return {
    async finish() {
      socket.write(body.slice(10));
      await ended;
      return response;
    },
  };
}

describe("npm start and SIGTERM", { timeout: 600_000 }, () => {
  it("prints the URL and demo accounts, and a SIGTERM to npm alone drains requests in flight and stops everything within 10 s", async () => {
    await buildApp(); // npm start would build too; here the build is shared with the other test files
    const run = await npmStart();
    expect(run.output()).toContain(`running at http://localhost:${run.port}`);
    expect(run.output()).toContain("alex.analyst@westmercia.police.example");
    expect(run.serverPid).not.toBe(run.npm.pid);

    const inFlight = await Promise.all([halfSentPost(run.port), halfSentPost(run.port)]);
    // A connection that never finishes its request must not hold the shutdown up.
    const stuck = connect(run.port, "127.0.0.1");
    stuck.on("error", () => undefined);
    await new Promise((resolve) => stuck.once("connect", resolve));
    stuck.write(`GET /sign-in HTTP/1.1\r\nHost: 127.0.0.1:${run.port}\r\n`);
    await sleep(500); // let the server read what was sent

    const signalledAt = Date.now();
    process.kill(run.npm.pid!, "SIGTERM");
    // Shutting down: no new connections...
    expect(await until(async () => !(await accepts(run.port)), SHUTDOWN_LIMIT_MS)).toBe(true);
    // ...but the requests in flight are answered in full.
    for (const request of inFlight) {
      const response = await request.finish();
      expect(response).toMatch(/^HTTP\/1\.1 [234]\d\d /);
      expect(response.toLowerCase()).toContain("connection: close");
    }

    await Promise.race([run.exited, sleep(SHUTDOWN_LIMIT_MS)]);
    expect(Date.now() - signalledAt).toBeLessThan(SHUTDOWN_LIMIT_MS);
    expect(alive(run.npm.pid!)).toBe(false);
    expect(alive(run.serverPid)).toBe(false);
    expect(await accepts(run.port)).toBe(false);
    expect(existsSync(path.join(dataDir, "portal.lock"))).toBe(false);
    stuck.destroy();
  });

  it("stops the server when npm is killed outright (SIGKILL), releasing the port and the data directory", async () => {
    const run = await npmStart();
    const killedAt = Date.now();
    process.kill(run.npm.pid!, "SIGKILL");
    expect(await until(() => !alive(run.serverPid), SHUTDOWN_LIMIT_MS)).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(SHUTDOWN_LIMIT_MS);
    expect(await accepts(run.port)).toBe(false);
    expect(existsSync(path.join(dataDir, "portal.lock"))).toBe(false);
  });
});

import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestAuditContext, signInAttempt } from "~/modules/auth/auth.server";
import { database } from "~/utils/db.server";
import { parseEnv } from "~/utils/env.server";
import { readMigrations } from "~/utils/migrate.server";
import { isReady, Lifecycle } from "../../server/health";
import { createLogger, loggedPath } from "../../server/request-log";
import { testContext } from "../helpers/remix";
import { buildApp, startTestServer, type RunningServer } from "../security/server";

/**
 * Issue 11, operations: /healthz and /readyz for load balancers, and one JSON log line per request
 * with a request id that also reaches the audit context; against the real Express server.
 */
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    callback();
  },
});

const lifecycle = new Lifecycle();
let server: RunningServer;
let proxied: RunningServer;

beforeAll(async () => {
  await buildApp();
  const logger = createLogger("debug", sink);
  server = await startTestServer(parseEnv({ ...process.env, TRUST_PROXY_HOPS: "0" }), { logger, lifecycle });
  proxied = await startTestServer(parseEnv({ ...process.env, TRUST_PROXY_HOPS: "1" }), { logger });
}, 300_000);

afterAll(async () => {
  await server?.close();
  await proxied?.close();
});

const requestLines = (requestId: string) => lines.filter((line) => line.msg === "request" && line.requestId === requestId);

describe("health endpoints", () => {
  it("/healthz answers ok without authentication, revealing nothing else", async () => {
    const response = await fetch(`${server.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("/readyz answers ok when the database is reachable and migrated, and 503 once shutting down", async () => {
    const ready = await fetch(`${server.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.text()).toBe("ok");

    lifecycle.stopping = true;
    try {
      const draining = await fetch(`${server.origin}/readyz`);
      expect(draining.status).toBe(503);
      expect(await draining.text()).toBe("unavailable");
      expect(draining.headers.get("connection")).toBe("close");
    } finally {
      lifecycle.stopping = false;
    }
  });

  it("is not ready while a migration of this build is not applied", async () => {
    const names = readMigrations().map((migration) => migration.name);
    expect(await isReady(database(), names)).toBe(true);
    expect(await isReady(database(), [...names, "29991231000000_not_yet_applied"])).toBe(false);
  });
});

describe("request logs", () => {
  it("writes one JSON line per request: time, method, path without the query, status, duration, request id; no query values or cookies", async () => {
    const response = await fetch(`${server.origin}/sign-in?redirectTo=%2Fsecret-destination&email=someone%40example.org`, {
      headers: { Cookie: "__session=token-that-must-not-be-logged", "User-Agent": "agent-not-logged" },
    });
    expect(response.status).toBe(200);
    await response.text();
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const mine = requestLines(requestId!);
    expect(mine).toHaveLength(1);
    const [line] = mine;
    expect(line).toMatchObject({ method: "GET", path: "/sign-in", status: 200, requestId, level: 30 });
    expect(typeof line!.durationMs).toBe("number");
    expect(Number.isNaN(Date.parse(String(line!.time)))).toBe(false);
    const text = JSON.stringify(line);
    for (const secret of ["secret-destination", "someone", "token-that-must-not-be-logged", "agent-not-logged", "redirectTo", "__session"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("cuts the query and fragment from logged paths", () => {
    expect(loggedPath("/search?q=Smith")).toBe("/search");
    expect(loggedPath("/a/b#frag?x")).toBe("/a/b");
    expect(loggedPath(`/${"x".repeat(2000)}`).length).toBeLessThan(600);
  });
});

describe("request ids", () => {
  it("ignores an inbound X-Request-Id when no proxy is trusted", async () => {
    const response = await fetch(`${server.origin}/healthz`, { headers: { "X-Request-Id": "from-the-client-1" } });
    expect(response.headers.get("x-request-id")).not.toBe("from-the-client-1");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("keeps a sane X-Request-Id from a trusted proxy and replaces one that could forge log lines", async () => {
    const kept = await fetch(`${proxied.origin}/healthz`, { headers: { "X-Request-Id": "lb-7f3a.42:1" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a.42:1");
    expect(requestLines("lb-7f3a.42:1")).toHaveLength(1);

    const forged = await fetch(`${proxied.origin}/healthz`, { headers: { "X-Request-Id": `x"}{"level":60` } });
    expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("puts the request id on the audit context of requests and sign-in attempts", () => {
    const request = new Request("http://localhost/", { headers: { "User-Agent": "test" } });
    const context = { ...testContext, requestId: "req-123" };
    expect(requestAuditContext(request, context, null).requestId).toBe("req-123");
    expect(signInAttempt(request, context).requestId).toBe("req-123");
  });
});

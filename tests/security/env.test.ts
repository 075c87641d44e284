import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";
import { buildApp } from "./server";

/** A bad configuration stops start-up with one line naming the variable, not a stack trace later. */
describe("configuration", () => {
  it.each([
    ["PORT", { PORT: "eighty" }],
    ["PORT", { PORT: "70000" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://db.example/portal" }],
    ["DATABASE_SCHEMA", { DATABASE_SCHEMA: "Robert'); DROP TABLE" }],
    ["TRUST_PROXY_HOPS", { TRUST_PROXY_HOPS: "-1" }],
    ["MAX_BODY_BYTES", { MAX_BODY_BYTES: "10" }],
    ["NODE_ENV", { NODE_ENV: "staging" }],
    ["COOKIE_SECURE", { COOKIE_SECURE: "maybe" }],
  ])("names %s when it is bad, in one line", (name, source) => {
    let error: unknown;
    try {
      parseEnv(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as EnvError).message;
    expect(message).toMatch(new RegExp(`^Configuration error: ${name}\\b`));
    expect(message).not.toContain("\n");
  });

  it("defaults to PGlite with the demo seed; production turns on secure cookies and off the demo", () => {
    expect(parseEnv({})).toMatchObject({ databaseKind: "pglite", PORT: 3000, seedDemo: true, cookieSecure: false, TRUST_PROXY_HOPS: 0 });
    expect(parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://app@db/portal" })).toMatchObject({
      databaseKind: "postgres",
      isProduction: true,
      seedDemo: false,
      cookieSecure: true,
    });
  });

  it("npm start stops with that one line and a failure exit code", async () => {
    await buildApp(); // so that what npm start prints is only what this test is about
    const result = spawnSync(process.execPath, ["scripts/start.mjs"], {
      env: { ...process.env, PORT: "eighty", PGLITE_DATA_DIR: "memory://" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: PORT \S/);
  }, 300_000);
});

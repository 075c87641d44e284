/**
 * npm run bench:statements — how many SQL statements each benchmark page sends to PostgreSQL, for
 * the whole request (session, record, audit events, transaction control), counted in-process at
 * the pg driver while the real server (production build, server/index.ts) answers one request.
 * Each page is requested twice and the second counted (the first warms caches such as the ability).
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/portal_bench BENCH_SCALE=tiny npm run bench:statements
 */
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import pg from "pg";
import { createSession, sessionCookieName } from "~/modules/auth/session.server";
import { closeDatabase } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { buildIfStale } from "../build.mjs";
import { BUILD_PATH, createApp } from "../../server/index";
import { createLogger } from "../../server/request-log";
import { benchPlan, openVisibleSubmission, phoneOf, rareWordOf, submissionId, userId } from "./plan";

const config = env();
if (!config.DATABASE_URL) throw new Error("npm run bench:statements needs DATABASE_URL (the database filled by npm run bench:data)");
const plan = benchPlan();

let counted: string[] = [];
const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const [first] = args;
  counted.push(typeof first === "string" ? first : String((first as { text?: string }).text));
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

async function main() {
  await buildIfStale();
  const cookie = `${sessionCookieName()}=${(await createSession(userId(0), { mfaVerified: true, userAgent: "portal-bench" })).token}`;
  const build = (await import(/* @vite-ignore */ pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = await createApp(build, config, { logger: createLogger("error") });
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const pages: [string, string][] = [
    ["triage queue", "/triage"],
    ["record page", `/triage/${submissionId(openVisibleSubmission(plan))}`],
    ["identifier search", `/search?identifier=${encodeURIComponent(phoneOf(plan, Math.floor(plan.submissions / 3)).display)}&justification=TRIAGE`],
    ["text search, rare", `/search?q=${rareWordOf(Math.floor(plan.submissions / 2))}&justification=TRIAGE`],
  ];
  for (const [name, path] of pages) {
    await fetch(`${origin}${path}`, { headers: { cookie }, redirect: "manual" });
    counted = [];
    const response = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.text();
    console.log(`\n== ${name} (${response.status}): ${counted.length} statements`);
    for (const sql of counted) console.log(`  ${sql.replace(/\s+/g, " ").slice(0, 160)}`);
  }
  server.closeAllConnections();
  server.close();
  await closeDatabase();
}

await main();

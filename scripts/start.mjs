/**
 * npm start — builds the app if the build is missing or older than its sources, then runs the
 * built server (build/server.js: migrate, seed the demo if empty and not production, serve) in THIS
 * process. package.json runs it with `exec node …`, so npm's own child is this node process and the
 * SIGTERM npm forwards reaches the server directly (before, `npm → sh → tsx → node` lost it at the
 * shell). If npm itself dies without forwarding (SIGKILL), the server notices it has been orphaned
 * and shuts down the same way.
 *
 * Plain JavaScript on purpose: it must run with nothing but node.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const OUTPUTS = ["build/index.js", "build/server.js"];
const SOURCES = ["app", "server", "prisma/seed", "prisma/migrations", "remix.config.js", "scripts/build.mjs", "tsconfig.json"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function buildIsStale() {
  if (!OUTPUTS.every((file) => existsSync(file))) return true;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newestMtime(source) > built);
}

if (buildIsStale()) {
  if (!existsSync("node_modules/@remix-run/dev") || !existsSync("node_modules/esbuild")) {
    console.error("The build is missing or out of date, and the build tools are not installed here: run `npm run build` first.");
    process.exit(1);
  }
  console.log("Building the portal…");
  const { buildAll } = await import("./build.mjs");
  await buildAll();
}

// Started by npm: if npm goes away without passing a signal on, stop rather than run on unsupervised.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  }, 1_000).unref();
}

await import(pathToFileURL(path.resolve("build/server.js")).href);

/**
 * npm run build — builds the Remix app (build/index.js, public/build/) and bundles the server's
 * entry point (server/main.ts and what it imports from app/, server/ and prisma/seed) into
 * build/server.js with esbuild, so production runs `node build/server.js`: no tsx, no npm and no
 * shell between the process manager and the server. Packages from node_modules stay external.
 *
 * Plain JavaScript, importing the build tools only when building: `npm start` (scripts/start.mjs)
 * and the tests' global set-up use `buildIfStale` from here.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const SERVER_ENTRY = "server/main.ts";
export const SERVER_BUNDLE = "build/server.js";
const OUTPUTS = ["build/index.js", SERVER_BUNDLE];
const SOURCES = ["app", "server", "prisma/seed", "remix.config.js", "scripts/build.mjs", "tsconfig.json", "package-lock.json"];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Whether the build is missing, or older than any of its sources. */
export function buildIsStale() {
  if (!OUTPUTS.every((file) => existsSync(file))) return true;
  const built = Math.min(...OUTPUTS.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => newestMtime(source) > built);
}

export function buildToolsInstalled() {
  return existsSync("node_modules/@remix-run/dev") && existsSync("node_modules/esbuild");
}

export async function buildAll() {
  const remix = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    stdio: ["ignore", "inherit", "inherit"],
    // Always a production build (as `npm start` has always made), whoever builds: the tests' copy is the one that runs.
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (remix.status !== 0) throw new Error("remix build failed");
  const { build } = await import("esbuild");
  await build({
    entryPoints: [SERVER_ENTRY],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    tsconfig: "tsconfig.json",
    sourcemap: true,
    logLevel: "warning",
  });
}

const BUILD_LOCK = ".cache/build.lock";

/**
 * Builds when the build is missing or stale; returns whether it built. Processes that call this
 * together (test files running in parallel) build once: the others wait for the first, then find
 * the build fresh, and none reads a half-written build.
 */
export async function buildIfStale() {
  mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
  for (;;) {
    if (!buildIsStale()) return false;
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      // Someone else is building (or crashed doing so ten minutes ago).
      if (existsSync(BUILD_LOCK) && Date.now() - statSync(BUILD_LOCK).mtimeMs > 600_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      if (!buildIsStale()) return false;
      await buildAll();
      return true;
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildAll();
  console.log(`Built build/index.js and ${SERVER_BUNDLE}.`);
}

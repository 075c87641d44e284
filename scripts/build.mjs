/**
 * npm run build — builds the Remix app (build/index.js, public/build/) and bundles the server's
 * entry point (server/main.ts and what it imports from app/, server/ and prisma/seed) into
 * build/server.js with esbuild, so production runs `node build/server.js`: no tsx, no npm and no
 * shell between the process manager and the server. Packages from node_modules stay external.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";

export const SERVER_ENTRY = "server/main.ts";
export const SERVER_BUNDLE = "build/server.js";

export async function buildAll() {
  const remix = spawnSync(process.execPath, [path.resolve("node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    stdio: "inherit",
  });
  if (remix.status !== 0) throw new Error("remix build failed");
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

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log(`Built build/index.js and ${SERVER_BUNDLE}.`);
}

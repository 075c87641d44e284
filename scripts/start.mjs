/**
 * npm start — builds the app if the build is missing or older than its sources, then runs the
 * built server (build/server.js: migrate, seed the demo if empty and not production, serve) in THIS
 * process. package.json runs it with `exec node …`, so npm's own child is this node process and the
 * SIGTERM npm forwards reaches the server directly (before, `npm → sh → tsx → node` lost it at the
 * shell, which does not pass signals on). If npm itself dies without passing a signal on (SIGKILL),
 * the server notices it has been orphaned and shuts down the same way.
 *
 * Plain JavaScript on purpose: it runs with nothing but node.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildIfStale, buildIsStale, buildToolsInstalled } from "./build.mjs";

if (buildIsStale()) {
  if (!buildToolsInstalled()) {
    console.error("The build is missing or out of date, and the build tools are not installed here: run `npm run build` first.");
    process.exit(1);
  }
  console.log("Building the portal…");
  await buildIfStale();
}

if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGTERM");
  }, 1_000).unref();
}

await import(pathToFileURL(path.resolve("build/server.js")).href);

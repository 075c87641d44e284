import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { BUILD_PATH, createApp } from "../../server/index";
import type { Env } from "~/utils/env.server";

/**
 * The real Express server from server/index.ts around a fresh production build of the app, on an
 * ephemeral port, so these tests see exactly what a browser would: headers, guards, error pages.
 * The build shares this test file's database (db.server.ts keeps it on globalThis).
 */
export function buildApp(): void {
  // Test files run in parallel and several build: one at a time, or they overwrite each other's output.
  const lock = path.resolve("build-lock");
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Another test's build has held ${lock} for five minutes.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const cli = path.resolve("node_modules/@remix-run/dev/dist/cli.js");
    const result = spawnSync(process.execPath, [cli, "build"], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

export async function startTestServer(config?: Env): Promise<RunningServer> {
  const build = (await import(/* @vite-ignore */ pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = await createApp(build, config);
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

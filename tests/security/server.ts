import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { buildIfStale } from "../../scripts/build.mjs";
import { BUILD_PATH, createApp, type AppOptions } from "../../server/index";
import type { Env } from "~/utils/env.server";

/**
 * The real Express server from server/index.ts around a fresh production build of the app, on an
 * ephemeral port, so these tests see exactly what a browser would: headers, guards, error pages.
 * The build shares this test file's database (db.server.ts keeps it on globalThis).
 */
export async function buildApp(): Promise<void> {
  // Once for all test files running in parallel, and only when the sources changed (scripts/build.mjs).
  await buildIfStale();
}

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

export async function startTestServer(config?: Env, options?: AppOptions): Promise<RunningServer> {
  const build = (await import(/* @vite-ignore */ pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = await createApp(build, config, options);
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

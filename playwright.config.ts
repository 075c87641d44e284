import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * End-to-end tests drive Debian's Chromium (Playwright's own download cannot work offline) against
 * the real server, started on a fresh embedded database seeded with the demo region.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const dataDir = process.env.E2E_PGLITE_DIR ?? `/tmp/portal-e2e-${port}-${Date.now()}`;
// Directories made by earlier runs on this port go (their server is gone: the port is free again),
// so runs do not pile databases up in /tmp. Only in the main process: workers load this file too.
if (!process.env.E2E_PGLITE_DIR && !process.env.TEST_WORKER_INDEX) removeEarlierRuns(`portal-e2e-${port}-`, dataDir);

function removeEarlierRuns(prefix: string, current: string): void {
  for (const name of readdirSync("/tmp")) {
    const earlier = path.join("/tmp", name);
    if (name.startsWith(prefix) && !earlier.startsWith(current)) rmSync(earlier, { recursive: true, force: true });
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // The machine is shared: a page can take longer than the default 5 s to answer under load.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/sign-in`,
    reuseExistingServer: false,
    // Build, migrations and the demo seed take minutes on a shared machine under load.
    timeout: 300_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      AUDIT_SIGNING_KEY_PATH: `${dataDir}-audit-key.pem`,
      SEED_DEMO: "true",
      NODE_ENV: "test",
    },
  },
});

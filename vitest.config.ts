import { availableParallelism } from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}"],
    // `*.postgres.test.ts` prove what only PostgreSQL has (statement timeouts, cancelling a backend):
    // embedded PGlite runs in-process with neither, so those files are not run on it at all.
    exclude: ["tests/e2e/**", "node_modules/**", ...(process.env.DATABASE_URL ? [] : ["**/*.postgres.test.ts"])],
    environment: "node",
    setupFiles: ["tests/setup/database.ts", "tests/setup/console.ts"],
    // Each test file gets its own database (a PGlite in memory, or its own PostgreSQL schema),
    // so files run in parallel without seeing each other's rows.
    pool: "forks",
    // Vitest's default leaves one core idle; the test processes do the work (PGlite runs in them),
    // so use every core (CI machines have two).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

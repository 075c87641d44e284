#!/usr/bin/env node
// Runs the Prisma CLI offline. Pointing the engine variables at an existing file stops the CLI
// from trying to download native engines (they cannot be fetched here, nor on police networks);
// prisma.config.ts makes it use its bundled wasm schema engine, and the generated client needs
// no native engine at all (engineType = "client").
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/true",
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? "/bin/true",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  // The CLI validates the datasource URL even though the app connects through adapters.
  PRISMA_CLI_DATABASE_URL: process.env.PRISMA_CLI_DATABASE_URL ?? "postgresql://offline@localhost/offline",
};
const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);

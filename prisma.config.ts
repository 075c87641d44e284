// Prisma CLI configuration. The CLI's own schema engine is a native binary downloaded from the
// internet, which air-gapped networks cannot reach; declaring `engine: "js"` with an adapter makes
// the CLI use its bundled wasm engine instead. We only use the CLI to generate the client and to
// diff schemas (scripts/db-migration.ts); migrations are applied by scripts/db-migrate.ts.
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Typed against an older @prisma/driver-adapter-utils than the CLI's; the wasm engine only
    // needs it to exist (diffs are computed from schema files, not from this database).
    return new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
  },
});

import { describe, expect, it } from "vitest";
import { diffSchemas, SCHEMA_PATH, SNAPSHOT_PATH } from "../scripts/lib/schema-diff";

// Each check starts the Prisma CLI (and its wasm engine), which takes several seconds on a busy machine.
const CLI_TIMEOUT_MS = 180_000;

describe("schema and migrations", () => {
  it("has a migration for every change to prisma/schema.prisma", { timeout: CLI_TIMEOUT_MS }, () => {
    // The snapshot is what the migrations build; any difference is a schema edit without a migration.
    const sql = diffSchemas(SNAPSHOT_PATH, SCHEMA_PATH);
    expect(sql.replace(/--.*$/gm, "").trim()).toBe("");
  });

  it("writes SQL from the schema offline (the wasm engine is wired up, not the dummy binary)", { timeout: CLI_TIMEOUT_MS }, () => {
    const sql = diffSchemas(null, SCHEMA_PATH);
    expect(sql).toContain('CREATE TABLE "AuditEvent"');
  });
});

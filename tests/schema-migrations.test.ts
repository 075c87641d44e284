import { describe, expect, it } from "vitest";
import { diffSchemas, SCHEMA_PATH, SNAPSHOT_PATH } from "../scripts/lib/schema-diff";

describe("schema and migrations", () => {
  it("has a migration for every change to prisma/schema.prisma", () => {
    // The snapshot is what the migrations build; any difference is a schema edit without a migration.
    const sql = diffSchemas(SNAPSHOT_PATH, SCHEMA_PATH);
    expect(sql.replace(/--.*$/gm, "").trim()).toBe("");
  });

  it("writes SQL from the schema offline (the wasm engine is wired up, not the dummy binary)", () => {
    const sql = diffSchemas(null, SCHEMA_PATH);
    expect(sql).toContain('CREATE TABLE "AuditEvent"');
  });
});

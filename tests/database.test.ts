import { describe, expect, it } from "vitest";
import { database } from "~/utils/db.server";
import { migrate, readMigrations } from "~/utils/migrate.server";
import { createUser } from "./helpers/factories";

describe("database and migrations", () => {
  it("records every migration in Prisma's _prisma_migrations table with its checksum", async () => {
    const rows = await database().query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    expect(await migrate(database())).toEqual([]);
  });

  it("stops with a clear message when an applied migration was edited", async () => {
    const [first] = readMigrations();
    await database().query(`UPDATE "_prisma_migrations" SET checksum = 'tampered' WHERE migration_name = $1`, [
      first!.name,
    ]);
    await expect(migrate(database())).rejects.toThrow(/was changed after it was applied/);
    await database().query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [
      first!.checksum,
      first!.name,
    ]);
  });

  it("reads and writes through Prisma", async () => {
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    expect(user.organisation.name).toMatch(/^Org /);
  });
});

import { describe, expect, it } from "vitest";
import { postgresArrayLiteral } from "~/utils/pglite-array-params.server";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser } from "./helpers/factories";

describe("array filters on enum columns (PGlite and PostgreSQL alike)", () => {
  it("has, hasSome, hasEvery and equals find the right rows, also inside a transaction", async () => {
    const organisation = await createOrganisation();
    await createUser({ organisationId: organisation.id, roles: ["PARTNER_SUBMITTER"] });
    await createUser({ organisationId: organisation.id, roles: ["PARTNER_MANAGER", "PARTNER_SUBMITTER"] });
    await createUser({ organisationId: organisation.id, roles: ["POLICE_ANALYST"] });
    const count = (roles: object) => prisma.user.count({ where: { organisationId: organisation.id, roles } });
    expect(await count({ has: "PARTNER_SUBMITTER" })).toBe(2);
    expect(await count({ hasSome: ["PARTNER_MANAGER", "POLICE_ANALYST"] })).toBe(2);
    expect(await count({ hasEvery: ["PARTNER_MANAGER", "PARTNER_SUBMITTER"] })).toBe(1);
    expect(await count({ equals: ["POLICE_ANALYST"] })).toBe(1);
    const inTransaction = await prisma.$transaction((tx) =>
      tx.user.count({ where: { organisationId: organisation.id, roles: { has: "POLICE_ANALYST" } } }),
    );
    expect(inTransaction).toBe(1);
  });

  it("writes array literals that survive quotes, backslashes, commas and nulls", () => {
    expect(postgresArrayLiteral(["a", 'say "hi"', "back\\slash", "x,y", null])).toBe(
      '{"a","say \\"hi\\"","back\\\\slash","x,y",NULL}',
    );
  });
});

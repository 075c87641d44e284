import { describe, expect, it } from "vitest";
import { accessibleWhere, defineAbilityFor } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { agreementTerms } from "./helpers/agreements";
import { createOrganisation, createUser } from "./helpers/factories";

/**
 * accessibleWhere must mean "nothing" when the user has no rule for the action, however it is
 * combined. (Prisma 6.19 drops `{ OR: [] }` nested in AND, which would list every row.)
 */
describe("accessibleWhere for a user with no rule", () => {
  it("matches no row, alone or combined with other filters in AND", async () => {
    const organisation = await createOrganisation();
    const admin = await createUser({ organisationId: organisation.id, roles: ["SYSTEM_ADMINISTRATOR"] });
    const terms = agreementTerms();
    await prisma.agreement.create({
      data: {
        reference: "ISA-NOTHING-1",
        title: terms.title,
        startDate: new Date(terms.startDate),
        endDate: new Date(terms.endDate),
        reviewDate: new Date(terms.reviewDate),
        parties: { create: { organisationId: organisation.id, role: "CONTROLLER", leadName: "L", leadEmail: "l@x.test" } },
      },
    });
    const ability = defineAbilityFor({ ...admin, organisationType: organisation.type });
    expect(ability.can("read", "Agreement")).toBe(false);
    const where = accessibleWhere(ability, "read", "Agreement");
    expect(await prisma.agreement.count({ where })).toBe(0);
    expect(await prisma.agreement.count({ where: { AND: [where, { reference: { startsWith: "ISA" } }] } })).toBe(0);
    expect(await prisma.agreement.count({ where: { AND: [where, {}] } })).toBe(0);
    expect(await prisma.organisation.count({ where: { agreementParties: { some: { agreement: where } } } })).toBe(0);
  });
});

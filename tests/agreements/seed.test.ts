import { describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed";
import { DEMO_AGREEMENT_REFERENCES } from "../../prisma/seed/agreements";
import { agreementsUsableForSharing } from "~/modules/agreements/access.server";
import { describeAgreement, findReadableAgreement } from "~/modules/agreements/queries.server";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { database, prisma } from "~/utils/db.server";

describe("demo agreements", () => {
  it("seed every state the demo needs, readable by the lifecycle's own queries, and seed idempotently", async () => {
    await seedDemo(database().prisma);
    await seedDemo(database().prisma);
    const sam = await prisma.user.findUniqueOrThrow({ where: { email: "sam.supervisor@westmercia.police.example" }, include: { organisation: true } });
    const ability = defineAbilityFor({ ...sam, organisationType: sam.organisation.type });
    const now = new Date();
    const describe = async (reference: string) => {
      const { id } = await prisma.agreement.findUniqueOrThrow({ where: { reference } });
      return describeAgreement((await findReadableAgreement(ability, id))!, now);
    };

    const telford = await describe(DEMO_AGREEMENT_REFERENCES.telford);
    expect(telford.displayStatus).toBe("ACTIVE");
    expect(telford.versions.map((v) => [v.versionNumber, v.state])).toEqual([
      [1, "SUPERSEDED"],
      [2, "IN_FORCE"],
    ]);
    expect(telford.reviews).toHaveLength(1);
    expect((await describe(DEMO_AGREEMENT_REFERENCES.housingExpired)).displayStatus).toBe("EXPIRED");
    expect((await describe(DEMO_AGREEMENT_REFERENCES.housingSuspended)).displayStatus).toBe("SUSPENDED");
    const awaiting = await describe(DEMO_AGREEMENT_REFERENCES.nhsAwaitingSignature);
    expect(awaiting.displayStatus).toBe("AWAITING_SIGNATURES");
    expect(awaiting.versions[0]!.signatures.map((s) => [s.organisation, s.signedBy])).toEqual([
      ["Shrewsbury and Telford Hospital NHS Trust", null],
      ["West Mercia Police", "Sam Price"],
    ]);

    const usable = await agreementsUsableForSharing(sam, now);
    expect(usable.map((a) => a.reference).sort()).toEqual(
      [DEMO_AGREEMENT_REFERENCES.herefordshire, DEMO_AGREEMENT_REFERENCES.shropshire, DEMO_AGREEMENT_REFERENCES.telford, DEMO_AGREEMENT_REFERENCES.worcestershire].sort(),
    );
    expect(await prisma.agreementVersion.count({ where: { agreement: { reference: DEMO_AGREEMENT_REFERENCES.telford } } })).toBe(2);
  });
});

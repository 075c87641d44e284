import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { timestampColumns } from "~/utils/clock-timestamps.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser } from "../helpers/factories";

const LAST_OCTOBER = new Date("2025-10-17T09:12:00.000Z");

afterEach(() => clock.reset());

describe("record timestamps follow the application clock", () => {
  it("reads every @default(now()) and @updatedAt column and the relations from the schema", () => {
    const columns = timestampColumns(readFileSync("prisma/schema.prisma", "utf8"));
    expect(columns.Agreement).toMatchObject({ createdAt: ["createdAt"], updatedAt: ["updatedAt"] });
    expect(columns.Agreement!.relations).toMatchObject({ history: "AgreementStatusChange", versions: "AgreementVersion" });
    expect(columns.AgreementStatusChange!.createdAt).toEqual(["at"]);
    expect(columns.AgreementSignature!.createdAt).toEqual(["signedAt"]);
  });

  it("a record created and changed while the clock says last October is dated last October, nested records too", async () => {
    const user = await createUser({ roles: ["INTELLIGENCE_SUPERVISOR"] });
    const organisation = await clock.at(LAST_OCTOBER, () => createOrganisation());
    expect(organisation.createdAt).toEqual(LAST_OCTOBER);
    const agreement = await clock.at(LAST_OCTOBER, () =>
      prisma.agreement.create({
        data: {
          reference: "ISA-CLOCK-1",
          title: "Clock test",
          startDate: LAST_OCTOBER,
          endDate: LAST_OCTOBER,
          reviewDate: LAST_OCTOBER,
          history: { create: [{ toStatus: "DRAFT", actorId: user.id }] },
          versions: { create: { versionNumber: 1, terms: {} } },
        },
        include: { history: true, versions: true },
      }),
    );
    expect([agreement.createdAt, agreement.updatedAt, agreement.history[0]!.at, agreement.versions[0]!.createdAt]).toEqual(
      Array(4).fill(LAST_OCTOBER),
    );
    const later = new Date("2025-11-02T14:00:00.000Z");
    const updated = await clock.at(later, () => prisma.agreement.update({ where: { id: agreement.id }, data: { title: "Renamed" } }));
    expect(updated.updatedAt).toEqual(later);
    expect(updated.createdAt).toEqual(LAST_OCTOBER);
  });

  it("a time given explicitly is kept", async () => {
    const given = new Date("2024-01-01T00:00:00.000Z");
    const organisation = await clock.at(LAST_OCTOBER, () => prisma.organisation.create({ data: { name: "Given time", type: "HEALTH", createdAt: given } }));
    expect(organisation.createdAt).toEqual(given);
  });
});

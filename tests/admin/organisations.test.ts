import { describe, expect, it } from "vitest";
import * as organisationEdit from "~/routes/admin.organisations.$id";
import * as organisationsList from "~/routes/admin.organisations._index";
import * as organisationNew from "~/routes/admin.organisations.new";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run } from "../helpers/remix";

async function setup() {
  const admin = await createUser({ roles: ["SYSTEM_ADMINISTRATOR"] });
  const suffix = Math.random().toString(36).slice(2, 8);
  const [north, south] = await Promise.all([
    prisma.area.create({ data: { code: `NORTH_${suffix}`, name: `North ${suffix}` } }),
    prisma.area.create({ data: { code: `SOUTH_${suffix}`, name: `South ${suffix}` } }),
  ]);
  return { admin, cookie: await signedInCookie(admin.id), north, south };
}

describe("organisations", () => {
  it("an administrator adds an organisation with the areas it covers, audited", async () => {
    const { admin, cookie, north, south } = await setup();
    const outcome = await run(
      organisationNew.action,
      makeRequest("/admin/organisations/new", {
        cookie,
        form: { name: "  Shropshire Fire and Rescue Service ", shortName: "SFRS", type: "FIRE_AND_RESCUE", areas: [north.id, south.id] },
      }),
    );
    expect((outcome as Response).headers.get("Location")).toBe("/admin/organisations?saved=1");
    const created = await prisma.organisation.findUniqueOrThrow({
      where: { name: "Shropshire Fire and Rescue Service" },
      include: { areas: true },
    });
    expect(created).toMatchObject({ shortName: "SFRS", type: "FIRE_AND_RESCUE" });
    expect(created.areas.map((a) => a.id).sort()).toEqual([north.id, south.id].sort());
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "admin.organisation_created", recordId: created.id } });
    expect(event.actorUserId).toBe(admin.id);
    expect(event.details).toMatchObject({ name: created.name, type: "FIRE_AND_RESCUE", areas: [north.name, south.name].sort() });
  });

  it("explains what is missing and keeps what was typed; refuses a duplicate name", async () => {
    const { cookie, north } = await setup();
    const missing = (await run(
      organisationNew.action,
      makeRequest("/admin/organisations/new", { cookie, form: { name: "Half done", shortName: "" } }),
    )) as { errors: Record<string, string>; values: Record<string, string> };
    expect(Object.keys(missing.errors).sort()).toEqual(["areas", "type"]);
    expect(missing.values.name).toBe("Half done");

    const existing = await createOrganisation();
    const duplicate = (await run(
      organisationNew.action,
      makeRequest("/admin/organisations/new", { cookie, form: { name: existing.name, type: "HEALTH", areas: [north.id] } }),
    )) as { errors: Record<string, string> };
    expect(duplicate.errors.name).toMatch(/already exists/);
  });

  it("editing records each changed field with its old and new value", async () => {
    const { cookie, north, south } = await setup();
    const organisation = await prisma.organisation.create({
      data: { name: `Edit me ${north.code}`, type: "LOCAL_AUTHORITY", areas: { connect: [{ id: north.id }] } },
    });
    await run(
      organisationEdit.action,
      makeRequest(`/admin/organisations/${organisation.id}`, {
        cookie,
        form: { name: organisation.name, shortName: "Edited", type: "HOUSING_PROVIDER", areas: [south.id] },
      }),
      { id: organisation.id },
    );
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "admin.organisation_updated", recordId: organisation.id } });
    expect(event.details).toEqual({
      changes: {
        shortName: { old: null, new: "Edited" },
        type: { old: "LOCAL_AUTHORITY", new: "HOUSING_PROVIDER" },
        areas: { old: [north.name], new: [south.name] },
      },
    });
  });

  it("lists organisations by name with their areas and number of users, a page at a time", async () => {
    const { cookie, north } = await setup();
    const organisation = await prisma.organisation.create({
      data: { name: `AAA Listed ${north.code}`, type: "EDUCATION", areas: { connect: [{ id: north.id }] } },
    });
    await createUser({ organisationId: organisation.id });
    await createUser({ organisationId: organisation.id });
    for (let i = 0; i < 55; i++) await createOrganisation({ name: `Bulk ${String(i).padStart(2, "0")} ${north.code}` });
    type Page = { organisations: { id: string; name: string; areas: string[]; users: number }[]; next: string | null };
    const first = (await run(organisationsList.loader, makeRequest("/admin/organisations", { cookie }))) as Page;
    expect(first.organisations).toHaveLength(50);
    expect(first.organisations.find((o) => o.id === organisation.id)).toMatchObject({ areas: [north.name], users: 2 });
    const second = (await run(organisationsList.loader, makeRequest(`/admin/organisations?after=${first.next}`, { cookie }))) as Page;
    const names = [...first.organisations, ...second.organisations].map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBe(await prisma.organisation.count());
  });
});

import { describe, expect, it } from "vitest";
import * as userEdit from "~/routes/admin.users.$id.edit";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run } from "../helpers/remix";

/**
 * Issue 8, defect 1: an administrator gave themselves police analyst and read every record. Nobody
 * may change their own roles, organisation or signatory flag; the attempt is refused and audited.
 */
describe("changing your own account", () => {
  async function adminOfPolice() {
    const police = await createOrganisation({ type: "POLICE_FORCE" });
    const admin = await createUser({ roles: ["SYSTEM_ADMINISTRATOR"], organisationId: police.id });
    return { admin, police, cookie: await signedInCookie(admin.id) };
  }

  const edit = (cookie: string, id: string, form: Record<string, string | string[]>) =>
    run(userEdit.action, makeRequest(`/admin/users/${id}/edit`, { cookie, form }), { id });

  it.each([
    ["roles", { roles: ["SYSTEM_ADMINISTRATOR", "POLICE_ANALYST"], isAgreementSignatory: "no" }],
    ["signatory flag", { roles: ["SYSTEM_ADMINISTRATOR"], isAgreementSignatory: "yes" }],
  ])("an administrator cannot change their own %s: refused with a reason, audited, nothing changes", async (_what, change) => {
    const { admin, cookie } = await adminOfPolice();
    const outcome = (await edit(cookie, admin.id, { name: admin.name, organisationId: admin.organisationId, ...change })) as {
      errors?: Record<string, string>;
    };
    expect(outcome).not.toBeInstanceOf(Response);
    expect(outcome.errors?.form).toMatch(/cannot change your own roles, organisation or signatory flag/);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after.roles).toEqual(["SYSTEM_ADMINISTRATOR"]);
    expect(after.isAgreementSignatory).toBe(false);
    expect(await prisma.auditEvent.count({ where: { recordId: admin.id, action: "admin.user_updated" } })).toBe(0);
    const denial = await prisma.auditEvent.findFirstOrThrow({ where: { recordId: admin.id, action: "access.denied" } });
    expect(denial).toMatchObject({ outcome: "DENIED", actorUserId: admin.id, recordType: "User" });
  });

  it("an administrator cannot move themselves to another organisation", async () => {
    const { admin, cookie } = await adminOfPolice();
    const other = await createOrganisation({ type: "POLICE_FORCE" });
    const outcome = (await edit(cookie, admin.id, {
      name: admin.name,
      organisationId: other.id,
      roles: ["SYSTEM_ADMINISTRATOR"],
      isAgreementSignatory: "no",
    })) as { errors?: Record<string, string> };
    expect(outcome.errors?.form).toMatch(/cannot change your own/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).organisationId).toBe(admin.organisationId);
  });

  it("an administrator may still correct their own name", async () => {
    const { admin, cookie } = await adminOfPolice();
    const outcome = await edit(cookie, admin.id, {
      name: "Ada Okafor-Smith",
      organisationId: admin.organisationId,
      roles: ["SYSTEM_ADMINISTRATOR"],
      isAgreementSignatory: "no",
    });
    expect((outcome as Response).status).toBe(302);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe("Ada Okafor-Smith");
  });
});

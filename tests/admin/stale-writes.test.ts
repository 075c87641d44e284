import { beforeAll, describe, expect, it } from "vitest";
import { updateOrganisation } from "~/modules/organisations/organisations.server";
import { updateUserAccount } from "~/modules/users/users.server";
import * as passwordRoute from "~/routes/account.password";
import { prisma } from "~/utils/db.server";
import { actorFor } from "../helpers/agreements";
import { createOrganisation, createUser, signedInCookie, TEST_PASSWORD } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

/**
 * Issue 8, defect 8: a user edit audits the old values of the row it changes, read inside its
 * transaction, so two administrators saving at once leave an audit trail whose "old" values are
 * what each edit really replaced.
 */

let admins: [Awaited<ReturnType<typeof createUser>>, Awaited<ReturnType<typeof createUser>>];
let organisationId: string;

beforeAll(async () => {
  const org = await createOrganisation({ type: "POLICE_FORCE" });
  organisationId = org.id;
  admins = [
    await createUser({ organisationId, roles: ["SYSTEM_ADMINISTRATOR"] }),
    await createUser({ organisationId, roles: ["SYSTEM_ADMINISTRATOR"] }),
  ];
});

type UserActor = Parameters<typeof updateUserAccount>[0];

describe("user edits audit the old values they replaced", () => {
  it("two edits at once: the second edit's old value is the first edit's new value", async () => {
    const target = await createUser({ organisationId, roles: ["PARTNER_SUBMITTER"] });
    await prisma.user.update({ where: { id: target.id }, data: { name: "Original Name" } });
    const edit = (admin: (typeof admins)[number], name: string) =>
      updateUserAccount(actorFor(admin) as unknown as UserActor, target.id, { name, organisationId, roles: ["PARTNER_SUBMITTER"], isAgreementSignatory: false });
    const results = await Promise.all([edit(admins[0], "Name From First Admin"), edit(admins[1], "Name From Second Admin")]);
    expect(results.every((r) => r.ok)).toBe(true);

    const events = await prisma.auditEvent.findMany({ where: { action: "admin.user_updated", recordId: target.id }, orderBy: { id: "asc" } });
    const names = events.map((e) => (e.details as { changes: { name: { old: string; new: string } } }).changes.name);
    expect(names).toHaveLength(2);
    expect(names[0]!.old).toBe("Original Name");
    // The second write replaced what the first wrote, and says so.
    expect(names[1]!.old).toBe(names[0]!.new);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe(names[1]!.new);
  });
});

describe("organisation edits audit the old values they replaced", () => {
  it("two edits at once: the second edit's old name is the first edit's new name", async () => {
    const org = await createOrganisation({ name: `Original Org ${Date.now()}`, type: "LOCAL_AUTHORITY" });
    const area = await prisma.area.create({ data: { code: `STALE_${Date.now()}`, name: `Stale Area ${Date.now()}` } });
    const edit = (admin: (typeof admins)[number], name: string) =>
      updateOrganisation(actorFor(admin) as unknown as Parameters<typeof updateOrganisation>[0], org.id, { name, shortName: "", type: "LOCAL_AUTHORITY", areas: [area.id] });
    const results = await Promise.all([edit(admins[0], `First ${org.name}`), edit(admins[1], `Second ${org.name}`)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const events = await prisma.auditEvent.findMany({ where: { action: "admin.organisation_updated", recordId: org.id }, orderBy: { id: "asc" } });
    const names = events.map((e) => (e.details as { changes: { name: { old: string; new: string } } }).changes.name);
    expect(names).toHaveLength(2);
    expect(names[0]!.old).toBe(org.name);
    expect(names[1]!.old).toBe(names[0]!.new);
  });
});

describe("a password change applies only over the password that was verified", () => {
  it("two changes at once from two tabs: one succeeds, the other is asked for the current password again", async () => {
    const user = await createUser({ organisationId });
    const cookie = await signedInCookie(user.id);
    const change = (password: string) =>
      run(passwordRoute.action, makeRequest("/account/password", { cookie, form: { currentPassword: TEST_PASSWORD, newPassword: password, confirmPassword: password } }));
    const outcomes = await Promise.all([change("first brand new passphrase 2026"), change("second brand new passphrase 2026")]);
    const statuses = outcomes.map(statusOf);
    expect(statuses.filter((s) => s === 302 || s === 200)).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { action: "auth.password_changed", recordId: user.id } })).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { Role } from "~/generated/prisma/enums";
import * as overview from "~/routes/admin._index";
import * as organisationEdit from "~/routes/admin.organisations.$id";
import * as organisationsList from "~/routes/admin.organisations._index";
import * as organisationNew from "~/routes/admin.organisations.new";
import * as userDetail from "~/routes/admin.users.$id._index";
import * as userDisable from "~/routes/admin.users.$id.disable";
import * as userResetMfa from "~/routes/admin.users.$id.reset-mfa";
import * as userEdit from "~/routes/admin.users.$id.edit";
import * as usersList from "~/routes/admin.users._index";
import * as userNew from "~/routes/admin.users.new";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

/**
 * Every administration route, every role: only system administrators get in. Everyone else gets
 * the ordinary 404 (the area is not confirmed to exist), the attempt is audited, and nothing changes.
 */
const NON_ADMIN_ROLES = Object.values(Role).filter((role) => role !== "SYSTEM_ADMINISTRATOR");

async function fixtures() {
  const organisation = await createOrganisation({ type: "LOCAL_AUTHORITY" });
  const target = await createUser({ organisationId: organisation.id, roles: ["PARTNER_SUBMITTER"] });
  const area = await prisma.area.create({ data: { code: `A${Date.now()}${Math.random()}`, name: `Area ${Math.random()}` } });
  return { organisation, target, area };
}

type Route = {
  name: string;
  loader: (args: never) => unknown;
  action?: (args: never) => unknown;
  path: (f: Awaited<ReturnType<typeof fixtures>>) => string;
  params: (f: Awaited<ReturnType<typeof fixtures>>) => Record<string, string>;
  form?: (f: Awaited<ReturnType<typeof fixtures>>) => Record<string, string | string[]>;
};

const ROUTES: Route[] = [
  { name: "/admin", loader: overview.loader, path: () => "/admin", params: () => ({}) },
  { name: "/admin/organisations", loader: organisationsList.loader, path: () => "/admin/organisations", params: () => ({}) },
  {
    name: "/admin/organisations/new",
    loader: organisationNew.loader,
    action: organisationNew.action,
    path: () => "/admin/organisations/new",
    params: () => ({}),
    form: (f) => ({ name: "Sneaky Org", type: "HEALTH", areas: [f.area.id] }),
  },
  {
    name: "/admin/organisations/$id",
    loader: organisationEdit.loader,
    action: organisationEdit.action,
    path: (f) => `/admin/organisations/${f.organisation.id}`,
    params: (f) => ({ id: f.organisation.id }),
    form: (f) => ({ name: "Renamed", type: "HEALTH", areas: [f.area.id] }),
  },
  { name: "/admin/users", loader: usersList.loader, path: () => "/admin/users", params: () => ({}) },
  {
    name: "/admin/users/new",
    loader: userNew.loader,
    action: userNew.action,
    path: () => "/admin/users/new",
    params: () => ({}),
    form: (f) => ({
      name: "Sneaky",
      email: "sneaky@example.test",
      organisationId: f.organisation.id,
      roles: ["SYSTEM_ADMINISTRATOR"],
      isAgreementSignatory: "no",
    }),
  },
  {
    name: "/admin/users/$id",
    loader: userDetail.loader,
    action: userDetail.action,
    path: (f) => `/admin/users/${f.target.id}`,
    params: (f) => ({ id: f.target.id }),
    form: () => ({ intent: "activation-link" }),
  },
  {
    name: "/admin/users/$id/disable",
    loader: userDisable.loader,
    action: userDisable.action,
    path: (f) => `/admin/users/${f.target.id}/disable`,
    params: (f) => ({ id: f.target.id }),
    form: () => ({ reason: "Sneaky" }),
  },
  {
    name: "/admin/users/$id/reset-mfa",
    loader: userResetMfa.loader,
    action: userResetMfa.action,
    path: (f) => `/admin/users/${f.target.id}/reset-mfa`,
    params: (f) => ({ id: f.target.id }),
    form: () => ({ reason: "Sneaky" }),
  },
  {
    name: "/admin/users/$id/edit",
    loader: userEdit.loader,
    action: userEdit.action,
    path: (f) => `/admin/users/${f.target.id}/edit`,
    params: (f) => ({ id: f.target.id }),
    form: (f) => ({ name: "Changed", organisationId: f.organisation.id, roles: ["SYSTEM_ADMINISTRATOR"], isAgreementSignatory: "yes" }),
  },
];

async function snapshot(f: Awaited<ReturnType<typeof fixtures>>) {
  return {
    target: await prisma.user.findUniqueOrThrow({
      where: { id: f.target.id },
      select: { name: true, roles: true, disabledAt: true, totpSecret: true, _count: { select: { activations: true, roleGrantRequests: true } } },
    }),
    organisation: await prisma.organisation.findUniqueOrThrow({ where: { id: f.organisation.id }, select: { name: true, type: true } }),
    users: await prisma.user.count(),
    organisations: await prisma.organisation.count(),
  };
}

describe.each(ROUTES)("$name", (route) => {
  it("lets a system administrator in", async () => {
    const f = await fixtures();
    const admin = await createUser({ roles: ["SYSTEM_ADMINISTRATOR"] });
    const outcome = await run(route.loader, makeRequest(route.path(f), { cookie: await signedInCookie(admin.id) }), route.params(f));
    expect(statusOf(outcome)).toBe(200);
  });

  it.each(NON_ADMIN_ROLES)("answers 404 to a %s, audits it and changes nothing", async (role) => {
    const f = await fixtures();
    const user = await createUser({ roles: [role], organisationId: f.organisation.id });
    const cookie = await signedInCookie(user.id);
    const before = await snapshot(f);

    expect(statusOf(await run(route.loader, makeRequest(route.path(f), { cookie }), route.params(f)))).toBe(404);
    if (route.action && route.form) {
      const outcome = await run(route.action, makeRequest(route.path(f), { cookie, form: route.form(f) }), route.params(f));
      expect(statusOf(outcome)).toBe(404);
    }

    expect(await snapshot(f)).toEqual(before);
    const denials = await prisma.auditEvent.count({
      where: { actorUserId: user.id, action: "access.denied", outcome: "DENIED", recordType: "AdminArea" },
    });
    expect(denials).toBe(route.action ? 2 : 1);
  });

  it("sends a signed-out visitor to sign in", async () => {
    const f = await fixtures();
    const outcome = await run(route.loader, makeRequest(route.path(f)), route.params(f));
    expect(statusOf(outcome)).toBe(302);
    expect((outcome as Response).headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });
});

it("an administrator who holds other roles too is still an administrator", async () => {
  const admin = await createUser({ roles: ["PARTNER_SUBMITTER", "SYSTEM_ADMINISTRATOR"] });
  const outcome = await run(overview.loader, makeRequest("/admin", { cookie: await signedInCookie(admin.id) }));
  expect(statusOf(outcome)).toBe(200);
});

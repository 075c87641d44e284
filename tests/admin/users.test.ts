import { describe, expect, it } from "vitest";
import { validateSessionToken } from "~/modules/auth/session.server";
import { verifyPassword } from "~/modules/auth/password.server";
import * as activate from "~/routes/activate.$token";
import * as userDetail from "~/routes/admin.users.$id._index";
import * as userDisable from "~/routes/admin.users.$id.disable";
import * as userResetMfa from "~/routes/admin.users.$id.reset-mfa";
import * as userEdit from "~/routes/admin.users.$id.edit";
import * as usersList from "~/routes/admin.users._index";
import * as userNew from "~/routes/admin.users.new";
import { UNUSABLE_PASSWORD_HASH, activationTokenHash } from "~/modules/users/activation.server";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser, signedInCookie } from "../helpers/factories";
import { makeRequest, run, statusOf } from "../helpers/remix";

const STRONG_PASSWORD = "violet kettle harbour seventeen";

async function signedInAdmin() {
  const admin = await createUser({ roles: ["SYSTEM_ADMINISTRATOR"] });
  return { admin, cookie: await signedInCookie(admin.id) };
}

function tokenOf(data: unknown): string {
  const url = (data as { created?: { activationUrl: string }; link?: { url: string } }).created?.activationUrl
    ?? (data as { link: { url: string } }).link.url;
  return new URL(url).pathname.split("/").pop()!;
}

async function createViaForm(cookie: string, form: Record<string, string | string[]>) {
  return run(userNew.action, makeRequest("/admin/users/new", { cookie, form }));
}

/** The last audit event of `action` about `recordId`. */
function lastEvent(action: string, recordId: string) {
  return prisma.auditEvent.findFirstOrThrow({ where: { action, recordId }, orderBy: { id: "desc" } });
}

/** A session token for `userId`, for checking later whether the session still works. */
async function sessionToken(userId: string) {
  const cookie = await signedInCookie(userId);
  return cookie.split("=")[1]!;
}

describe("creating a user account", () => {
  it("normalises the email, gives no password, and shows a one-time activation link stored only as a hash", async () => {
    const { admin, cookie } = await signedInAdmin();
    const organisation = await createOrganisation();
    const data = await createViaForm(cookie, {
      name: "Jo Bloggs",
      email: "  Jo.Bloggs@Telford.GOV.example ",
      organisationId: organisation.id,
      roles: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"],
      isAgreementSignatory: "yes",
    });
    const token = tokenOf(data);
    expect(token).toMatch(/^[a-z2-7]{32}$/);

    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "jo.bloggs@telford.gov.example" },
      include: { activations: true, roleGrantRequests: true },
    });
    // The roles wait for a partner manager's approval (tests/admin/role-grants.test.ts).
    expect(user.roles).toEqual([]);
    expect(user.roleGrantRequests.map((r) => [r.role, r.status]).sort()).toEqual([
      ["PARTNER_MANAGER", "PENDING"],
      ["PARTNER_SUBMITTER", "PENDING"],
    ]);
    expect(user.isAgreementSignatory).toBe(true);
    expect(user.passwordHash).toBe(UNUSABLE_PASSWORD_HASH);
    expect(user.totpSecret).toBeNull();
    expect(user.activations).toHaveLength(1);
    expect(user.activations[0]!.tokenHash).toBe(activationTokenHash(token));
    expect(user.activations[0]!.tokenHash).not.toContain(token);
    const hours = (user.activations[0]!.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);

    const created = await lastEvent("admin.user_created", user.id);
    expect(created.actorUserId).toBe(admin.id);
    expect(created.details).toMatchObject({
      email: user.email,
      roles: [],
      rolesRequested: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"],
      isAgreementSignatory: true,
    });
    const issued = await lastEvent("admin.activation_link_issued", user.id);
    expect(JSON.stringify(issued.details)).not.toContain(token);
  });

  it("refuses a second account with the same email in any case, keeping what was typed", async () => {
    const { cookie } = await signedInAdmin();
    const existing = await createUser();
    const data = (await createViaForm(cookie, {
      name: "Copy",
      email: existing.email.toUpperCase(),
      organisationId: existing.organisationId,
      roles: ["PARTNER_SUBMITTER"],
      isAgreementSignatory: "no",
    })) as { errors: Record<string, string>; values: Record<string, string> };
    expect(data.errors.email).toMatch(/already exists/);
    expect(data.values.name).toBe("Copy");
  });

  it("explains every missing answer", async () => {
    const { cookie } = await signedInAdmin();
    const data = (await createViaForm(cookie, { name: "", email: "not-an-email", organisationId: "" })) as {
      errors: Record<string, string>;
    };
    expect(Object.keys(data.errors).sort()).toEqual(["email", "isAgreementSignatory", "name", "organisationId", "roles"]);
  });
});

describe("activation link", () => {
  async function newAccount() {
    const { cookie } = await signedInAdmin();
    const organisation = await createOrganisation();
    const email = `new-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`;
    const data = await createViaForm(cookie, {
      name: "New Person",
      email,
      organisationId: organisation.id,
      roles: ["PARTNER_SUBMITTER"],
      isAgreementSignatory: "no",
    });
    return { token: tokenOf(data), email, cookie };
  }

  const submit = (token: string, form: Record<string, string>) =>
    run(activate.action, makeRequest(`/activate/${token}`, { form }), { token });

  it("sets the password once, then sends the person to sign in; the link cannot be used again", async () => {
    const { token, email } = await newAccount();
    const page = (await run(activate.loader, makeRequest(`/activate/${token}`), { token })) as { valid: boolean; email: string };
    expect(page).toMatchObject({ valid: true, email, isNewAccount: true });

    const outcome = await submit(token, { password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
    expect(statusOf(outcome)).toBe(302);
    expect((outcome as Response).headers.get("Location")).toBe("/sign-in");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(user.passwordHash, STRONG_PASSWORD)).toBe(true);
    expect(user.totpSecret).toBeNull();
    expect(await prisma.userActivation.count({ where: { userId: user.id } })).toBe(0);
    expect((await lastEvent("account.activated", user.id)).actorUserId).toBe(user.id);

    expect(await run(activate.loader, makeRequest(`/activate/${token}`), { token })).toMatchObject({ valid: false });
    expect(await submit(token, { password: "another long phrase here", confirmPassword: "another long phrase here" })).toMatchObject({
      invalidLink: true,
    });
  });

  it("refuses weak and mismatched passwords with a clear reason and keeps the link", async () => {
    const { token } = await newAccount();
    const weak = (await submit(token, { password: "password1234", confirmPassword: "password1234" })) as { errors: Record<string, string> };
    expect(weak.errors.password).toMatch(/too easy to guess/);
    const short = (await submit(token, { password: "short", confirmPassword: "short" })) as { errors: Record<string, string> };
    expect(short.errors.password).toMatch(/at least 12 characters/);
    const mismatch = (await submit(token, { password: STRONG_PASSWORD, confirmPassword: `${STRONG_PASSWORD}!` })) as {
      errors: Record<string, string>;
    };
    expect(mismatch.errors.confirmPassword).toMatch(/do not match/);
    expect(await run(activate.loader, makeRequest(`/activate/${token}`), { token })).toMatchObject({ valid: true });
  });

  it("does not work once expired, or for a made-up token", async () => {
    const { token } = await newAccount();
    await prisma.userActivation.updateMany({ where: { tokenHash: activationTokenHash(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await run(activate.loader, makeRequest(`/activate/${token}`), { token })).toMatchObject({ valid: false });
    expect(await submit(token, { password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD })).toMatchObject({ invalidLink: true });
    const madeUp = "a".repeat(32);
    expect(await run(activate.loader, makeRequest(`/activate/${madeUp}`), { token: madeUp })).toMatchObject({ valid: false });
  });

  it("a new link cancels the old one and, used, resets the password and ends every session", async () => {
    const { cookie } = await signedInAdmin();
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    const session = await sessionToken(user.id);
    const first = tokenOf(await run(userDetail.action, makeRequest(`/admin/users/${user.id}`, { cookie, form: { intent: "activation-link" } }), { id: user.id }));
    const second = tokenOf(await run(userDetail.action, makeRequest(`/admin/users/${user.id}`, { cookie, form: { intent: "activation-link" } }), { id: user.id }));
    expect(first).not.toBe(second);
    expect(await run(activate.loader, makeRequest(`/activate/${first}`), { token: first })).toMatchObject({ valid: false });
    expect(await run(activate.loader, makeRequest(`/activate/${second}`), { token: second })).toMatchObject({ valid: true, isNewAccount: false });
    // The old password keeps working until the link is used.
    expect(await validateSessionToken(session)).not.toBeNull();

    await submit(second, { password: STRONG_PASSWORD, confirmPassword: STRONG_PASSWORD });
    expect(await validateSessionToken(session)).toBeNull();
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, STRONG_PASSWORD)).toBe(true);
    expect(after.totpSecret).toBe(user.totpSecret);
    expect((await lastEvent("admin.activation_link_issued", user.id)).details).toMatchObject({ reason: "password reset" });
  });
});

describe("changing an account", () => {
  it("changes name, roles and signatory flag, auditing old and new values; added roles wait for approval", async () => {
    const { cookie } = await signedInAdmin();
    const user = await createUser({ roles: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"] });
    const outcome = await run(
      userEdit.action,
      makeRequest(`/admin/users/${user.id}/edit`, {
        cookie,
        form: { name: "Renamed", organisationId: user.organisationId, roles: ["PARTNER_MANAGER"], isAgreementSignatory: "yes" },
      }),
      { id: user.id },
    );
    expect((outcome as Response).headers.get("Location")).toBe(`/admin/users/${user.id}?done=updated`);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ name: "Renamed", roles: ["PARTNER_MANAGER"], isAgreementSignatory: true });
    const event = await lastEvent("admin.user_updated", user.id);
    expect(event.details).toEqual({
      email: user.email,
      changes: {
        name: { old: "Test User", new: "Renamed" },
        roles: { old: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"], new: ["PARTNER_MANAGER"] },
        isAgreementSignatory: { old: false, new: true },
      },
    });
  });

  it("moving an account to another organisation is audited, and its roles are asked for again there", async () => {
    const { cookie } = await signedInAdmin();
    const user = await createUser({ roles: ["PARTNER_SUBMITTER"] });
    const other = await createOrganisation({ name: `Other ${Date.now()}` });
    const outcome = await run(
      userEdit.action,
      makeRequest(`/admin/users/${user.id}/edit`, {
        cookie,
        form: { name: "Test User", organisationId: other.id, roles: ["PARTNER_SUBMITTER", "PARTNER_MANAGER"], isAgreementSignatory: "no" },
      }),
      { id: user.id },
    );
    expect((outcome as Response).headers.get("Location")).toBe(`/admin/users/${user.id}?done=roles-requested`);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ organisationId: other.id, roles: [] });
    const event = await lastEvent("admin.user_updated", user.id);
    expect(event.details).toEqual({
      email: user.email,
      changes: {
        organisationId: { old: user.organisationId, new: other.id },
        organisation: { old: user.organisation.name, new: other.name },
        roles: { old: ["PARTNER_SUBMITTER"], new: [] },
      },
    });
    const detail = (await run(userDetail.loader, makeRequest(`/admin/users/${user.id}`, { cookie }), { id: user.id })) as {
      user: { roles: string[]; pendingRoles: { role: string; approver: string }[] };
    };
    expect(detail.user.roles).toEqual([]);
    expect(detail.user.pendingRoles.map((r) => `${r.role}: ${r.approver}`)).toEqual([
      "Partner submitter: a partner manager of the person's organisation",
      "Partner manager: a partner manager of the person's organisation",
    ]);
  });

  it("an administrator cannot remove their own administrator role", async () => {
    const { admin, cookie } = await signedInAdmin();
    const outcome = (await run(
      userEdit.action,
      makeRequest(`/admin/users/${admin.id}/edit`, {
        cookie,
        form: { name: "Test User", organisationId: admin.organisationId, roles: ["DATA_PROTECTION_OFFICER"], isAgreementSignatory: "no" },
      }),
      { id: admin.id },
    )) as { errors: Record<string, string> };
    expect(outcome.errors.form).toMatch(/cannot change your own roles/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).roles).toEqual(["SYSTEM_ADMINISTRATOR"]);
  });

  it("disabling ends every session at once; enabling lets the person sign in again", async () => {
    const { admin, cookie } = await signedInAdmin();
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    const sessions = [await sessionToken(user.id), await sessionToken(user.id)];
    const act = (intent: string) =>
      run(userDetail.action, makeRequest(`/admin/users/${user.id}`, { cookie, form: { intent } }), { id: user.id });
    const disable = (form: Record<string, string>) =>
      run(userDisable.action, makeRequest(`/admin/users/${user.id}/disable`, { cookie, form }), { id: user.id });

    // Disabling asks for a reason first, and does nothing without one.
    expect(statusOf(await run(userDisable.loader, makeRequest(`/admin/users/${user.id}/disable`, { cookie }), { id: user.id }))).toBe(200);
    const noReason = (await disable({ reason: " " })) as { errors: Record<string, string> };
    expect(noReason.errors.reason).toBe("Enter why you are disabling this account");
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);

    expect((await disable({ reason: "Left the force on 1 December" })) as Response).toHaveProperty("status", 302);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    for (const token of sessions) expect(await validateSessionToken(token)).toBeNull();
    const disabled = await lastEvent("admin.user_disabled", user.id);
    expect(disabled).toMatchObject({
      actorUserId: admin.id,
      details: { sessionsEnded: 2, reason: "Left the force on 1 December", changes: { disabled: { old: false, new: true } } },
    });

    await act("enable");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
    expect(await lastEvent("admin.user_enabled", user.id)).toBeTruthy();
  });

  it("resetting MFA clears the secret, replay guard and recovery codes and ends sessions", async () => {
    const { cookie } = await signedInAdmin();
    const user = await createUser({ roles: ["POLICE_ANALYST"] });
    await prisma.user.update({ where: { id: user.id }, data: { totpLastUsedStep: 123n } });
    await prisma.recoveryCode.create({ data: { userId: user.id, codeHash: "x".repeat(64) } });
    const session = await sessionToken(user.id);
    const reset = (form: Record<string, string>) =>
      run(userResetMfa.action, makeRequest(`/admin/users/${user.id}/reset-mfa`, { cookie, form }), { id: user.id });
    const noReason = (await reset({})) as { errors: Record<string, string> };
    expect(noReason.errors.reason).toBe("Enter why you are resetting MFA for this account");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret).toBe(user.totpSecret);
    expect(statusOf(await reset({ reason: "Lost phone; identity checked by video call" }))).toBe(302);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ totpSecret: null, totpEnrolledAt: null, totpLastUsedStep: null });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await validateSessionToken(session)).toBeNull();
    const event = await lastEvent("admin.mfa_reset", user.id);
    expect(event.details).toMatchObject({ recoveryCodesRemoved: 1, sessionsEnded: 1, reason: "Lost phone; identity checked by video call" });
    expect(JSON.stringify(event.details)).not.toContain(user.totpSecret!);
  });

  it("an administrator cannot disable themselves, reset their own MFA or issue themselves a link", async () => {
    const { admin, cookie } = await signedInAdmin();
    const attempts = [
      run(userDisable.action, makeRequest(`/admin/users/${admin.id}/disable`, { cookie, form: { reason: "test" } }), { id: admin.id }),
      run(userResetMfa.action, makeRequest(`/admin/users/${admin.id}/reset-mfa`, { cookie, form: { reason: "test" } }), { id: admin.id }),
      run(userDetail.action, makeRequest(`/admin/users/${admin.id}`, { cookie, form: { intent: "activation-link" } }), { id: admin.id }),
    ];
    for (const attempt of attempts) {
      expect(((await attempt) as { errors: Record<string, string> }).errors.form).toMatch(/your own/);
    }
    const after = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(after.disabledAt).toBeNull();
    expect(after.totpSecret).toBe(admin.totpSecret);
    expect(await prisma.auditEvent.count({ where: { recordId: admin.id, action: "access.denied", outcome: "DENIED" } })).toBe(3);
  });

  it("answers 404 for an unknown account", async () => {
    const { cookie } = await signedInAdmin();
    const id = "00000000-0000-4000-8000-000000000000";
    expect(statusOf(await run(userDetail.loader, makeRequest(`/admin/users/${id}`, { cookie }), { id }))).toBe(404);
    expect(statusOf(await run(userDetail.loader, makeRequest(`/admin/users/nope`, { cookie }), { id: "nope" }))).toBe(404);
  });
});

describe("listing accounts", () => {
  type ListData = { users: { email: string; status: string }[]; next: string | null; previous: string | null };
  const list = async (cookie: string, query: string) =>
    (await run(usersList.loader, makeRequest(`/admin/users${query}`, { cookie }))) as ListData;

  it("filters by organisation, role and status in the database and pages through every row once", async () => {
    const { cookie } = await signedInAdmin();
    const organisation = await createOrganisation();
    for (let i = 0; i < 30; i++) {
      await createUser({
        organisationId: organisation.id,
        roles: [i % 3 === 0 ? "PARTNER_MANAGER" : "PARTNER_SUBMITTER"],
        email: `person${String(i).padStart(2, "0")}@paging.example`,
        disabled: i % 10 === 0,
      });
    }
    const seen: string[] = [];
    let query = `?organisation=${organisation.id}`;
    for (;;) {
      const page = await list(cookie, query);
      seen.push(...page.users.map((u) => u.email));
      if (!page.next) break;
      query = page.next.slice("/admin/users".length);
      expect(query).toContain(`organisation=${organisation.id}`);
    }
    expect(seen).toHaveLength(30);
    expect([...seen].sort()).toEqual(seen);

    const secondPage = await list(cookie, (await list(cookie, `?organisation=${organisation.id}`)).next!.slice("/admin/users".length));
    const back = await list(cookie, secondPage.previous!.slice("/admin/users".length));
    expect(back.users.map((u) => u.email)).toEqual(seen.slice(0, 25));

    const managers = await list(cookie, `?organisation=${organisation.id}&role=PARTNER_MANAGER`);
    expect(managers.users).toHaveLength(10);
    const disabled = await list(cookie, `?organisation=${organisation.id}&status=disabled`);
    expect(disabled.users.map((u) => u.email)).toEqual(["person00@paging.example", "person10@paging.example", "person20@paging.example"]);
    const search = await list(cookie, `?q=PERSON2`);
    expect(search.users.map((u) => u.email)).toHaveLength(10);
  });

  it("shows a new account as awaiting activation, and answers nonsense filters with 400", async () => {
    const { cookie } = await signedInAdmin();
    const organisation = await createOrganisation();
    await createViaForm(cookie, {
      name: "Awaiting",
      email: "awaiting@example.test",
      organisationId: organisation.id,
      roles: ["PARTNER_SUBMITTER"],
      isAgreementSignatory: "no",
    });
    const page = await list(cookie, `?status=awaiting-activation`);
    expect(page.users.map((u) => u.email)).toContain("awaiting@example.test");
    for (const nonsense of ["?role=KING", "?status=whatever", "?organisation=1;drop", "?after=%%%", "?q=ada%00"]) {
      expect(statusOf(await run(usersList.loader, makeRequest(`/admin/users${nonsense}`, { cookie }))), nonsense).toBe(400);
    }
  });
});

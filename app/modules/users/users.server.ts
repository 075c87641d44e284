import { subject } from "@casl/ability";
import type { Prisma } from "~/generated/prisma/client";
import type { Role } from "~/generated/prisma/enums";
import { changedFields } from "~/modules/administration/changes";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { notFound, type AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere, type Action, type AppAbility } from "~/modules/authorization/ability.server";
import { recordDenial } from "~/modules/authorization/deny.server";
import { isUniqueViolation, isUuid } from "~/modules/organisations/organisations.server";
import { prisma } from "~/utils/db.server";
import { keysetPage, keysetQuery, type KeysetParams } from "~/utils/keyset";
import { issueActivation, UNUSABLE_PASSWORD_HASH } from "./activation.server";
import { cancelRoleGrants, lockAccount, requestRoleGrants, rolesOrganisationMismatch } from "./role-grants.server";
import type { EditUserForm, NewUserForm, UserListFilters, UserStatus } from "./user-form";
import { clock } from "~/utils/clock";

export const USERS_PAGE_SIZE = 25;

type Actor = Pick<AuthenticatedRequest, "ability" | "audit" | "user">;

export function userStatus(user: { disabledAt: Date | null; passwordHash: string }): UserStatus {
  if (user.disabledAt) return "disabled";
  return user.passwordHash === UNUSABLE_PASSWORD_HASH ? "awaiting-activation" : "active";
}

function statusWhere(status: UserStatus): Prisma.UserWhereInput {
  switch (status) {
    case "disabled":
      return { disabledAt: { not: null } };
    case "awaiting-activation":
      return { disabledAt: null, passwordHash: UNUSABLE_PASSWORD_HASH };
    case "active":
      return { disabledAt: null, passwordHash: { not: UNUSABLE_PASSWORD_HASH } };
  }
}

function filtersWhere(filters: UserListFilters): Prisma.UserWhereInput[] {
  const where: Prisma.UserWhereInput[] = [];
  if (filters.organisation) where.push({ organisationId: filters.organisation });
  if (filters.role) where.push({ roles: { has: filters.role } });
  if (filters.status) where.push(statusWhere(filters.status));
  if (filters.q) {
    where.push({
      OR: [{ name: { contains: filters.q, mode: "insensitive" } }, { email: { contains: filters.q.toLowerCase() } }],
    });
  }
  return where;
}

/**
 * One page of accounts ordered by email (unique, so its index serves the keyset), filtered in the
 * database. The password hash is read only to derive the status and never leaves this function.
 */
export async function listUsers(ability: AppAbility, filters: UserListFilters, page: KeysetParams) {
  const query = keysetQuery("email", page, USERS_PAGE_SIZE);
  const rows = await prisma.user.findMany({
    where: { AND: [accessibleWhere(ability, "read", "User"), ...filtersWhere(filters), query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      isAgreementSignatory: true,
      disabledAt: true,
      passwordHash: true,
      totpEnrolledAt: true,
      organisation: { select: { id: true, name: true } },
    },
  });
  const result = keysetPage(rows, page, USERS_PAGE_SIZE, (row) => row.email);
  return {
    ...result,
    items: result.items.map(({ passwordHash, ...user }) => ({
      ...user,
      status: userStatus({ disabledAt: user.disabledAt, passwordHash }),
      mfaEnrolled: user.totpEnrolledAt !== null,
    })),
  };
}

export async function countUsersByStatus(ability: AppAbility): Promise<Record<UserStatus, number>> {
  const readable = accessibleWhere(ability, "read", "User");
  const [active, awaiting, disabled] = await Promise.all(
    (["active", "awaiting-activation", "disabled"] as const).map((status) =>
      prisma.user.count({ where: { AND: [readable, statusWhere(status)] } }),
    ),
  );
  return { active: active ?? 0, "awaiting-activation": awaiting ?? 0, disabled: disabled ?? 0 };
}

/** The account as an administrator sees it, or a 404. */
export async function getUserForAdmin(ability: AppAbility, id: string, now = clock.now()) {
  if (!isUuid(id)) throw notFound();
  const row = await prisma.user.findFirst({
    where: { AND: [accessibleWhere(ability, "read", "User"), { id }] },
    select: {
      id: true,
      name: true,
      email: true,
      roles: true,
      isAgreementSignatory: true,
      disabledAt: true,
      passwordHash: true,
      totpEnrolledAt: true,
      lastSignInAt: true,
      createdAt: true,
      organisation: { select: { id: true, name: true } },
      activations: { select: { expiresAt: true }, where: { expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: 1 },
      roleGrantRequests: {
        where: { status: "PENDING" },
        orderBy: { requestedAt: "asc" },
        select: { id: true, role: true, requestedAt: true, requestedBy: { select: { name: true } } },
      },
      _count: { select: { sessions: { where: { expiresAt: { gt: now }, absoluteExpiresAt: { gt: now } } } } },
    },
  });
  if (!row) throw notFound();
  const { passwordHash, activations, _count, roleGrantRequests, ...user } = row;
  return {
    ...user,
    /** Roles asked for and awaiting a second person's approval: they give no access yet. */
    pendingRoles: roleGrantRequests,
    status: userStatus({ disabledAt: user.disabledAt, passwordHash }),
    mfaEnrolled: user.totpEnrolledAt !== null,
    activationExpiresAt: activations[0]?.expiresAt ?? null,
    activeSessions: _count.sessions,
  };
}

export type AdminUser = Awaited<ReturnType<typeof getUserForAdmin>>;

export type AccountResult =
  | { ok: true; id: string }
  | { ok: false; errors: Record<string, string> };

export type ActivationLinkResult =
  | { ok: true; id: string; token: string; expiresAt: Date }
  | { ok: false; errors: Record<string, string> };

const EMAIL_TAKEN = { email: "An account with this email address already exists" };

/**
 * Creates an account with no usable password and returns its one-time activation link token. The
 * account starts with no roles: each role asked for waits for a second person's approval
 * (role-grants.server.ts), so creating an account for yourself gives you nothing.
 */
export async function createUserAccount(actor: Actor, input: NewUserForm, now = clock.now()): Promise<ActivationLinkResult> {
  if (!actor.ability.can("create", "User")) throw notFound();
  const organisation = await readableOrganisation(actor.ability, input.organisationId);
  if (!organisation) return { ok: false, errors: { organisationId: "Select the person's organisation" } };
  const mismatch = rolesOrganisationMismatch(input.roles, organisation);
  if (mismatch) return { ok: false, errors: { roles: mismatch } };
  try {
    return await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          organisationId: organisation.id,
          roles: [],
          isAgreementSignatory: input.isAgreementSignatory,
          passwordHash: UNUSABLE_PASSWORD_HASH,
        },
        select: { id: true },
      });
      await recordAuditEvent(tx, actor.audit, {
        action: "admin.user_created",
        recordType: "User",
        recordId: created.id,
        details: {
          email: input.email,
          name: input.name,
          organisationId: organisation.id,
          organisation: organisation.name,
          roles: [],
          rolesRequested: input.roles,
          isAgreementSignatory: input.isAgreementSignatory,
        },
      });
      await requestRoleGrants(
        tx,
        actor,
        { id: created.id, email: input.email, organisationId: organisation.id, organisationName: organisation.name },
        input.roles,
      );
      const link = await issueActivation(tx, created.id, actor.user.id, now);
      await recordAuditEvent(tx, actor.audit, {
        action: "admin.activation_link_issued",
        recordType: "User",
        recordId: created.id,
        details: { email: input.email, expiresAt: link.expiresAt.toISOString(), reason: "new account" },
      });
      return { ok: true as const, id: created.id, ...link };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: EMAIL_TAKEN };
    throw error;
  }
}

const OWN_ACCESS = "You cannot change your own roles, organisation or signatory flag: ask another administrator";

export type UpdateAccountResult =
  | { ok: true; id: string; rolesRequested: Role[] }
  | { ok: false; errors: Record<string, string> };

/**
 * Changes name, organisation, roles and the signatory flag; records each changed field. Inside one
 * transaction, with the account's row locked, from the account as it is then (not as the form saw it):
 *
 * - Nobody changes their own roles, organisation or signatory flag (the "grant" rule); a name is fine.
 * - A role taken off takes effect at once (less access is always safe), and a pending request
 *   for it is cancelled.
 * - A role added is asked for: it gives nothing until a second person approves it.
 * - A move to another organisation takes every role away and asks for the roles again there,
 *   approved by that organisation's people (an approval in one force is no approval in another).
 */
export async function updateUserAccount(actor: Actor, id: string, input: EditUserForm, now = clock.now()): Promise<UpdateAccountResult> {
  const target = await getUserForAdmin(actor.ability, id);
  const denied = await refuseUnless(actor, "update", target, "You cannot change this account");
  if (denied) return denied;
  const organisation = await readableOrganisation(actor.ability, input.organisationId);
  if (!organisation) return { ok: false, errors: { organisationId: "Select the person's organisation" } };
  const outcome = await prisma.$transaction(async (tx) => {
    await lockAccount(tx, id);
    const current = await tx.user.findUniqueOrThrow({
      where: { id },
      include: {
        organisation: { select: { name: true } },
        roleGrantRequests: { where: { status: "PENDING" }, select: { id: true, role: true, organisationId: true } },
      },
    });
    const { roleGrantRequests: pending, organisation: currentOrganisation, ...row } = current;
    const moved = organisation.id !== row.organisationId;
    const asked = [...row.roles, ...pending.map((request) => request.role)];
    const accessChanged = moved || row.isAgreementSignatory !== input.isAgreementSignatory || !sameRoles(asked, input.roles);
    if (accessChanged && !actor.ability.can("grant", subject("User", row))) return { kind: "denied" as const };
    if (accessChanged) {
      const mismatch = rolesOrganisationMismatch(input.roles, organisation);
      if (mismatch) return { kind: "invalid" as const, errors: { roles: mismatch } };
    }

    const kept = moved ? [] : row.roles.filter((role) => input.roles.includes(role));
    const stillPending = moved ? [] : pending.filter((request) => input.roles.includes(request.role));
    const cancelled = pending.filter((request) => !stillPending.includes(request));
    const toRequest = input.roles.filter((role) => !kept.includes(role) && !stillPending.some((request) => request.role === role));

    await tx.user.update({
      where: { id },
      data: { name: input.name, organisationId: organisation.id, roles: kept, isAgreementSignatory: input.isAgreementSignatory },
    });
    await cancelRoleGrants(
      tx,
      actor,
      row,
      cancelled,
      moved ? "The account moved to another organisation" : "The role was taken off the account",
      now,
    );
    await requestRoleGrants(tx, actor, { id, email: row.email, organisationId: organisation.id, organisationName: organisation.name }, toRequest);
    const changes = changedFields(
      {
        name: row.name,
        organisationId: row.organisationId,
        organisation: currentOrganisation.name,
        roles: row.roles,
        isAgreementSignatory: row.isAgreementSignatory,
      },
      {
        name: input.name,
        organisationId: organisation.id,
        organisation: organisation.name,
        roles: kept,
        isAgreementSignatory: input.isAgreementSignatory,
      },
    );
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(tx, actor.audit, {
        action: "admin.user_updated",
        recordType: "User",
        recordId: id,
        details: { email: row.email, changes },
      });
    }
    return { kind: "saved" as const, rolesRequested: toRequest };
  });
  if (outcome.kind === "denied") return denyAccountChange(actor, id, "grant", OWN_ACCESS);
  if (outcome.kind === "invalid") return { ok: false, errors: outcome.errors };
  return { ok: true, id, rolesRequested: outcome.rolesRequested };
}

function sameRoles(a: Role[], b: Role[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((role) => right.has(role));
}

/**
 * Disables the account: it can no longer sign in, every session ends at once (deleted in the same
 * transaction, so the very next request is refused) and any unused activation link dies.
 */
export async function disableUser(actor: Actor, id: string, reason: string, now = clock.now()): Promise<AccountResult> {
  const target = await getUserForAdmin(actor.ability, id);
  const denied = await refuseUnless(actor, "disable", target, "You cannot disable your own account");
  if (denied) return denied;
  if (target.disabledAt) return { ok: true, id };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { disabledAt: now } });
    const sessions = await tx.session.deleteMany({ where: { userId: id } });
    const links = await tx.userActivation.deleteMany({ where: { userId: id } });
    await recordAuditEvent(tx, actor.audit, {
      action: "admin.user_disabled",
      recordType: "User",
      recordId: id,
      details: {
        email: target.email,
        changes: { disabled: { old: false, new: true } },
        reason,
        sessionsEnded: sessions.count,
        activationLinksCancelled: links.count,
      },
    });
  });
  return { ok: true, id };
}

export async function enableUser(actor: Actor, id: string): Promise<AccountResult> {
  const target = await getUserForAdmin(actor.ability, id);
  const denied = await refuseUnless(actor, "disable", target, "You cannot change this account");
  if (denied) return denied;
  if (!target.disabledAt) return { ok: true, id };
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { disabledAt: null } });
    await recordAuditEvent(tx, actor.audit, {
      action: "admin.user_enabled",
      recordType: "User",
      recordId: id,
      details: { email: target.email, changes: { disabled: { old: true, new: false } } },
    });
  });
  return { ok: true, id };
}

/**
 * Removes the account's second factor (secret, replay guard and recovery codes) and ends its
 * sessions, so the next sign-in goes through enrolment again.
 */
export async function resetUserMfa(actor: Actor, id: string, reason: string): Promise<AccountResult> {
  const target = await getUserForAdmin(actor.ability, id);
  const denied = await refuseUnless(actor, "resetMfa", target, "You cannot reset your own MFA: ask another administrator");
  if (denied) return denied;
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "User" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const before = await tx.user.findUniqueOrThrow({ where: { id }, select: { totpEnrolledAt: true } });
    await tx.user.update({ where: { id }, data: { totpSecret: null, totpEnrolledAt: null, totpLastUsedStep: null } });
    const codes = await tx.recoveryCode.deleteMany({ where: { userId: id } });
    const sessions = await tx.session.deleteMany({ where: { userId: id } });
    await recordAuditEvent(tx, actor.audit, {
      action: "admin.mfa_reset",
      recordType: "User",
      recordId: id,
      details: {
        email: target.email,
        changes: { mfaEnrolled: { old: before.totpEnrolledAt !== null, new: false } },
        reason,
        recoveryCodesRemoved: codes.count,
        sessionsEnded: sessions.count,
      },
    });
  });
  return { ok: true, id };
}

/**
 * A new one-time link: for a user whose first link expired, or as a password reset. The current
 * password keeps working until the link is used; using it ends every session.
 */
export async function issueUserActivation(actor: Actor, id: string, now = clock.now()): Promise<ActivationLinkResult> {
  const target = await getUserForAdmin(actor.ability, id);
  // Resetting your own password this way would bypass your current password and MFA.
  const denied = await refuseUnless(actor, "resetMfa", target, "You cannot issue an activation link for your own account");
  if (denied) return denied;
  if (target.disabledAt) return { ok: false, errors: { form: "Enable the account before issuing an activation link" } };
  const link = await prisma.$transaction(async (tx) => {
    const issued = await issueActivation(tx, id, actor.user.id, now);
    await recordAuditEvent(tx, actor.audit, {
      action: "admin.activation_link_issued",
      recordType: "User",
      recordId: id,
      details: {
        email: target.email,
        expiresAt: issued.expiresAt.toISOString(),
        reason: target.status === "awaiting-activation" ? "new account" : "password reset",
      },
    });
    return issued;
  });
  return { ok: true, id, ...link };
}

async function refuseUnless(
  actor: Actor,
  action: Action,
  target: AdminUser,
  message: string,
): Promise<{ ok: false; errors: Record<string, string> } | null> {
  // The rules may look at any column, so check against the whole row (it stays on the server).
  const row = await prisma.user.findUniqueOrThrow({ where: { id: target.id } });
  if (actor.ability.can(action, subject("User", row))) return null;
  return denyAccountChange(actor, target.id, action, message);
}

async function denyAccountChange(actor: Actor, id: string, action: Action, message: string): Promise<{ ok: false; errors: Record<string, string> }> {
  await recordDenial(actor, { action, recordType: "User", recordId: id, reason: "ACTION_NOT_PERMITTED_ON_RECORD", status: 403 });
  return { ok: false, errors: { form: message } };
}

async function readableOrganisation(ability: AppAbility, organisationId: string) {
  return prisma.organisation.findFirst({
    where: { AND: [accessibleWhere(ability, "read", "Organisation"), { id: organisationId }] },
    select: { id: true, name: true, type: true },
  });
}


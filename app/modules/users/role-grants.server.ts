import { subject } from "@casl/ability";
import type { AppLoadContext } from "@remix-run/node";
import type { Prisma } from "~/generated/prisma/client";
import type { Role, RoleGrantStatus } from "~/generated/prisma/enums";
import { recordAuditEvent } from "~/modules/audit/audit.server";
import { requireUser, type AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere, defineAbilityFor, type AppAbility } from "~/modules/authorization/ability.server";
import { deny, recordDenial } from "~/modules/authorization/deny.server";
import { ROLE_GRANT_APPROVER, roleOrganisationMismatch } from "~/modules/authorization/rules/role-grants";
import { isUuid } from "~/modules/organisations/organisations.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import type { RoleGrantDecision } from "./user-form";

/**
 * Role grants with four eyes (issue 8, defect 1). An administrator asks for a role; it joins the
 * account's roles, and so gives any access, only when a second person approves it. Who may approve
 * which role is decided in app/modules/authorization/rules/role-grants.ts; this module keeps the
 * requests, and re-checks everything inside the transaction that decides one.
 */

type Actor = Pick<AuthenticatedRequest, "ability" | "audit" | "user">;
type Tx = Prisma.TransactionClient;

export interface GrantAccount {
  id: string;
  email: string;
  organisationId: string;
  organisationName: string;
}

/**
 * Holds the account's row until the transaction ends, so an edit of its roles and the approval of a
 * role never interleave (each reads the roles, then writes them).
 */
export async function lockAccount(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
}

/** Asks for each role for the account, inside the caller's transaction; one audit event each. */
export async function requestRoleGrants(tx: Tx, actor: Actor, account: GrantAccount, roles: Role[]): Promise<void> {
  for (const role of roles) {
    const request = await tx.roleGrantRequest.create({
      data: { userId: account.id, organisationId: account.organisationId, role, requestedById: actor.user.id },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor.audit, {
      action: "privilege.grant_requested",
      recordType: "User",
      recordId: account.id,
      recordOrganisationId: account.organisationId,
      details: {
        requestId: request.id,
        email: account.email,
        role,
        organisationId: account.organisationId,
        organisation: account.organisationName,
        approvedBy: ROLE_GRANT_APPROVER[role],
      },
    });
  }
}

/** Withdraws pending requests (the role was taken off the form, or the account moved); audited. */
export async function cancelRoleGrants(
  tx: Tx,
  actor: Actor,
  account: Pick<GrantAccount, "id" | "email">,
  requests: { id: string; role: Role; organisationId: string }[],
  reason: string,
  now: Date,
): Promise<void> {
  for (const request of requests) {
    const cancelled = await tx.roleGrantRequest.updateMany({
      where: { id: request.id, status: "PENDING" },
      data: { status: "CANCELLED", decidedById: actor.user.id, decidedAt: now, reason },
    });
    if (cancelled.count === 0) continue;
    await recordAuditEvent(tx, actor.audit, {
      action: "privilege.grant_cancelled",
      recordType: "User",
      recordId: account.id,
      recordOrganisationId: request.organisationId,
      details: { requestId: request.id, email: account.email, role: request.role, reason },
    });
  }
}

/** Why any of `roles` cannot be held in the organisation, or null. */
export function rolesOrganisationMismatch(
  roles: Role[],
  organisation: { name: string; type: Parameters<typeof roleOrganisationMismatch>[1] },
): string | null {
  for (const role of roles) {
    const mismatch = roleOrganisationMismatch(role, organisation.type, organisation.name);
    if (mismatch) return mismatch;
  }
  return null;
}

const DECIDE_SELECT = {
  id: true,
  role: true,
  status: true,
  requestedAt: true,
  requestedById: true,
  userId: true,
  organisationId: true,
  organisation: { select: { id: true, name: true } },
  user: { select: { id: true, name: true, email: true, roles: true, organisationId: true } },
  requestedBy: { select: { name: true, email: true } },
} satisfies Prisma.RoleGrantRequestSelect;

/** The requests this person may decide, oldest first. */
export async function listRoleGrantsToDecide(ability: AppAbility) {
  return prisma.roleGrantRequest.findMany({
    where: accessibleWhere(ability, "approve", "RoleGrantRequest"),
    orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
    take: 200,
    select: DECIDE_SELECT,
  });
}

export async function countRoleGrantsToDecide(ability: AppAbility): Promise<number> {
  return prisma.roleGrantRequest.count({ where: accessibleWhere(ability, "approve", "RoleGrantRequest") });
}

/** One request this person may decide, or 404 (a decided request, or someone else's to decide, too). */
export async function getRoleGrantToDecide(auth: AuthenticatedRequest, id: string, request: Request) {
  const found = isUuid(id)
    ? await prisma.roleGrantRequest.findFirst({
        where: { AND: [accessibleWhere(auth.ability, "approve", "RoleGrantRequest"), { id }] },
        select: DECIDE_SELECT,
      })
    : null;
  // Unknown, decided already, or not this approver's to decide: answered alike, and recorded.
  return found ?? deny(auth, { action: "role.grant_decided", recordType: "RoleGrantRequest", recordId: id, reason: "RECORD_NOT_VISIBLE", request });
}

/**
 * The approvals pages (/approvals/roles) are for people who approve some role: intelligence
 * supervisors, partner managers and data protection officers. Anyone else gets the ordinary 404,
 * and the attempt is recorded.
 */
export async function requireRoleGrantApprover(request: Request, context: AppLoadContext): Promise<AuthenticatedRequest> {
  const auth = await requireUser(request, context);
  if (!auth.ability.can("approve", "RoleGrantRequest")) {
    await deny(auth, { action: "approve RoleGrantRequest", recordType: "RoleGrantRequest", reason: "ACTION_NOT_PERMITTED", request });
  }
  return auth;
}

export type { RoleGrantDecision } from "./user-form";

export type RoleGrantDecisionResult =
  | { ok: true; status: Extract<RoleGrantStatus, "APPROVED" | "REFUSED">; role: Role; name: string }
  | { ok: false; errors: Record<string, string> };

const ALREADY_DECIDED: Record<RoleGrantStatus, string> = {
  PENDING: "",
  APPROVED: "This request has already been approved",
  REFUSED: "This request has already been refused",
  CANCELLED: "This request was cancelled by an administrator",
};

/**
 * Approves or refuses a pending request. Inside one transaction, with the account's row locked:
 * the request is still pending; the approver, read again from the database, may still approve it
 * (their roles and organisation now, not those of their session; never the requester or the person
 * it is for); the account is still in the organisation the role was asked for; and the role still
 * fits that organisation. Only then does the role join the account's roles.
 */
export async function decideRoleGrant(
  actor: Actor,
  id: string,
  input: RoleGrantDecision,
  now = clock.now(),
): Promise<RoleGrantDecisionResult> {
  const visible = await getRoleGrantOrDeny(actor, id);
  const outcome = await prisma.$transaction(async (tx) => {
    await lockAccount(tx, visible.userId);
    const request = await tx.roleGrantRequest.findUniqueOrThrow({
      where: { id },
      include: {
        organisation: { select: { name: true, type: true } },
        user: { select: { email: true, name: true, roles: true, organisationId: true } },
      },
    });
    if (request.status !== "PENDING") return { kind: "refused" as const, message: ALREADY_DECIDED[request.status] };
    const approver = await tx.user.findUnique({
      where: { id: actor.user.id },
      select: { id: true, roles: true, organisationId: true, isAgreementSignatory: true, disabledAt: true, organisation: { select: { type: true } } },
    });
    const ability = approver && !approver.disabledAt ? defineAbilityFor({ ...approver, organisationType: approver.organisation.type }, now) : null;
    if (!ability?.can("approve", subject("RoleGrantRequest", request))) return { kind: "denied" as const };
    if (request.user.organisationId !== request.organisationId) {
      return { kind: "refused" as const, message: "The account has moved to another organisation since this role was asked for" };
    }
    if (input.decision === "approve") {
      const mismatch = roleOrganisationMismatch(request.role, request.organisation.type, request.organisation.name);
      if (mismatch) return { kind: "refused" as const, message: mismatch };
    }
    const status = input.decision === "approve" ? ("APPROVED" as const) : ("REFUSED" as const);
    const reason = input.decision === "refuse" ? input.reason : null;
    await tx.roleGrantRequest.update({ where: { id }, data: { status, decidedById: actor.user.id, decidedAt: now, reason } });
    if (status === "APPROVED" && !request.user.roles.includes(request.role)) {
      await tx.user.update({ where: { id: request.userId }, data: { roles: { push: request.role } } });
    }
    await recordAuditEvent(tx, actor.audit, {
      action: status === "APPROVED" ? "privilege.grant_approved" : "privilege.grant_refused",
      recordType: "User",
      recordId: request.userId,
      recordOrganisationId: request.organisationId,
      details: {
        requestId: request.id,
        email: request.user.email,
        role: request.role,
        organisationId: request.organisationId,
        organisation: request.organisation.name,
        requestedById: request.requestedById,
        ...(reason ? { reason } : {}),
        ...(status === "APPROVED" ? { changes: { roles: { old: request.user.roles, new: [...request.user.roles, request.role] } } } : {}),
      },
    });
    return { kind: "done" as const, status, role: request.role, name: request.user.name };
  });
  if (outcome.kind === "denied") {
    // Lost the right to decide inside the transaction (e.g. disabled meanwhile): a form error, recorded.
    await recordDenial(actor, { action: "approve RoleGrantRequest", recordType: "User", recordId: visible.userId, reason: "RECORD_NOT_VISIBLE" });
    return { ok: false, errors: { form: "You cannot decide this request" } };
  }
  if (outcome.kind === "refused") return { ok: false, errors: { form: outcome.message } };
  return { ok: true, status: outcome.status, role: outcome.role, name: outcome.name };
}

/**
 * The request if this person could decide it (whatever its status now, so that someone who was
 * beaten to it is told it was decided), else an audited denial and 404.
 */
export async function getRoleGrantOrDeny(actor: Actor, id: string, request?: Request) {
  const found = isUuid(id) ? await prisma.roleGrantRequest.findUnique({ where: { id } }) : null;
  if (!found) return deny(actor, { action: "approve RoleGrantRequest", recordType: "RoleGrantRequest", recordId: id, reason: "RECORD_NOT_VISIBLE", request });
  if (!actor.ability.can("approve", subject("RoleGrantRequest", { ...found, status: "PENDING" as const }))) {
    // Recorded against the account, so its organisation's DPO finds the attempt.
    await deny(actor, { action: "approve RoleGrantRequest", recordType: "User", recordId: found.userId, reason: "RECORD_NOT_VISIBLE", request });
  }
  return found;
}

export type FirstApproverResult = { ok: true; name: string; organisation: string } | { ok: false; message: string };

/**
 * For the operator only (`npm run admin:first-approver`), never a web page: gives a role when nobody
 * in the person's organisation could approve it yet (a new organisation's first partner manager,
 * intelligence supervisor or data protection officer). Refused whenever someone could: then four
 * eyes apply as usual. Audited as an approval by the system, naming the script.
 */
export async function grantFirstApproverRole(
  email: string,
  role: Role,
  context: Parameters<typeof recordAuditEvent>[1],
  now = clock.now(),
): Promise<FirstApproverResult> {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, name: true, email: true, roles: true, organisationId: true, organisation: { select: { name: true, type: true } } },
  });
  if (!user) return { ok: false, message: `There is no account with the email address ${email}` };
  const mismatch = roleOrganisationMismatch(role, user.organisation.type, user.organisation.name);
  if (mismatch) return { ok: false, message: mismatch };
  if (user.roles.includes(role)) return { ok: false, message: `${user.email} already has that role` };
  const approver = ROLE_GRANT_APPROVER[role];
  return prisma.$transaction(async (tx) => {
    await lockAccount(tx, user.id);
    const approvers = await tx.user.count({
      where: { organisationId: user.organisationId, disabledAt: null, roles: { has: approver }, id: { not: user.id } },
    });
    if (approvers > 0) {
      return {
        ok: false as const,
        message: `${user.organisation.name} has people who can approve this role: ask an administrator to ask for it, and one of them to approve it`,
      };
    }
    const reason = "Nobody in the organisation could approve it yet: given by the operator";
    await tx.roleGrantRequest.updateMany({
      where: { userId: user.id, role, status: "PENDING" },
      data: { status: "APPROVED", decidedAt: now, reason },
    });
    await tx.user.update({ where: { id: user.id }, data: { roles: { push: role } } });
    await recordAuditEvent(tx, context, {
      action: "privilege.grant_approved",
      recordType: "User",
      recordId: user.id,
      recordOrganisationId: user.organisationId,
      details: {
        email: user.email,
        role,
        organisationId: user.organisationId,
        organisation: user.organisation.name,
        reason,
        changes: { roles: { old: user.roles, new: [...user.roles, role] } },
      },
    });
    return { ok: true as const, name: user.name, organisation: user.organisation.name };
  });
}

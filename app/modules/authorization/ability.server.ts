import { AbilityBuilder, type Ability, type ForcedSubject } from "@casl/ability";
// The /runtime entry: our Prisma client is generated into app/generated, so the types come from
// its Prisma.TypeMap rather than from the default @prisma/client that @casl/prisma's root imports.
import {
  accessibleBy,
  createPrismaAbility,
  type PrismaModel,
  type PrismaQueryFactory,
  type Subjects,
} from "@casl/prisma/runtime";
import { accountRules, administrationRules } from "./rules/accounts";
import { agreementRules } from "./rules/agreements";
import { auditRules } from "./rules/audit";
import { intelligenceRules } from "./rules/intelligence";
import { profileRules } from "./rules/profiles";
import { roleGrantRules } from "./rules/role-grants";
import type {
  Prisma,
  Agreement,
  AuditEvent,
  AreaPlan,
  Dissemination,
  GoodPractice,
  LocalProfile,
  LocalProfileVersion,
  Organisation,
  Outcome,
  PlanAction,
  RoleGrantRequest,
  SanitisedReport,
  Session,
  Submission,
  Threat,
  User,
} from "~/generated/prisma/client";

/**
 * Who may do what: the one place. Every loader and action asks `ability.can(...)`; every list
 * query filters with `accessibleBy(ability, action).ofType("Model")` so the database never returns
 * a row the user may not see. (With @casl/prisma 2.x the `.Model` form returns undefined, and
 * `where: undefined` returns every row: always use `.ofType`.)
 *
 * Agreement-based rules compare against `now`, computed when the ability is built for a request,
 * so an agreement that expires or is suspended stops access on the very next request.
 */
export type Action =
  | "manage"
  | "create"
  | "read"
  | "update"
  | "disable"
  | "resetMfa"
  | "end"
  // Change a person's roles, organisation or signatory flag (rules/role-grants.ts)
  | "grant"
  // Agreements (see rules/agreements.ts)
  | "amend"
  | "sign"
  | "suspend"
  | "reinstate"
  | "revoke"
  | "review"
  // Intelligence: a partner submits their draft; police assess (re-grade, link, feed back);
  // a supervisor approves a sanitised report for dissemination (four eyes).
  | "submit"
  | "assess"
  | "approve"
  // Audit and data protection oversight (rules/audit.ts)
  | "export"
  | "verify"
  | "oversee";

export type AppSubjects =
  | Subjects<{
      User: User;
      Organisation: Organisation;
      Session: Session;
      Agreement: Agreement;
      Submission: Submission;
      SanitisedReport: SanitisedReport;
      Threat: Threat;
      AuditEvent: AuditEvent;
      RoleGrantRequest: RoleGrantRequest;
      PlanAction: PlanAction;
      AreaPlan: AreaPlan;
      Outcome: Outcome;
      Dissemination: Dissemination;
      LocalProfile: LocalProfile;
      LocalProfileVersion: LocalProfileVersion;
      GoodPractice: GoodPractice;
    }>
  | "AdminArea"
  // The audit trail as a whole (search, export, verify); which rows is decided by auditScopeFor.
  | "AuditTrail"
  // Data protection oversight screens (reports, subject access, unusual access, retention).
  | "DataProtectionOversight"
  // The dashboard (what it shows is filtered by each model's own rules) and /exports (rules/profiles.ts).
  | "Dashboard"
  | "Exports"
  | "all";

export type PrismaQuery<T extends PrismaModel = PrismaModel> = PrismaQueryFactory<Prisma.TypeMap, T>;
export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;

import type { AbilityUser } from "./roles";
import { clock } from "~/utils/clock";
export { hasRole, type AbilityUser } from "./roles";

export type AbilityBuilderFor = AbilityBuilder<AppAbility>;

/**
 * The rules, one file per domain under ./rules, applied in order. `now` is fixed per request so
 * every agreement-scoped rule in one request agrees on what is in force.
 */
export function defineAbilityFor(user: AbilityUser, now = clock.now()): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createPrismaAbility);
  accountRules(builder, user);
  administrationRules(builder, user);
  agreementRules(builder, user, now);
  intelligenceRules(builder, user, now);
  auditRules(builder, user, now);
  roleGrantRules(builder, user);
  profileRules(builder, user, now);
  return builder.build();
}

/** Typed helper for checking a plain object as a Prisma model instance. */
export type SubjectOf<Name extends string, T> = T & ForcedSubject<Name>;

/**
 * The Prisma `where` for the records of `model` the user may `action`. Combine with other filters
 * by AND: `where: { AND: [accessibleWhere(ability, "read", "Submission"), filters] }`.
 */
export function accessibleWhere<M extends "User" | "Organisation" | "Session" | "Agreement" | "Submission" | "SanitisedReport" | "Threat" | "AuditEvent" | "RoleGrantRequest"
  | "PlanAction" | "AreaPlan" | "Outcome" | "Dissemination" | "LocalProfile" | "LocalProfileVersion" | "GoodPractice">(
  ability: AppAbility,
  action: Action,
  model: M,
) {
  const where = accessibleBy(ability, action).ofType(model);
  // With no rule for the action CASL answers `{ OR: [] }` (match nothing). Prisma 6.19's query
  // compiler drops an empty OR nested inside AND, so `{ AND: [{ OR: [] }, filters] }` would match
  // EVERY row (measured; tests/accessible-where.test.ts). `id IN ()` means "nothing" wherever it sits.
  if (isMatchNothing(where)) return { id: { in: [] } } as typeof where;
  return where;
}

function isMatchNothing(where: object): boolean {
  const keys = Object.keys(where);
  return keys.length === 1 && keys[0] === "OR" && Array.isArray((where as { OR?: unknown }).OR) && (where as { OR: unknown[] }).OR.length === 0;
}

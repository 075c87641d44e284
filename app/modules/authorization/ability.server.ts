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
import { allocationRules } from "./rules/allocation";
import { auditRules } from "./rules/audit";
import { intelligenceRules } from "./rules/intelligence";
import { planRules } from "./rules/plans";
import { profileRules } from "./rules/profiles";
import { roleGrantRules } from "./rules/role-grants";
import { threatRules } from "./rules/threats";
import { disseminationRules } from "./rules/dissemination";
import type {
  Prisma,
  Agreement,
  AreaPlan,
  AreaPlanMilestone,
  AuditEvent,
  Dissemination,
  DisseminationRecipient,
  InformationRequest,
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
  ThreatAssessment,
  ThreatEntity,
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
  // Work allocation: claim a submission, or give it to an analyst of the force (rules/allocation.ts)
  | "assign"
  // Audit and data protection oversight (rules/audit.ts)
  | "export"
  | "verify"
  | "oversee"
  // Threats (rules/threats.ts): score a threat (a new assessment), remove an entity, be made a lead
  | "score"
  | "delete"
  | "lead"
  // Dissemination to partners (rules/dissemination.ts): a recipient acknowledges and asks for more.
  | "acknowledge"
  | "request";

export type AppSubjects =
  | Subjects<{
      User: User;
      Organisation: Organisation;
      Session: Session;
      Agreement: Agreement;
      Submission: Submission;
      SanitisedReport: SanitisedReport;
      Threat: Threat;
      ThreatEntity: ThreatEntity;
      ThreatAssessment: ThreatAssessment;
      AuditEvent: AuditEvent;
      RoleGrantRequest: RoleGrantRequest;
      PlanAction: PlanAction;
      Dissemination: Dissemination;
      DisseminationRecipient: DisseminationRecipient;
      InformationRequest: InformationRequest;
      AreaPlan: AreaPlan;
      AreaPlanMilestone: AreaPlanMilestone;
      Outcome: Outcome;
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
  threatRules(builder, user, now);
  allocationRules(builder, user, now);
  disseminationRules(builder, user, now);
  planRules(builder, user, now);
  profileRules(builder, user, now);
  return builder.build();
}

/** The models whose lists are filtered by the rules in the database. */
export type AccessibleModel =
  | "User"
  | "Organisation"
  | "Session"
  | "Agreement"
  | "Submission"
  | "SanitisedReport"
  | "Threat"
  | "ThreatEntity"
  | "ThreatAssessment"
  | "AuditEvent"
  | "RoleGrantRequest"
  | "PlanAction"
  | "Dissemination"
  | "DisseminationRecipient"
  | "InformationRequest"
  | "AreaPlan"
  | "AreaPlanMilestone"
  | "Outcome"
  | "LocalProfile"
  | "LocalProfileVersion"
  | "GoodPractice";

/** A model's Prisma `where` input. */
type WhereInput<M extends AccessibleModel> = NonNullable<Prisma.TypeMap["model"][M]["operations"]["findMany"]["args"]["where"]>;

/** Typed helper for checking a plain object as a Prisma model instance. */
export type SubjectOf<Name extends string, T> = T & ForcedSubject<Name>;

/**
 * The Prisma `where` for the records of `model` the user may `action`. Combine with other filters
 * by AND: `where: { AND: [accessibleWhere(ability, "read", "Submission"), filters] }`.
 */
export function accessibleWhere<M extends AccessibleModel>(ability: AppAbility, action: Action, model: M): WhereInput<M> {
  const where: WhereInput<M> = accessibleBy(ability, action).ofType(model);
  // With no rule for the action CASL answers `{ OR: [] }` (match nothing). Prisma 6.19's query
  // compiler drops an empty OR nested inside AND, so `{ AND: [{ OR: [] }, filters] }` would match
  // EVERY row (measured; tests/accessible-where.test.ts). `id IN ()` means "nothing" wherever it sits.
  if (isMatchNothing(where)) return { id: { in: [] } } as WhereInput<M>;
  return where;
}

function isMatchNothing(where: object): boolean {
  const keys = Object.keys(where);
  return keys.length === 1 && keys[0] === "OR" && Array.isArray((where as { OR?: unknown }).OR) && (where as { OR: unknown[] }).OR.length === 0;
}

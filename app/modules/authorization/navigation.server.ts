import type { AppAbility } from "./ability.server";
import { hasRole, isPoliceOrganisation, type AbilityUser } from "./roles";

/**
 * Where a person's work takes them: the places the header, the home page's links and its tasks may
 * offer. Decided here, in one place, so no route, component or the home module restates a role
 * check (issue 8). A place the rules already govern asks the ability; the pages of the threats,
 * plans, dissemination and profiles work follow the owners' rule specification (coordination
 * briefing) until their rules arrive, and answer the same people.
 */
export type Place =
  | "submissions"
  | "newSubmission"
  | "search"
  | "triage"
  | "sanitisedApprovals"
  | "roleApprovals"
  | "threats"
  | "dashboard"
  | "actions"
  | "areaPlans"
  | "outcomes"
  | "disseminations"
  | "disseminationApprovals"
  | "inbox"
  | "profiles"
  | "goodPractice"
  | "agreements"
  | "newAgreement"
  | "auditOversight"
  | "auditTrail"
  | "administration";

/** What the home page counts for a person: each one is a task with a number and a link. */
export type HomeTask =
  | "sanitisedToApprove"
  | "roleGrantsToApprove"
  | "unassessed"
  | "myQueue"
  | "agreementsToSign"
  | "agreementsToReview"
  | "feedbackReceived"
  | "myDrafts"
  | "actionsAssigned"
  | "disseminationsToAcknowledge"
  | "unusualAccess"
  | "retentionDue"
  | "roleGrantsPending";

/** A warning the home page shows above the tasks. */
export type HomeWarning = "agreementEndingOrSuspended";

function isPoliceWorker(user: AbilityUser): boolean {
  return isPoliceOrganisation(user.organisationType) && hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR");
}

function isSupervisor(user: AbilityUser): boolean {
  return isPoliceOrganisation(user.organisationType) && hasRole(user, "INTELLIGENCE_SUPERVISOR");
}

function isPartnerWorker(user: AbilityUser): boolean {
  return !isPoliceOrganisation(user.organisationType) && hasRole(user, "PARTNER_SUBMITTER", "PARTNER_MANAGER");
}

const PLACES: Record<Place, (ability: AppAbility, user: AbilityUser) => boolean> = {
  submissions: (ability) => ability.can("create", "Submission"),
  newSubmission: (ability) => ability.can("create", "Submission"),
  search: (ability) => ability.can("read", "Submission"),
  triage: (ability) => ability.can("assess", "Submission"),
  sanitisedApprovals: (ability) => ability.can("approve", "SanitisedReport"),
  roleApprovals: (ability) => ability.can("approve", "RoleGrantRequest"),
  // The whole threat (its assessments), not a partner's share of one: partners see theirs on their actions.
  threats: (ability) => ability.can("read", "Threat", "assessments"),
  // Analysts and supervisors see the force's picture; partners their submissions, actions and what reached them.
  dashboard: (_, user) => isPoliceWorker(user) || isPartnerWorker(user),
  // Police plan and update actions; a partner reads and updates those its organisation owns.
  actions: (_, user) => isPoliceWorker(user) || isPartnerWorker(user),
  // Police run area plans; partners involved in one read it.
  areaPlans: (_, user) => isPoliceWorker(user) || isPartnerWorker(user),
  // Outcomes are recorded by police.
  outcomes: (_, user) => isPoliceWorker(user),
  // Police analysts draft disseminations; a supervisor who is not the author approves.
  disseminations: (_, user) => isPoliceWorker(user),
  disseminationApprovals: (_, user) => isSupervisor(user),
  // What was disseminated to the person's organisation.
  inbox: (_, user) => isPartnerWorker(user),
  // Police draft and publish local profiles; partners under an agreement in force read them.
  profiles: (_, user) => isPoliceWorker(user) || isPartnerWorker(user),
  goodPractice: (_, user) => isPoliceWorker(user) || isPartnerWorker(user),
  agreements: (ability) => ability.can("read", "Agreement"),
  newAgreement: (ability) => ability.can("create", "Agreement"),
  auditOversight: (ability) => ability.can("read", "DataProtectionOversight"),
  auditTrail: (ability) => ability.can("read", "AuditTrail"),
  administration: (ability) => ability.can("read", "AdminArea"),
};

/** The places this person may go. */
export function placesFor(ability: AppAbility, user: AbilityUser): ReadonlySet<Place> {
  return new Set((Object.keys(PLACES) as Place[]).filter((place) => PLACES[place](ability, user)));
}

const TASKS: Record<HomeTask, (ability: AppAbility, user: AbilityUser) => boolean> = {
  // Four eyes: the approve rule never matches the supervisor's own versions.
  sanitisedToApprove: (ability) => ability.can("approve", "SanitisedReport"),
  roleGrantsToApprove: (ability) => ability.can("approve", "RoleGrantRequest"),
  unassessed: (ability) => ability.can("assess", "Submission"),
  myQueue: (ability) => ability.can("assign", "Submission"),
  agreementsToSign: (ability) => ability.can("sign", "Agreement"),
  agreementsToReview: (ability) => ability.can("review", "Agreement"),
  feedbackReceived: (_, user) => isPartnerWorker(user),
  myDrafts: (ability) => ability.can("create", "Submission"),
  actionsAssigned: (_, user) => isPartnerWorker(user),
  disseminationsToAcknowledge: (_, user) => isPartnerWorker(user),
  unusualAccess: (ability) => ability.can("read", "DataProtectionOversight"),
  retentionDue: (ability) => ability.can("oversee", "Submission"),
  // An administrator asks for roles; the home page shows how many still wait for a second person.
  roleGrantsPending: (ability) => ability.can("grant", "User"),
};

/** The home-page tasks this person has, in the order shown. */
export function homeTasksFor(ability: AppAbility, user: AbilityUser): HomeTask[] {
  return (Object.keys(TASKS) as HomeTask[]).filter((task) => TASKS[task](ability, user));
}

/** A partner learns on the home page, not four steps into a submission, that its agreement stops. */
export function homeWarningsFor(_ability: AppAbility, user: AbilityUser): HomeWarning[] {
  return isPartnerWorker(user) ? ["agreementEndingOrSuspended"] : [];
}

import type { Prisma } from "~/generated/prisma/client";
import type { SubmissionStatus } from "~/generated/prisma/enums";
import { submissionSharedUnderAgreementInForce } from "~/modules/agreements/access.server";
import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, isPoliceOrganisation, policeOrganisationWhere, type AbilityUser } from "../roles";

/** Who does triage work and so may hold a submission in their queue. */
export const ALLOCATION_ROLES = ["POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR"] as const;

/** Work still to do: only these are claimed or handed to someone (the queue's "open"). */
export const ALLOCATABLE_STATUSES: SubmissionStatus[] = ["RECEIVED", "BEING_ASSESSED"];

/**
 * Work allocation (issue 10): an analyst or supervisor of the force claims an open submission shared
 * with the force under an agreement in force, or gives it to a colleague. The same visibility as
 * reading it for triage (rules/intelligence.ts), so a suspended agreement stops allocation too.
 */
export function allocationRules({ can }: AbilityBuilderFor, user: AbilityUser, now: Date) {
  if (!isPoliceOrganisation(user.organisationType) || !hasRole(user, ...ALLOCATION_ROLES)) return;
  can("assign", "Submission", {
    status: { in: ALLOCATABLE_STATUSES },
    ...submissionSharedUnderAgreementInForce(user.organisationId, now),
  });
}

/** The people a submission of this force may be given to: its active analysts and supervisors. */
export function allocatableAnalystsWhere(organisationId: string): Prisma.UserWhereInput {
  return {
    organisationId,
    organisation: policeOrganisationWhere(),
    disabledAt: null,
    roles: { hasSome: [...ALLOCATION_ROLES] },
  };
}

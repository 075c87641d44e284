import { agreementsInForceForOrganisationWhere } from "~/modules/agreements/access.server";
import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, isPoliceOrganisation, type AbilityUser } from "../roles";

/**
 * Who may do what with 4P plan actions, Clear, Hold, Build area plans and outcomes.
 *
 * - Police analysts and intelligence supervisors of a force read, create and update the actions on
 *   their force's threats and area plans, the area plans their force leads (with milestones), and
 *   read and record their force's outcomes.
 * - A partner (submitter or manager) reads and updates only the actions its own organisation owns,
 *   and reads the area plans it is involved in, and only while an agreement between the partner and
 *   the force is in force: a suspended, revoked or expired agreement removes access on the next
 *   request. What a partner may change on an action (status and result) is the plans module's
 *   field set, `PARTNER_ACTION_FIELDS`.
 * - "export" (CSV or JSON) follows "read": what a user may read of actions and outcomes, they may
 *   export, and no more; a partner's export of a threat's plan holds only its own actions.
 * - Nobody else (DPOs, administrators) sees plans here; the audit trail shows who did what.
 *
 * Every condition is a Prisma relation filter, so lists filter in the database with
 * accessibleWhere(...), and single records are read the same way (`AND [rule, { id }]`), inside
 * the write's transaction for a change.
 */
export function planRules({ can }: AbilityBuilderFor, user: AbilityUser, now: Date) {
  const police = isPoliceOrganisation(user.organisationType);

  if (police && hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR")) {
    const force = user.organisationId;
    can(["read", "create", "update", "export"], "PlanAction", { threat: { is: { organisationId: force } } });
    can(["read", "create", "update", "export"], "PlanAction", { areaPlan: { is: { leadOrganisationId: force } } });
    can(["read", "create", "update"], "AreaPlan", { leadOrganisationId: force });
    can(["read", "create", "update"], "AreaPlanMilestone", { areaPlan: { is: { leadOrganisationId: force } } });
    can(["read", "create", "export"], "Outcome", { organisationId: force });
  }

  if (!police && hasRole(user, "PARTNER_SUBMITTER", "PARTNER_MANAGER")) {
    const partner = user.organisationId;
    // The force (a threat's or an area plan's owner) has an agreement in force with the partner.
    const forceSharingWithPartner = {
      agreementParties: { some: { agreement: { is: agreementsInForceForOrganisationWhere(partner, now) } } },
    };
    can(["read", "update", "export"], "PlanAction", {
      ownerOrganisationId: partner,
      threat: { is: { organisation: { is: forceSharingWithPartner } } },
    });
    can(["read", "update", "export"], "PlanAction", {
      ownerOrganisationId: partner,
      areaPlan: { is: { leadOrganisation: { is: forceSharingWithPartner } } },
    });
    const involvedPlan = { partners: { some: { id: partner } }, leadOrganisation: { is: forceSharingWithPartner } };
    can("read", "AreaPlan", involvedPlan);
    can("read", "AreaPlanMilestone", { areaPlan: { is: involvedPlan } });
  }
}

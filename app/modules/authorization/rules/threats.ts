import { agreementsInForceForOrganisationWhere } from "~/modules/agreements/access.server";
import type { AbilityBuilderFor } from "../ability.server";
import { PARTNER_THREAT_FIELDS } from "../fields";
import { hasRole, isPoliceOrganisation, threatLeadsWhere, type AbilityUser } from "../roles";

/**
 * Who may do what with threats (Threat, ThreatEntity, ThreatAssessment).
 * - Police analysts and intelligence supervisors of the owning force read, create and update the
 *   force's threats, score them (each scoring a new ThreatAssessment) and manage their entities.
 * - Who may lead a threat: an active analyst or supervisor of the owning force. Expressed as the
 *   "lead" ability on User, so the pickers list and the writes re-check the same condition.
 * - Partners see only a partner-safe share of a threat (PARTNER_THREAT_FIELDS: never linked
 *   intelligence, entities or assessments), and only when their organisation owns an action on it
 *   or received an approved dissemination of it, while an agreement is in force between their
 *   organisation and the force. Their pages select `partnerThreatShareSelect` (fields.ts).
 * - "export" (the threat list as CSV or JSON): the police who work on the force's threats.
 */
export function threatRules({ can }: AbilityBuilderFor, user: AbilityUser, now: Date) {
  const police = isPoliceOrganisation(user.organisationType);

  if (police && hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR")) {
    const ownForce = { organisationId: user.organisationId };
    can(["read", "create", "update", "score", "export"], "Threat", ownForce);
    can(["read", "create", "update", "delete"], "ThreatEntity", { threat: { is: ownForce } });
    can("read", "ThreatAssessment", { threat: { is: ownForce } });
    can("lead", "User", threatLeadsWhere(user.organisationId));
  }

  if (!police && hasRole(user, "PARTNER_SUBMITTER", "PARTNER_MANAGER")) {
    can("read", "Threat", [...PARTNER_THREAT_FIELDS], {
      organisation: { is: { agreementParties: { some: { agreement: { is: agreementsInForceForOrganisationWhere(user.organisationId, now) } } } } },
      OR: [
        { actions: { some: { ownerOrganisationId: user.organisationId } } },
        { disseminations: { some: { status: "APPROVED", recipients: { some: { organisationId: user.organisationId } } } } },
      ],
    });
  }
}

import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, hasWorkingRole, type AbilityUser } from "../roles";

/**
 * Who may do what with information sharing agreements. These rules decide WHO; the lifecycle
 * service (app/modules/agreements/lifecycle.server.ts) decides WHEN (which status allows which
 * step) and explains a refused step in words.
 *
 * - Read: anyone in a party organisation with a working role. A pure system administrator runs
 *   accounts, not sharing, so that role alone shows no agreements (as it shows no intelligence).
 * - Create a draft: partner managers, DPOs and intelligence supervisors (the service makes sure
 *   their own organisation is a party). Edit a draft, send it for signature, amend: the same roles
 *   in a party organisation.
 * - Sign: agreement signatories of a party organisation (the service checks that the party is one
 *   that signs, and has not signed that version already).
 * - Suspend, revoke: DPOs and intelligence supervisors of a party. Each party's suspension is its
 *   own (AgreementSuspension); another party may add its own suspension to a suspended agreement.
 * - Reinstate (lift a suspension): DPOs and intelligence supervisors of an organisation that holds
 *   an open suspension of the agreement, and only that organisation's suspension. The agreement is
 *   active again only when every party's suspension has been lifted (the lifecycle service).
 * - Record a review: those, and partner managers of a party.
 *
 * The party condition is a relation filter, so lists filter in the database with
 * accessibleWhere(ability, "read", "Agreement"), and a single agreement must be checked with its
 * `parties` loaded (and its `suspensions`, for reinstate: without them the answer is no).
 */
export function agreementRules({ can }: AbilityBuilderFor, user: AbilityUser, _now: Date) {
  if (!hasWorkingRole(user)) return;
  const ofParty = { parties: { some: { organisationId: user.organisationId } } };

  can("read", "Agreement", ofParty);

  if (hasRole(user, "PARTNER_MANAGER", "DATA_PROTECTION_OFFICER", "INTELLIGENCE_SUPERVISOR")) {
    can("create", "Agreement");
    can(["update", "amend", "review"], "Agreement", ofParty);
  }
  if (user.isAgreementSignatory) {
    can("sign", "Agreement", ofParty);
  }
  if (hasRole(user, "DATA_PROTECTION_OFFICER", "INTELLIGENCE_SUPERVISOR")) {
    can(["suspend", "revoke"], "Agreement", ofParty);
    can("reinstate", "Agreement", {
      ...ofParty,
      suspensions: { some: { organisationId: user.organisationId, liftedAt: null } },
    });
  }
}

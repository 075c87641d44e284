import { agreementsInForceForOrganisationWhere } from "~/modules/agreements/access.server";
import type { AbilityBuilderFor } from "../ability.server";
import { hasRole, isPoliceOrganisation, type AbilityUser } from "../roles";

/** The datasets of /exports, as fields of the "Exports" subject: `ability.can("export", "Exports", "threats")`. */
export const EXPORT_DATASETS = ["threats", "actions", "outcomes"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

/**
 * An organisation that is party, with the user's organisation, to an agreement in force now: the
 * one statement of "under an agreement in force with them", as a Prisma/CASL condition on an
 * Organisation.
 */
function sharesAgreementInForceWith(organisationId: string, now: Date) {
  return { agreementParties: { some: { agreement: { is: agreementsInForceForOrganisationWhere(organisationId, now) } } } };
}

/**
 * SOC local profiles, good practice, dashboards and exports.
 * - Police analysts and intelligence supervisors draft versions of their force's profiles (one per
 *   area); a supervisor who did not write a version approves or rejects its publication (four eyes).
 *   They read every version of their force's profiles.
 * - Partner submitters and managers read the PUBLISHED version of a profile only while their
 *   organisation and the force that owns it are parties to an agreement in force.
 * - Good practice is recorded by police (analysts, supervisors) and partners (submitters, managers)
 *   and read by their own organisation and by organisations sharing an agreement in force with it.
 * - The dashboard is for the same four roles (what it shows is filtered by each model's own rules).
 * - Exports: police analysts and supervisors export threats, actions and outcomes; partners export
 *   actions (only those their organisation owns reach them through the plans rules).
 * DPOs and administrators get none of this: DPOs see who accessed what through the audit trail.
 */
export function profileRules({ can }: AbilityBuilderFor, user: AbilityUser, now: Date) {
  const police = isPoliceOrganisation(user.organisationType);

  if (police && hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR")) {
    const ownForce = { organisationId: user.organisationId };
    const ownProfile = { profile: { is: ownForce } };
    can(["read", "create"], "LocalProfile", ownForce);
    can("read", "LocalProfileVersion", ownProfile);
    can("create", "LocalProfileVersion", ownProfile);
    // A draft is its author's until they send it for approval.
    can(["update", "submit"], "LocalProfileVersion", { ...ownProfile, status: "DRAFT", authorId: user.id });
    if (hasRole(user, "INTELLIGENCE_SUPERVISOR")) {
      can("approve", "LocalProfileVersion", { ...ownProfile, status: "AWAITING_APPROVAL", authorId: { not: user.id } });
    }
    can("read", "Dashboard");
    can("export", "Exports", [...EXPORT_DATASETS]);
  }

  if (!police && hasRole(user, "PARTNER_SUBMITTER", "PARTNER_MANAGER")) {
    const underAgreement = { organisation: { is: sharesAgreementInForceWith(user.organisationId, now) } };
    can("read", "LocalProfile", underAgreement);
    can("read", "LocalProfileVersion", { status: "PUBLISHED", profile: { is: underAgreement } });
    can("read", "Dashboard");
    can("export", "Exports", ["actions"]);
  }

  if (hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR", "PARTNER_SUBMITTER", "PARTNER_MANAGER")) {
    can("create", "GoodPractice", { organisationId: user.organisationId });
    can("read", "GoodPractice", {
      OR: [{ organisationId: user.organisationId }, { organisation: { is: sharesAgreementInForceWith(user.organisationId, now) } }],
    });
  }
}

import { Classification } from "~/generated/prisma/enums";
import { agreementInForceWhere } from "~/modules/agreements/in-force";
import type { AbilityBuilderFor } from "../ability.server";
import { ceilingsCarrying } from "../classification";
import { hasRole, isPoliceOrganisation, type AbilityUser } from "../roles";

/** The roles whose holders receive disseminations on behalf of their organisation. */
const RECIPIENT_ROLES = ["PARTNER_SUBMITTER", "PARTNER_MANAGER", "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR"] as const;

/**
 * A recipient's copy is readable only while it was sent (approved) and the agreement it was sent
 * under (DisseminationRecipient.agreementId) is in force now and still carries its classification:
 * revoking, suspending or letting that agreement expire withdraws it on the next request, without
 * deleting anything. Usable as a CASL condition and as a Prisma filter.
 */
export function recipientCopyInForce(organisationId: string, now: Date) {
  return {
    organisationId,
    OR: Object.values(Classification).map((classification) => ({
      dissemination: { is: { status: "APPROVED" as const, classification } },
      agreement: { is: { ...agreementInForceWhere(now), classificationCeiling: { in: ceilingsCarrying(classification) } } },
    })),
  };
}

/**
 * Who may do what with disseminations to partners.
 * - Police analysts of the sending force draft them; analysts and supervisors of that force read
 *   the force's disseminations, their read receipts and information requests, and answer requests.
 * - An intelligence supervisor of the force approves or rejects one awaiting approval, never their
 *   own (four eyes).
 * - The users of a recipient organisation read, acknowledge and ask for more only while their
 *   copy is in force (recipientCopyInForce).
 * Eligibility of a recipient (agreement in force with the force, ceiling and data categories) is a
 * term of the agreement checked by the dissemination module when it is sent and approved.
 */
export function disseminationRules({ can }: AbilityBuilderFor, user: AbilityUser, now: Date) {
  const police = isPoliceOrganisation(user.organisationType);
  const sentByForce = { senderOrganisationId: user.organisationId };

  if (police && hasRole(user, "POLICE_ANALYST")) can("create", "Dissemination");
  if (police && hasRole(user, "POLICE_ANALYST", "INTELLIGENCE_SUPERVISOR")) {
    // The sender sees recipients through the dissemination; DisseminationRecipient rules are the
    // recipients' own copies only, so the force's inbox never lists what it sent.
    can("read", "Dissemination", sentByForce);
    can(["read", "update"], "InformationRequest", { dissemination: { is: sentByForce } });
  }
  if (police && hasRole(user, "INTELLIGENCE_SUPERVISOR")) {
    can("approve", "Dissemination", { ...sentByForce, status: "AWAITING_APPROVAL", authorId: { not: user.id } });
  }

  if (hasRole(user, ...RECIPIENT_ROLES)) {
    const copy = recipientCopyInForce(user.organisationId, now);
    can(["read", "acknowledge", "request"], "DisseminationRecipient", copy);
    can("read", "Dissemination", { recipients: { some: copy } });
    can("read", "InformationRequest", {
      requesterOrganisationId: user.organisationId,
      dissemination: { is: { recipients: { some: copy } } },
    });
  }
}

import type { Prisma, Role } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { hasRole } from "./roles";

/**
 * Which part of the audit trail a user may read: the ONE decision (`auditScopeFor`), which the
 * audit module renders for Prisma queries and SQL reports (app/modules/audit/scope.server.ts).
 *
 * - A data protection officer: events by users of their organisation, events about records their
 *   organisation owns, and events under (or about) agreements their organisation is party to,
 *   whatever the agreement's status now (the trail is historical). A denied attempt on a record
 *   carries the record's owner and agreement (deny.server.ts), so every party's DPO sees it.
 * - A system administrator: security events (sign-in, MFA, administration, denied access).
 * - Anyone else: no scope at all (null): the routes refuse them before querying.
 *
 * And which records' histories (and which organisations' and people's names) an audit page may
 * confirm: `auditRecordWhere`. A record outside it is answered exactly like one that does not exist.
 */
export interface AuditScope {
  organisationId: string | null;
  agreementIds: string[];
  securityEvents: boolean;
}

export async function auditScopeFor(user: { organisationId: string; roles: Role[] }): Promise<AuditScope | null> {
  const dpo = hasRole(user, "DATA_PROTECTION_OFFICER");
  const admin = hasRole(user, "SYSTEM_ADMINISTRATOR");
  if (!dpo && !admin) return null;
  const agreementIds = dpo
    ? (
        await prisma.agreementParty.findMany({
          where: { organisationId: user.organisationId },
          select: { agreementId: true },
        })
      ).map((party) => party.agreementId)
    : [];
  return { organisationId: dpo ? user.organisationId : null, agreementIds, securityEvents: admin };
}

const NOTHING = { id: { in: [] as string[] } };

/**
 * The records whose history the scope's reader may look up, per record type: those their
 * organisation owns, and those shared under (or being) an agreement their organisation is party to.
 * A scope without an organisation (a pure administrator) looks up no records.
 */
export function auditRecordWhere(scope: AuditScope) {
  const org = scope.organisationId;
  const submission: Prisma.SubmissionWhereInput = org
    ? { OR: [{ organisationId: org }, { agreementId: { in: scope.agreementIds } }] }
    : NOTHING;
  const viaSubmission = { submission: { is: submission } };
  return {
    Submission: submission,
    SanitisedReport: viaSubmission satisfies Prisma.SanitisedReportWhereInput,
    Feedback: viaSubmission satisfies Prisma.FeedbackWhereInput,
    RetentionDecision: viaSubmission satisfies Prisma.RetentionDecisionWhereInput,
    Agreement: (org ? { id: { in: scope.agreementIds } } : NOTHING) satisfies Prisma.AgreementWhereInput,
    Threat: (org ? { organisationId: org } : NOTHING) satisfies Prisma.ThreatWhereInput,
    User: (org ? { organisationId: org } : NOTHING) satisfies Prisma.UserWhereInput,
    Session: (org ? { user: { is: { organisationId: org } } } : NOTHING) satisfies Prisma.SessionWhereInput,
    Organisation: (org
      ? { OR: [{ id: org }, { agreementParties: { some: { agreementId: { in: scope.agreementIds } } } }] }
      : NOTHING) satisfies Prisma.OrganisationWhereInput,
  };
}

/**
 * The organisations an audit page may name in its choices: those of the records above, or every
 * organisation for an administrator (who runs them all).
 */
export function auditOrganisationsWhere(scope: AuditScope): Prisma.OrganisationWhereInput {
  if (scope.securityEvents) return {};
  return auditRecordWhere(scope).Organisation;
}

/**
 * A denied attempt carries the owner and agreement of the record it was about (for the DPOs of that
 * owner and those parties). A reader who sees the event only because the attempt was made by their
 * own organisation must not learn them from it (that would confirm the record exists and whose it
 * is): for them those fields are blanked. Every event leaving the audit trail for a reader passes here.
 */
export function eventForReader<E extends { outcome: string; recordOrganisationId: string | null; agreementId: string | null; details: unknown }>(
  scope: AuditScope,
  event: E,
): E {
  if (event.outcome !== "DENIED") return event;
  const ownsRecord = scope.organisationId !== null && event.recordOrganisationId === scope.organisationId;
  const partyToAgreement = event.agreementId !== null && scope.agreementIds.includes(event.agreementId);
  if (ownsRecord || partyToAgreement) return event;
  const details =
    event.details && typeof event.details === "object" && !Array.isArray(event.details)
      ? { ...(event.details as Record<string, unknown>), recordOrganisationId: null, agreementId: null }
      : event.details;
  return { ...event, recordOrganisationId: null, agreementId: null, details };
}

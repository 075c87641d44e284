import type { AgreementStatus, Classification, DataCategory, PartyRole } from "~/generated/prisma/enums";
import type { Actor } from "~/modules/agreements/lifecycle.server";
import type { AgreementTerms } from "~/modules/agreements/terms";
import { defineAbilityFor } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import type { createUser } from "./factories";

/** Agreement test data: terms, rows created directly, and actors as a request would build them. */

const DAY = 24 * 60 * 60 * 1000;

/** A yyyy-mm-dd day `offset` days from now. */
export function isoDay(offset: number, from = Date.now()): string {
  return new Date(from + offset * DAY).toISOString().slice(0, 10);
}

export function agreementTerms(overrides: Partial<AgreementTerms> = {}): AgreementTerms {
  return {
    title: "Test sharing agreement",
    purpose: "To share intelligence about county lines.",
    fourPStrands: ["PURSUE", "PROTECT"],
    lawfulBases: ["DPA_2018_PART3_S35", "CRIME_AND_DISORDER_ACT_1998_S115"],
    lawfulBasisNotes: "",
    dataCategories: ["PERSON_IDENTIFIERS", "INTELLIGENCE_NARRATIVE"],
    classificationCeiling: "OFFICIAL_SENSITIVE",
    handlingConditions: "",
    sharingMethod: "Through the portal only",
    retentionMonths: 24,
    disposalMethod: "Erased in the portal",
    rightsRequests: "Each controller answers for its own records",
    breachProcedure: "Tell both DPOs within 24 hours",
    startDate: isoDay(-10),
    endDate: isoDay(365),
    reviewDate: isoDay(180),
    dpiaReference: "DPIA-1",
    dpiaStatus: "COMPLETED",
    ...overrides,
  };
}

type TestUser = Awaited<ReturnType<typeof createUser>>;

export function actorFor(user: TestUser, now?: Date): Actor {
  return {
    user,
    ability: defineAbilityFor({ ...user, organisationType: user.organisation.type }, now),
    audit: {
      actor: { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles },
      ipAddress: "203.0.113.7",
      userAgent: "vitest",
    },
  };
}

/** An agreement row in a given state, made directly (for access tests that do not walk the lifecycle). */
export async function createAgreementRow(options: {
  parties: { organisationId: string; role?: PartyRole }[];
  status?: AgreementStatus;
  startOffsetDays?: number;
  endOffsetDays?: number;
  reviewOffsetDays?: number;
  ceiling?: Classification;
  dataCategories?: DataCategory[];
  reference?: string;
}) {
  const terms = agreementTerms({
    startDate: isoDay(options.startOffsetDays ?? -10),
    endDate: isoDay(options.endOffsetDays ?? 365),
    reviewDate: isoDay(options.reviewOffsetDays ?? 180),
    classificationCeiling: options.ceiling ?? "OFFICIAL_SENSITIVE",
    dataCategories: options.dataCategories ?? ["PERSON_IDENTIFIERS", "INTELLIGENCE_NARRATIVE"],
  });
  return prisma.agreement.create({
    data: {
      reference: options.reference ?? `ISA-T-${Math.random().toString(36).slice(2, 10).toUpperCase()}`,
      title: terms.title,
      status: options.status ?? "ACTIVE",
      classificationCeiling: terms.classificationCeiling,
      dataCategories: terms.dataCategories,
      startDate: new Date(terms.startDate),
      endDate: new Date(terms.endDate),
      reviewDate: new Date(terms.reviewDate),
      retentionMonths: terms.retentionMonths,
      parties: {
        create: options.parties.map((party) => ({
          organisationId: party.organisationId,
          role: party.role ?? "JOINT_CONTROLLER",
          leadName: "Lead",
          leadEmail: "lead@example.test",
        })),
      },
      versions: { create: { versionNumber: 1, terms } },
      history: { create: { toStatus: options.status ?? "ACTIVE" } },
    },
  });
}

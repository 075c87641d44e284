import type { Prisma } from "~/generated/prisma/client";
import type { Classification } from "~/generated/prisma/enums";

/**
 * The classification ceiling, stated once: information may flow under an agreement only up to the
 * agreement's ceiling. OFFICIAL fits under either ceiling; OFFICIAL-SENSITIVE only under an
 * OFFICIAL-SENSITIVE one. Rendered here for memory checks, agreement filters and submission filters.
 */
const CLASSIFICATION_RANK: Record<Classification, number> = { OFFICIAL: 1, OFFICIAL_SENSITIVE: 2 };

const CLASSIFICATIONS = Object.keys(CLASSIFICATION_RANK) as Classification[];

export function classificationWithinCeiling(classification: Classification, ceiling: Classification): boolean {
  return CLASSIFICATION_RANK[classification] <= CLASSIFICATION_RANK[ceiling];
}

/** The ceilings that can carry information of this classification. */
export function ceilingsCarrying(classification: Classification): Classification[] {
  return CLASSIFICATIONS.filter((ceiling) => classificationWithinCeiling(classification, ceiling));
}

/** An agreement whose ceiling can carry this classification (a Prisma condition). */
export function agreementCeilingCarriesWhere(classification: Classification): Prisma.AgreementWhereInput {
  return { classificationCeiling: { in: ceilingsCarrying(classification) } };
}

/**
 * A submission whose classification is within the ceiling of the agreement it was shared under.
 * Also a CASL rule condition (the runtime interpreter supports `OR`, `in` and `is`).
 */
export function submissionWithinCeilingWhere() {
  return {
    OR: CLASSIFICATIONS.map((classification) => ({
      classification,
      agreement: { is: { classificationCeiling: { in: ceilingsCarrying(classification) } } },
    })),
  } satisfies Prisma.SubmissionWhereInput;
}

/** The highest classification among those given (OFFICIAL when there are none). */
export function highestClassification(classifications: Iterable<Classification>): Classification {
  let highest: Classification = "OFFICIAL";
  for (const classification of classifications) {
    if (CLASSIFICATION_RANK[classification] > CLASSIFICATION_RANK[highest]) highest = classification;
  }
  return highest;
}

/**
 * The handling conditions that travel with every export at each classification (Government
 * Security Classifications): the marking alone does not tell a reader of a copy what they may do.
 */
export const HANDLING_CONDITIONS: Record<Classification, string> = {
  OFFICIAL:
    "Handle under the information sharing agreement it was shared under. Use only for the purpose stated there; do not share further without the originator's agreement.",
  OFFICIAL_SENSITIVE:
    "Need to know only. Handle under the information sharing agreement it was shared under; store and send only on approved systems; do not share further, print or copy without the originator's agreement.",
};

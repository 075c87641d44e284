import type { AssessmentConfidence, ThreatPriority } from "~/generated/prisma/enums";

/**
 * MoRiLE-style risk scoring: pure arithmetic, no I/O, so the same inputs always give the same score.
 *
 * Inputs (the scales the ThreatAssessment columns hold):
 *   five harms, each 0 (none) to 4 (critical): physical, psychological, financial, community and
 *     environmental, vulnerability of victims;
 *   likelihood 1 (unlikely) to 4 (almost certain);
 *   organisational position: capacity and capability, each 1 (well placed) to 4 (unable to act);
 *   confidence in the assessment: high, medium or low.
 *
 * Formula:
 *   harm       = sum of the five harms                               (0 to 20)
 *   risk       = harm × likelihood                                   (0 to 80)
 *   position   = 1 + (capacity + capability − 2) / 12                (1 to 1.5)
 *   confidence = 1 (high), 0.9 (medium), 0.75 (low)
 *   score      = round(risk × position × confidence)                 (0 to 120)
 *
 * Why:
 * - Harm × likelihood is MoRiLE's core: a grave but unlikely harm and a likely but slight one rank
 *   alike, and no likelihood can lift a threat that causes no harm. Harms are summed, not maxed, so
 *   a threat that hurts in several ways outranks one that hurts in one.
 * - Organisational position raises the priority of a threat the force is poorly placed to tackle
 *   (MoRiLE asks where the organisation must invest), by at most half, so it never outweighs harm.
 * - Confidence discounts, by at most a quarter, a score resting on weak information, so an
 *   uncorroborated assessment does not outrank an equally grave, well evidenced one, yet a grave
 *   threat on thin intelligence still shows.
 * The arithmetic is done in integers (twelfths and percentages) so that rounding is exact.
 *
 * Priority bands (by score): critical 60 or more; high 36 to 59; medium 16 to 35; low below 16.
 * A county line exploiting vulnerable people, likely, with the force moderately placed and medium
 * confidence, scores around 60: critical. One harm at "significant" in one way only stays low.
 */

export interface ScoringInput {
  harmPhysical: number;
  harmPsychological: number;
  harmFinancial: number;
  harmCommunity: number;
  harmVictimVulnerability: number;
  likelihood: number;
  capacity: number;
  capability: number;
  confidence: AssessmentConfidence;
}

export interface ScoringResult {
  harm: number;
  score: number;
  priority: ThreatPriority;
}

export const HARM_MIN = 0;
export const HARM_MAX = 4;
export const SCALE_MIN = 1;
export const SCALE_MAX = 4;
export const MAX_SCORE = 120;

const CONFIDENCE_PERCENT: Record<AssessmentConfidence, number> = { HIGH: 100, MEDIUM: 90, LOW: 75 };

/** The lowest score of each band, highest band first. */
export const PRIORITY_THRESHOLDS: readonly { priority: ThreatPriority; from: number }[] = [
  { priority: "CRITICAL", from: 60 },
  { priority: "HIGH", from: 36 },
  { priority: "MEDIUM", from: 16 },
  { priority: "LOW", from: 0 },
];

function checkScale(name: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be a whole number from ${min} to ${max}`);
}

export function priorityFor(score: number): ThreatPriority {
  return PRIORITY_THRESHOLDS.find((band) => score >= band.from)!.priority;
}

export function scoreThreat(input: ScoringInput): ScoringResult {
  const harms = [input.harmPhysical, input.harmPsychological, input.harmFinancial, input.harmCommunity, input.harmVictimVulnerability];
  harms.forEach((h, i) => checkScale(`Harm ${i + 1}`, h, HARM_MIN, HARM_MAX));
  checkScale("Likelihood", input.likelihood, SCALE_MIN, SCALE_MAX);
  checkScale("Capacity", input.capacity, SCALE_MIN, SCALE_MAX);
  checkScale("Capability", input.capability, SCALE_MIN, SCALE_MAX);
  const harm = harms.reduce((sum, h) => sum + h, 0);
  const positionTwelfths = 12 + (input.capacity + input.capability - 2);
  const score = Math.round((harm * input.likelihood * positionTwelfths * CONFIDENCE_PERCENT[input.confidence]) / 1200);
  return { harm, score, priority: priorityFor(score) };
}

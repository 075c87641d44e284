import { describe, expect, it } from "vitest";
import { MAX_SCORE, priorityFor, scoreThreat, type ScoringInput } from "~/modules/threats/scoring";

const base: ScoringInput = {
  harmPhysical: 0,
  harmPsychological: 0,
  harmFinancial: 0,
  harmCommunity: 0,
  harmVictimVulnerability: 0,
  likelihood: 1,
  capacity: 1,
  capability: 1,
  confidence: "HIGH",
};

describe("MoRiLE scoring", () => {
  it("scores nothing for a threat that causes no harm, however likely", () => {
    expect(scoreThreat({ ...base, likelihood: 4, capacity: 4, capability: 4 })).toEqual({ harm: 0, score: 0, priority: "LOW" });
  });

  it("multiplies summed harm by likelihood when the force is well placed and confident", () => {
    // harm 3+2+1+2+4 = 12, × likelihood 3 = 36
    expect(scoreThreat({ ...base, harmPhysical: 3, harmPsychological: 2, harmFinancial: 1, harmCommunity: 2, harmVictimVulnerability: 4, likelihood: 3 })).toEqual({
      harm: 12,
      score: 36,
      priority: "HIGH",
    });
  });

  it("raises the score by up to half when the force lacks capacity and capability", () => {
    const grave = { ...base, harmPhysical: 4, harmPsychological: 4, harmFinancial: 4, harmCommunity: 4, harmVictimVulnerability: 4, likelihood: 4 };
    expect(scoreThreat(grave).score).toBe(80);
    expect(scoreThreat({ ...grave, capacity: 4, capability: 4 }).score).toBe(MAX_SCORE);
    // capacity 2, capability 3: position 1 + 3/12 = 1.25
    expect(scoreThreat({ ...grave, capacity: 2, capability: 3 }).score).toBe(100);
  });

  it("discounts medium and low confidence, rounding to the nearest whole number", () => {
    const input = { ...base, harmPhysical: 3, harmVictimVulnerability: 4, likelihood: 3 }; // 21
    expect(scoreThreat({ ...input, confidence: "MEDIUM" }).score).toBe(19); // 18.9
    expect(scoreThreat({ ...input, confidence: "LOW" }).score).toBe(16); // 15.75
  });

  it("puts each score in its priority band", () => {
    expect([0, 15, 16, 35, 36, 59, 60, 120].map(priorityFor)).toEqual(["LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH", "HIGH", "CRITICAL", "CRITICAL"]);
  });

  it("refuses values off the scales", () => {
    expect(() => scoreThreat({ ...base, harmPhysical: 5 })).toThrow(RangeError);
    expect(() => scoreThreat({ ...base, likelihood: 0 })).toThrow(RangeError);
    expect(() => scoreThreat({ ...base, capability: 2.5 })).toThrow(RangeError);
  });
});

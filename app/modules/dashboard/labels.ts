import type { ActionStatus, FourPStrand, OutcomeKind, ThreatPriority } from "~/generated/prisma/enums";

export const PRIORITY_LABELS: Record<ThreatPriority, string> = { CRITICAL: "Critical", HIGH: "High", MEDIUM: "Medium", LOW: "Low" };
export const PRIORITY_ORDER: ThreatPriority[] = ["CRITICAL", "HIGH", "MEDIUM", "LOW"];

export const STRAND_LABELS: Record<FourPStrand, string> = { PURSUE: "Pursue", PREVENT: "Prevent", PROTECT: "Protect", PREPARE: "Prepare" };
export const STRAND_ORDER: FourPStrand[] = ["PURSUE", "PREVENT", "PROTECT", "PREPARE"];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};
export const ACTION_STATUS_ORDER: ActionStatus[] = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CANCELLED"];

export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  ARREST: "Arrests",
  CHARGE: "Charges",
  CONVICTION: "Convictions",
  DRUGS_SEIZED: "Drugs seizures",
  CASH_SEIZED: "Cash seizures",
  WEAPONS_RECOVERED: "Weapons recovered",
  PEOPLE_SAFEGUARDED: "People safeguarded",
  CLOSURE_ORDER: "Closure orders",
  DISRUPTION: "Disruptions",
};

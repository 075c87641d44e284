import type { ActionStatus, ChbPhase, FourPStrand, OutcomeKind } from "~/generated/prisma/enums";

export const STRAND_LABELS: Record<FourPStrand, string> = {
  PURSUE: "Pursue",
  PREVENT: "Prevent",
  PROTECT: "Protect",
  PREPARE: "Prepare",
};

/** What each strand is for, as the 4P framework puts it (shown as hints). */
export const STRAND_HINTS: Record<FourPStrand, string> = {
  PURSUE: "Prosecute and disrupt",
  PREVENT: "Stop people getting involved",
  PROTECT: "Reduce vulnerability",
  PREPARE: "Reduce the impact",
};

export const STRANDS: FourPStrand[] = ["PURSUE", "PREVENT", "PROTECT", "PREPARE"];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  NOT_STARTED: "Not started",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CANCELLED: "Cancelled",
};

export const ACTION_STATUSES: ActionStatus[] = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "CANCELLED"];

export const PHASE_LABELS: Record<ChbPhase, string> = {
  PLANNING: "Planning",
  CLEAR: "Clear",
  HOLD: "Hold",
  BUILD: "Build",
  COMPLETE: "Complete",
};

export const PHASES: ChbPhase[] = ["PLANNING", "CLEAR", "HOLD", "BUILD", "COMPLETE"];

export const OUTCOME_KIND_LABELS: Record<OutcomeKind, string> = {
  ARREST: "Arrests",
  CHARGE: "Charges",
  CONVICTION: "Convictions",
  DRUGS_SEIZED: "Drugs seized",
  CASH_SEIZED: "Cash seized",
  WEAPONS_RECOVERED: "Weapons recovered",
  PEOPLE_SAFEGUARDED: "People safeguarded",
  CLOSURE_ORDER: "Closures",
  DISRUPTION: "Disruptions",
};

export const OUTCOME_KINDS = Object.keys(OUTCOME_KIND_LABELS) as OutcomeKind[];

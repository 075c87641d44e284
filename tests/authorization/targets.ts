import type { MatrixWorld } from "./world";

/**
 * The records a route can be asked about. Each kind names its targets; every matrix row is one
 * target: "A" is a record of side A (own or partner for the A principals, unrelated for the B ones),
 * "B" the same for side B. Routes without a record use "-".
 */
export type Target = { params: Record<string, string>; query?: string };

export const TARGETS = {
  none: { "-": (): Target => ({ params: {} }) },
  /** A submitted report from a council, shared with its force under the agreement. */
  submission: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.submission.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.submission.id } }),
  },
  /** A council submitter's draft (their own; their colleagues' and everyone else's business not). */
  draft: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.draft.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.draft.id } }),
  },
  /** A force's threat. */
  threat: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.threat.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.threat.id } }),
  },
  /** The information sharing agreement between a side's force and council (in force). */
  agreement: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.agreement.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.agreement.id } }),
  },
  /** An agreement between the side's force and council, sent for signature, signed by neither yet. */
  agreementAwaitingSignatures: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.awaitingSignatures.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.awaitingSignatures.id } }),
  },
  /** A council's user account (not one of the principals). */
  user: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.member.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.member.id } }),
  },
  /** A council. */
  organisation: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.council.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.council.id } }),
  },
  /** The SOC local profile of the side's area, owned by its force, with a published version. */
  profile: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.profile.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.profile.id } }),
  },
  /** An audit event: the side's analyst viewing the side's submission. */
  auditEvent: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.event.id.toString() } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.event.id.toString() } }),
  },
  /** A threat briefing a side's force sent to its council (approved). */
  dissemination: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.dissemination.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.dissemination.id } }),
  },
  /** A force's threat as the source of a new dissemination (/disseminations/new?threat=). */
  threatToDisseminate: {
    A: (w: MatrixWorld): Target => ({ params: {}, query: `threat=${w.A.threat.id}` }),
    B: (w: MatrixWorld): Target => ({ params: {}, query: `threat=${w.B.threat.id}` }),
  },
  /** A 4P action on the side's threat, owned by the side's council. */
  planAction: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.planAction.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.planAction.id } }),
  },
  /** A Clear, Hold, Build plan led by the side's force, with the side's council involved. */
  areaPlan: {
    A: (w: MatrixWorld): Target => ({ params: { id: w.A.areaPlan.id } }),
    B: (w: MatrixWorld): Target => ({ params: { id: w.B.areaPlan.id } }),
  },
} satisfies Record<string, Record<string, (w: MatrixWorld) => Target>>;

export type TargetKind = keyof typeof TARGETS;

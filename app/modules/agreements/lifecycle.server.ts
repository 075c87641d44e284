import { subject } from "@casl/ability";
import type { Prisma } from "~/generated/prisma/client";
import type { AgreementStatus } from "~/generated/prisma/enums";
import { recordAuditEvent, SYSTEM_AUDIT_CONTEXT, type AuditContext } from "~/modules/audit/audit.server";
import type { AuditAction } from "~/modules/audit/actions";
import type { Action, AppAbility } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import type { PartyInput } from "./forms";
import { REVIEW_OUTCOMES, type ReviewOutcome } from "./labels";
import { formatDate } from "~/utils/dates";
import { displayStatus, DISPLAY_STATUS_LABELS, partyMustSign } from "./status";
import { auditedTermChanges } from "./terms-display";
import { agreementTermsSchema, type AgreementTerms } from "./terms";
import { clock } from "~/utils/clock";

/**
 * The agreement lifecycle: draft → awaiting signatures → active (every signing party has signed
 * the current version; access starts at the start date) → suspended ⇄ active, revoked (final),
 * expired (by date, final). Amending an active or suspended agreement adds a version that every
 * signing party signs again; until they all have, the previously signed terms stay in force.
 *
 * Every step runs in one transaction that first locks the agreement row (so two people acting at
 * once see each other's work, e.g. the last two signatures), checks who may act (the CASL rules)
 * and whether the step makes sense now (refused with a plain-English reason), and writes the
 * status history and the audit event with the change.
 */

export interface Actor {
  user: { id: string; organisationId: string; organisation: { name: string } };
  ability: AppAbility;
  audit: AuditContext;
}

/** A step that cannot happen, with the reason to show the user. */
export class AgreementStepRefused extends Error {
  constructor(
    message: string,
    /** 403 when the person may not do it; 409 when the agreement's state does not allow it. */
    readonly status: 403 | 409 = 409,
    /** The form field the message belongs to ("form" for the whole page). */
    readonly field = "form",
  ) {
    super(message);
    this.name = "AgreementStepRefused";
  }
}

/** The agreement does not exist or the user may not know it does: answered with 404. */
export class AgreementNotFound extends Error {
  constructor() {
    super("Agreement not found");
    this.name = "AgreementNotFound";
  }
}

type Tx = Prisma.TransactionClient;

const lockedInclude = {
  parties: { include: { organisation: { select: { id: true, name: true } } } },
  // Open suspensions only: who holds one decides who may reinstate (rules/agreements.ts).
  suspensions: { where: { liftedAt: null }, orderBy: { suspendedAt: "asc" }, include: { organisation: { select: { name: true } } } },
  versions: { orderBy: { versionNumber: "desc" }, take: 1, include: { signatures: true } },
} satisfies Prisma.AgreementInclude;

type LockedAgreement = Prisma.AgreementGetPayload<{ include: typeof lockedInclude }>;

async function lockAgreement(tx: Tx, id: string): Promise<LockedAgreement> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AgreementNotFound();
  await tx.$executeRaw`SELECT 1 FROM "Agreement" WHERE "id" = ${id}::uuid FOR UPDATE`;
  const agreement = await tx.agreement.findUnique({ where: { id }, include: lockedInclude });
  if (!agreement) throw new AgreementNotFound();
  return agreement;
}

function authorize(actor: Actor, action: Action, agreement: LockedAgreement, refusal: string) {
  if (!actor.ability.can("read", subject("Agreement", agreement))) throw new AgreementNotFound();
  if (!actor.ability.can(action, subject("Agreement", agreement))) throw new AgreementStepRefused(refusal, 403);
}

function latestVersion(agreement: LockedAgreement) {
  const latest = agreement.versions[0];
  if (!latest) throw new Error(`Agreement ${agreement.id} has no version`);
  return latest;
}

function termsOf(version: { terms: Prisma.JsonValue }): AgreementTerms {
  return agreementTermsSchema.parse(version.terms);
}

/** The Agreement row's copy of the terms that access checks read. */
function termsColumns(terms: AgreementTerms) {
  return {
    title: terms.title,
    classificationCeiling: terms.classificationCeiling,
    dataCategories: terms.dataCategories,
    startDate: new Date(terms.startDate),
    endDate: new Date(terms.endDate),
    reviewDate: new Date(terms.reviewDate),
    retentionMonths: terms.retentionMonths,
  };
}

async function changeStatus(
  tx: Tx,
  actor: Actor,
  agreement: LockedAgreement,
  change: { to: AgreementStatus; reason: string | null; action: AuditAction; details?: Prisma.InputJsonObject },
) {
  await tx.agreement.update({ where: { id: agreement.id }, data: { status: change.to } });
  await tx.agreementStatusChange.create({
    data: { agreementId: agreement.id, fromStatus: agreement.status, toStatus: change.to, reason: change.reason, actorId: actor.user.id },
  });
  await recordAuditEvent(tx, actor.audit, {
    action: change.action,
    recordType: "Agreement",
    recordId: agreement.id,
    agreementId: agreement.id,
    details: { reference: agreement.reference, fromStatus: agreement.status, toStatus: change.to, ...change.details },
  });
}

function refuseIfLapsed(agreement: LockedAgreement, now: Date, doing: string) {
  if (displayStatus(agreement, now) === "EXPIRED") {
    throw new AgreementStepRefused(`This agreement expired on ${formatDate(agreement.endDate)}, so it cannot be ${doing}. Draft a new agreement instead.`);
  }
}

function refuseIfRevoked(agreement: LockedAgreement, doing: string) {
  if (agreement.status === "REVOKED") throw new AgreementStepRefused(`This agreement has been revoked, so it cannot be ${doing}.`);
}

// ─── Drafts ────────────────────────────────────────────────────────────────

/** Serialises reference numbering across requests and app instances. */
const REFERENCE_LOCK_KEY = 7_262_063;

async function nextReference(tx: Tx, now: Date): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFERENCE_LOCK_KEY})`;
  const prefix = `ISA-${now.getUTCFullYear()}-`;
  const last = await tx.agreement.findFirst({
    where: { reference: { startsWith: prefix } },
    orderBy: { reference: "desc" },
    select: { reference: true },
  });
  const next = last ? Number(last.reference.slice(prefix.length)) + 1 : 1;
  return `${prefix}${String(next).padStart(4, "0")}`;
}

async function checkParties(tx: Tx, actor: Actor, parties: PartyInput[]) {
  if (!parties.some((party) => party.organisationId === actor.user.organisationId)) {
    throw new AgreementStepRefused(`${actor.user.organisation.name} must be one of the parties to an agreement you draft`, 409, "parties");
  }
  const found = await tx.organisation.count({ where: { id: { in: parties.map((party) => party.organisationId) } } });
  if (found !== parties.length) throw new AgreementStepRefused("Select each party from the list of organisations", 409, "parties");
}

export async function createDraft(
  actor: Actor,
  input: { terms: AgreementTerms; parties: PartyInput[] },
  now = clock.now(),
): Promise<{ id: string; reference: string }> {
  if (!actor.ability.can("create", "Agreement")) {
    throw new AgreementStepRefused("Only partner managers, data protection officers and intelligence supervisors can draft agreements", 403);
  }
  return prisma.$transaction(async (tx) => {
    await checkParties(tx, actor, input.parties);
    const reference = await nextReference(tx, now);
    const created = await tx.agreement.create({
      data: {
        reference,
        status: "DRAFT",
        ...termsColumns(input.terms),
        currentVersionNumber: 1,
        createdById: actor.user.id,
        parties: { create: input.parties },
        versions: { create: { versionNumber: 1, terms: input.terms, changeSummary: "First version", createdById: actor.user.id } },
        history: { create: { toStatus: "DRAFT", actorId: actor.user.id, reason: "Drafted" } },
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.created",
      recordType: "Agreement",
      recordId: created.id,
      agreementId: created.id,
      details: { reference, versionNumber: 1, parties: input.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })) },
    });
    return { id: created.id, reference };
  });
}

export async function updateDraft(
  actor: Actor,
  id: string,
  input: { terms: AgreementTerms; parties: PartyInput[] },
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    authorize(actor, "update", agreement, "You cannot edit this agreement");
    if (agreement.status !== "DRAFT") {
      throw new AgreementStepRefused(
        agreement.status === "ACTIVE" || agreement.status === "SUSPENDED"
          ? "Only a draft can be edited. Amend the agreement instead: the amendment is signed again by every party."
          : `Only a draft can be edited. This agreement is ${DISPLAY_STATUS_LABELS[agreement.status].toLowerCase()}.`,
      );
    }
    await checkParties(tx, actor, input.parties);
    const version = latestVersion(agreement);
    const previousTerms = termsOf(version);
    await tx.agreementVersion.update({ where: { id: version.id }, data: { terms: input.terms } });
    await tx.agreementParty.deleteMany({ where: { agreementId: id } });
    await tx.agreementParty.createMany({ data: input.parties.map((party) => ({ ...party, agreementId: id })) });
    await tx.agreement.update({ where: { id }, data: termsColumns(input.terms) });
    const partiesBefore = agreement.parties.map((p) => `${p.organisationId}:${p.role}`).sort();
    const partiesAfter = input.parties.map((p) => `${p.organisationId}:${p.role}`).sort();
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.updated",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: {
        reference: agreement.reference,
        ...auditedTermChanges(previousTerms, input.terms),
        ...(partiesBefore.join() !== partiesAfter.join() ? { parties: { from: partiesBefore, to: partiesAfter } } : {}),
      },
    });
  });
}

export async function submitForSignature(actor: Actor, id: string, now = clock.now()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    authorize(actor, "update", agreement, "You cannot send this agreement for signature");
    if (agreement.status !== "DRAFT") throw new AgreementStepRefused("Only a draft can be sent for signature. This one has been sent already.");
    if (agreement.endDate <= now) throw new AgreementStepRefused("The end date has passed. Change the dates before sending the agreement for signature.");
    if (agreement.parties.filter((party) => partyMustSign(party.role)).length < 2) {
      throw new AgreementStepRefused("At least two parties must be controllers or joint controllers, who sign the agreement");
    }
    await changeStatus(tx, actor, agreement, { to: "AWAITING_SIGNATURES", reason: "Sent to the parties for signature", action: "agreement.submitted_for_signature" });
  });
}

// ─── Signing ───────────────────────────────────────────────────────────────

/** What there is to sign now, if anything: the latest version, when it is not yet fully signed. */
export function versionAwaitingSignature(agreement: {
  status: AgreementStatus;
  currentVersionNumber: number;
  latestVersionNumber: number;
  startDate: Date;
  endDate: Date;
}, now: Date): number | null {
  const shown = displayStatus(agreement, now);
  if (shown === "AWAITING_SIGNATURES") return agreement.latestVersionNumber;
  if ((shown === "ACTIVE" || shown === "SIGNED_NOT_STARTED" || shown === "SUSPENDED") && agreement.latestVersionNumber > agreement.currentVersionNumber) {
    return agreement.latestVersionNumber;
  }
  return null;
}

export async function signVersion(
  actor: Actor,
  id: string,
  versionNumber: number,
  now = clock.now(),
): Promise<{ versionInForce: boolean; activated: boolean }> {
  return prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    if (!actor.ability.can("read", subject("Agreement", agreement))) throw new AgreementNotFound();
    const latest = latestVersion(agreement);
    const party = agreement.parties.find((p) => p.organisationId === actor.user.organisationId);
    if (!party) throw new AgreementNotFound();

    refuseIfRevoked(agreement, "signed");
    refuseIfLapsed(agreement, now, "signed");
    if (agreement.status === "DRAFT") throw new AgreementStepRefused("This agreement is still a draft. It must be sent for signature before anyone signs it.");
    const pending = versionAwaitingSignature({ ...agreement, latestVersionNumber: latest.versionNumber }, now);
    if (pending === null) throw new AgreementStepRefused("There is nothing to sign: every party has signed the version in force.");
    if (versionNumber !== latest.versionNumber) {
      throw new AgreementStepRefused(`Version ${versionNumber} has been replaced by version ${latest.versionNumber}. Read version ${latest.versionNumber} before you sign.`);
    }
    if (!partyMustSign(party.role)) {
      throw new AgreementStepRefused(`${party.organisation.name} is a ${party.role === "RECIPIENT" ? "recipient" : "processor"} under this agreement and does not sign it.`);
    }
    if (!actor.ability.can("sign", subject("Agreement", agreement))) {
      throw new AgreementStepRefused(`Only an authorised signatory of ${party.organisation.name} can sign this agreement.`, 403);
    }
    if (latest.signatures.some((signature) => signature.organisationId === party.organisationId)) {
      throw new AgreementStepRefused(`${party.organisation.name} has already signed version ${latest.versionNumber}.`);
    }

    await tx.agreementSignature.create({
      data: { agreementVersionId: latest.id, organisationId: party.organisationId, userId: actor.user.id, signedAt: now },
    });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.signed",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: { reference: agreement.reference, versionNumber: latest.versionNumber, organisationId: party.organisationId },
    });

    const signedBy = new Set([...latest.signatures.map((s) => s.organisationId), party.organisationId]);
    const allSigned = agreement.parties.filter((p) => partyMustSign(p.role)).every((p) => signedBy.has(p.organisationId));
    if (!allSigned) return { versionInForce: false, activated: false };

    const terms = termsOf(latest);
    const previous = agreement.currentVersionNumber;
    await tx.agreement.update({ where: { id }, data: { ...termsColumns(terms), currentVersionNumber: latest.versionNumber } });
    if (agreement.status === "AWAITING_SIGNATURES") {
      const start = new Date(terms.startDate);
      await changeStatus(tx, actor, agreement, {
        to: "ACTIVE",
        reason: start > now ? `Signed by every party; in force from ${formatDate(start)}` : "Signed by every party",
        action: "agreement.activated",
        details: { versionNumber: latest.versionNumber, startDate: terms.startDate },
      });
      return { versionInForce: true, activated: true };
    }
    // An amendment: the status does not change, but the history shows when the new terms took over.
    await tx.agreementStatusChange.create({
      data: {
        agreementId: id,
        fromStatus: agreement.status,
        toStatus: agreement.status,
        reason: `Version ${latest.versionNumber} signed by every party and now in force (replacing version ${previous})`,
        actorId: actor.user.id,
      },
    });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.updated",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: { reference: agreement.reference, event: "amendment_in_force", fromVersion: previous, toVersion: latest.versionNumber },
    });
    return { versionInForce: true, activated: false };
  });
}

// ─── Amendment ─────────────────────────────────────────────────────────────

export async function amendAgreement(
  actor: Actor,
  id: string,
  input: { terms: AgreementTerms; changeSummary: string },
  now = clock.now(),
): Promise<{ versionNumber: number }> {
  return prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    authorize(actor, "amend", agreement, "You cannot amend this agreement");
    refuseIfRevoked(agreement, "amended");
    refuseIfLapsed(agreement, now, "amended");
    if (agreement.status === "DRAFT") throw new AgreementStepRefused("This agreement is a draft: edit the draft instead of amending it.");
    if (agreement.status === "AWAITING_SIGNATURES") {
      throw new AgreementStepRefused("This agreement has not been signed by every party yet, so it cannot be amended.");
    }
    if (new Date(input.terms.endDate) <= now) throw new AgreementStepRefused("The end date must be in the future", 409, "endDate");
    const latest = latestVersion(agreement);
    const changes = auditedTermChanges(termsOf(latest), input.terms);
    if (changes.changedFields.length === 0) throw new AgreementStepRefused("The amendment does not change any term. Change at least one term.");
    const versionNumber = latest.versionNumber + 1;
    await tx.agreementVersion.create({
      data: { agreementId: id, versionNumber, terms: input.terms, changeSummary: input.changeSummary, createdById: actor.user.id },
    });
    await tx.agreement.update({ where: { id }, data: { updatedAt: now } });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.amended",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: {
        reference: agreement.reference,
        versionNumber,
        versionInForce: agreement.currentVersionNumber,
        ...(latest.versionNumber > agreement.currentVersionNumber ? { supersedesUnsignedVersion: latest.versionNumber } : {}),
        ...changes,
      },
    });
    return { versionNumber };
  });
}

// ─── Suspension, reinstatement, revocation ─────────────────────────────────

/**
 * Suspends the agreement for the actor's organisation. Each party's suspension is its own: a party
 * may add its suspension to an agreement another party has already suspended, and the agreement is
 * active again only when every open suspension has been lifted by the organisation that imposed it.
 */
export async function suspendAgreement(actor: Actor, id: string, reason: string, now = clock.now()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    authorize(actor, "suspend", agreement, "Only data protection officers and intelligence supervisors of a party can suspend an agreement");
    refuseIfRevoked(agreement, "suspended");
    refuseIfLapsed(agreement, now, "suspended");
    const own = agreement.suspensions.find((s) => s.organisationId === actor.user.organisationId);
    if (own) {
      throw new AgreementStepRefused(`This agreement is already suspended by ${own.organisation.name} (since ${formatDate(own.suspendedAt)}).`);
    }
    if (agreement.status !== "ACTIVE" && agreement.status !== "SUSPENDED") {
      throw new AgreementStepRefused("Only an active agreement can be suspended. This one has not been signed by every party.");
    }
    const suspension = await tx.agreementSuspension.create({
      data: { agreementId: id, organisationId: actor.user.organisationId, suspendedById: actor.user.id, suspendedAt: now, reason },
      select: { id: true },
    });
    const details = {
      organisationId: actor.user.organisationId,
      suspensionId: suspension.id,
      alsoSuspendedBy: agreement.suspensions.map((s) => s.organisationId),
    };
    if (agreement.status === "ACTIVE") {
      await changeStatus(tx, actor, agreement, { to: "SUSPENDED", reason, action: "agreement.suspended", details });
      return;
    }
    // Already suspended by another party: this party's suspension is added; the status stays.
    await tx.agreementStatusChange.create({
      data: {
        agreementId: id,
        fromStatus: "SUSPENDED",
        toStatus: "SUSPENDED",
        reason: `${actor.user.organisation.name} also suspended it: ${reason}`,
        actorId: actor.user.id,
        at: now,
      },
    });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.suspended",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: { reference: agreement.reference, fromStatus: "SUSPENDED", toStatus: "SUSPENDED", ...details },
    });
  });
}

/**
 * Lifts the actor's organisation's suspension. Who may lift is the rules' decision (a DPO or
 * intelligence supervisor of an organisation holding an open suspension), checked here against the
 * locked row, so a suspension lifted or imposed meanwhile is seen. When other parties' suspensions
 * remain, the agreement stays suspended and the lifting is recorded and audited on its own.
 */
export async function reinstateAgreement(actor: Actor, id: string, reason: string, now = clock.now()): Promise<{ reinstated: boolean }> {
  return prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    if (!actor.ability.can("read", subject("Agreement", agreement))) throw new AgreementNotFound();
    refuseIfRevoked(agreement, "reinstated");
    refuseIfLapsed(agreement, now, "reinstated");
    if (agreement.status !== "SUSPENDED") throw new AgreementStepRefused("Only a suspended agreement can be reinstated.");
    const holders = [...new Set(agreement.suspensions.map((s) => s.organisation.name))];
    authorize(
      actor,
      "reinstate",
      agreement,
      holders.length > 0
        ? `Only a data protection officer or intelligence supervisor of ${holders.join(" or ")} can lift ${holders.length === 1 ? "its suspension" : "their suspensions"} of this agreement.`
        : "Only data protection officers and intelligence supervisors of a party can reinstate an agreement",
    );
    const own = agreement.suspensions.filter((s) => s.organisationId === actor.user.organisationId);
    const lifted = await tx.agreementSuspension.updateMany({
      where: { id: { in: own.map((s) => s.id) }, liftedAt: null },
      data: { liftedAt: now, liftedById: actor.user.id, liftReason: reason },
    });
    if (lifted.count === 0) throw new AgreementStepRefused("Your organisation's suspension has already been lifted.");
    const remaining = agreement.suspensions.filter((s) => s.organisationId !== actor.user.organisationId);
    const details = {
      organisationId: actor.user.organisationId,
      suspensionIds: own.map((s) => s.id),
      stillSuspendedBy: remaining.map((s) => s.organisationId),
    };
    if (remaining.length === 0) {
      await changeStatus(tx, actor, agreement, { to: "ACTIVE", reason, action: "agreement.reinstated", details });
      return { reinstated: true };
    }
    const names = [...new Set(remaining.map((s) => s.organisation.name))].join(" and ");
    await tx.agreementStatusChange.create({
      data: {
        agreementId: id,
        fromStatus: "SUSPENDED",
        toStatus: "SUSPENDED",
        reason: `${actor.user.organisation.name} lifted its suspension: ${reason}. Still suspended by ${names}.`,
        actorId: actor.user.id,
        at: now,
      },
    });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.suspension_lifted",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: { reference: agreement.reference, fromStatus: "SUSPENDED", toStatus: "SUSPENDED", ...details },
    });
    return { reinstated: false };
  });
}

export async function revokeAgreement(actor: Actor, id: string, reason: string, now = clock.now()): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    authorize(actor, "revoke", agreement, "Only data protection officers and intelligence supervisors of a party can revoke an agreement");
    refuseIfRevoked(agreement, "revoked again");
    refuseIfLapsed(agreement, now, "revoked");
    await changeStatus(tx, actor, agreement, { to: "REVOKED", reason, action: "agreement.revoked" });
  });
}

// ─── Reviews ───────────────────────────────────────────────────────────────

export async function recordReview(
  actor: Actor,
  id: string,
  input: { outcome: ReviewOutcome; notes: string; nextReviewDate: string },
  now = clock.now(),
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const agreement = await lockAgreement(tx, id);
    authorize(actor, "review", agreement, "You cannot record a review of this agreement");
    refuseIfRevoked(agreement, "reviewed");
    refuseIfLapsed(agreement, now, "reviewed");
    if (agreement.status === "DRAFT" || agreement.status === "AWAITING_SIGNATURES") {
      throw new AgreementStepRefused("An agreement is reviewed once every party has signed it.");
    }
    const next = new Date(input.nextReviewDate);
    if (next <= now) throw new AgreementStepRefused("The next review date must be in the future", 409, "nextReviewDate");
    if (next > agreement.endDate) {
      throw new AgreementStepRefused(`The next review date must be no later than the end date, ${formatDate(agreement.endDate)}`, 409, "nextReviewDate");
    }
    await tx.agreementReview.create({
      data: { agreementId: id, reviewedById: actor.user.id, reviewedAt: now, outcome: input.outcome, notes: input.notes || null, nextReviewDate: next },
    });
    await tx.agreement.update({ where: { id }, data: { reviewDate: next } });
    await recordAuditEvent(tx, actor.audit, {
      action: "agreement.reviewed",
      recordType: "Agreement",
      recordId: id,
      agreementId: id,
      details: {
        reference: agreement.reference,
        outcome: input.outcome,
        outcomeLabel: REVIEW_OUTCOMES[input.outcome],
        reviewDate: { from: agreement.reviewDate.toISOString().slice(0, 10), to: input.nextReviewDate },
      },
    });
  });
}

// ─── Status by date (the scheduled job) ───────────────────────────────────

/** How many lapsed agreements one transaction of the job handles. */
const EXPIRY_BATCH = 100;

/**
 * Stores EXPIRED on agreements whose end date has passed, with their status history and an audit
 * event each. Run by the scheduled job (agreementStatusByDateJob), never by a page view: access
 * never waits for it (agreementInForceWhere checks the dates on every query, and displayStatus
 * shows "Expired" at once); it keeps the stored status, history and audit trail truthful.
 * Idempotent and safe beside a concurrent run: each row moves only if it is still ACTIVE or
 * SUSPENDED and lapsed, under its row lock. Returns how many it moved.
 *
 * (There is no stored "not started" or "review due" status: both are read from the dates, so
 * nothing else changes by date.)
 */
export async function expireLapsedAgreements(now = clock.now()): Promise<number> {
  let expired = 0;
  for (;;) {
    const moved = await prisma.$transaction(async (tx) => {
      const lapsed = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "Agreement"
        WHERE "status" IN ('ACTIVE', 'SUSPENDED') AND "endDate" <= ${now}
        ORDER BY "endDate" ASC
        LIMIT ${EXPIRY_BATCH}
        FOR UPDATE SKIP LOCKED`;
      let count = 0;
      for (const { id } of lapsed) {
        // Re-read under the lock: another run or a person may have moved it meanwhile.
        const agreement = await tx.agreement.findUnique({ where: { id }, select: { id: true, reference: true, status: true, endDate: true } });
        if (!agreement || (agreement.status !== "ACTIVE" && agreement.status !== "SUSPENDED") || agreement.endDate > now) continue;
        await tx.agreement.update({ where: { id }, data: { status: "EXPIRED" } });
        await tx.agreementStatusChange.create({
          data: { agreementId: id, fromStatus: agreement.status, toStatus: "EXPIRED", reason: `End date (${formatDate(agreement.endDate)}) passed`, at: now },
        });
        await recordAuditEvent(tx, SYSTEM_AUDIT_CONTEXT, {
          action: "agreement.expired",
          recordType: "Agreement",
          recordId: id,
          agreementId: id,
          details: { reference: agreement.reference, fromStatus: agreement.status, toStatus: "EXPIRED", endDate: agreement.endDate.toISOString() },
        });
        count += 1;
      }
      return { count, full: lapsed.length === EXPIRY_BATCH };
    });
    expired += moved.count;
    if (!moved.full) return expired;
  }
}

import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "~/generated/prisma/client";
import type { Classification, DataCategory, HandlingCode } from "~/generated/prisma/enums";
import { isAgreementInForce } from "~/modules/agreements/in-force";
import { CLASSIFICATION_LABELS } from "~/modules/agreements/labels";
import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import type { AuthenticatedRequest } from "~/modules/auth/auth.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { classificationWithinCeiling } from "~/modules/authorization/classification";
import { deny, recordDenial } from "~/modules/authorization/deny.server";
import { isPoliceUser } from "~/modules/authorization/roles";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import { seekPage, seekQuery, type SeekParams } from "~/utils/keyset";
import { eligiblePairs, eligibleRecipients, type DisseminationTerms } from "./eligibility.server";
import { DISSEMINATION_LIST_ORDER, type CreateDisseminationForm, type DisseminationSource } from "./forms.server";

export type Auth = Pick<AuthenticatedRequest, "user" | "ability" | "audit">;

export const DISSEMINATIONS_PAGE_SIZE = 25;

/** A refusal the user can act on, shown against a form field. */
export class DisseminationRefused extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Where a repeated form goes: the first submission's page (or, if the token was someone else's, an expired form). */
export class FormAlreadySent extends Error {
  constructor(readonly location: string | null) {
    super("Form already sent");
  }
}

/**
 * References sort in the order they were made (newest-first paging relies on it): the time to the
 * millisecond and a random suffix, e.g. DIS-20261202-103512123-4F3A.
 */
function newReference(now: Date): string {
  const stamp = now.toISOString().replace(/[-:TZ.]/g, "");
  return `DIS-${stamp.slice(0, 8)}-${stamp.slice(8)}-${randomBytes(2).toString("hex").toUpperCase()}`;
}

// ─── The source: an approved sanitised report or a threat of the force ──────────────────────────

export interface SourceDetails {
  kind: DisseminationSource["kind"];
  id: string;
  reference: string;
  title: string;
  body: string;
  /** The least the dissemination may be classified at: never below its source. */
  classification: Classification;
  dataCategories: DataCategory[];
  handlingCode: HandlingCode;
  handlingConditions: string | null;
}

type Client = Prisma.TransactionClient | typeof prisma;

async function findSource(client: Client, auth: Auth, source: DisseminationSource): Promise<SourceDetails | null> {
  if (source.kind === "SANITISED_REPORT") {
    const report = await client.sanitisedReport.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "read", "SanitisedReport"), { id: source.id, status: "APPROVED" }] },
      select: {
        id: true,
        text: true,
        submission: {
          select: {
            reference: true,
            classification: true,
            dataCategories: true,
            handlingCode: true,
            analystHandlingCode: true,
            handlingConditions: true,
          },
        },
      },
    });
    if (!report) return null;
    const s = report.submission;
    return {
      kind: "SANITISED_REPORT",
      id: report.id,
      reference: s.reference ?? "",
      title: `Sanitised intelligence report ${s.reference ?? ""}`.trim(),
      body: report.text,
      classification: s.classification,
      dataCategories: s.dataCategories,
      handlingCode: s.analystHandlingCode ?? s.handlingCode ?? "P",
      handlingConditions: s.handlingConditions,
    };
  }
  const threat = await client.threat.findFirst({
    // Only the force's own threats: a partner-safe share of someone else's threat is not ours to send.
    where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: source.id, organisationId: auth.user.organisationId }] },
    select: { id: true, reference: true, title: true, summary: true, classification: true },
  });
  if (!threat) return null;
  return {
    kind: "THREAT_BRIEFING",
    id: threat.id,
    reference: threat.reference,
    title: threat.title,
    body: threat.summary ?? "",
    classification: threat.classification,
    dataCategories: ["INTELLIGENCE_NARRATIVE"],
    handlingCode: "P",
    handlingConditions: null,
  };
}

/** Refuses (403, recorded) anyone who never drafts disseminations. */
export async function requireDisseminator(auth: Auth, attempted = "dissemination.created"): Promise<void> {
  if (!isPoliceUser(auth) || !auth.ability.can("create", "Dissemination")) {
    await deny(auth, { action: attempted, recordType: "Dissemination", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}

/** Refuses (recorded) anyone who may not disseminate this source: asked before a form is read. */
export async function requireSource(auth: Auth, source: DisseminationSource): Promise<void> {
  await requireDisseminator(auth);
  if (!(await findSource(prisma, auth, source))) {
    const recordType = source.kind === "SANITISED_REPORT" ? "SanitisedReport" : "Threat";
    await deny(auth, { action: "dissemination.created", recordType, recordId: source.id, reason: "RECORD_NOT_VISIBLE" });
  }
}

/** The source of a new dissemination, for the form (its view is audited); 404 if not the user's to send. */
export async function sourceForDissemination(auth: Auth, source: DisseminationSource): Promise<SourceDetails> {
  await requireDisseminator(auth);
  const recordType = source.kind === "SANITISED_REPORT" ? "SanitisedReport" : "Threat";
  const details = await findSource(prisma, auth, source);
  if (!details) return deny(auth, { action: "dissemination.created", recordType, recordId: source.id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, { action: "record.viewed", recordType, recordId: details.id, justification: "DISSEMINATION", details: { view: "new dissemination" } });
  return details;
}

/** Why these terms cannot carry the source (empty when they can). */
export function termsProblems(source: Pick<SourceDetails, "classification">, terms: DisseminationTerms): Record<string, string> {
  if (!classificationWithinCeiling(source.classification, terms.classification)) {
    return { classification: `The source is ${CLASSIFICATION_LABELS[source.classification]}: the dissemination cannot be classified lower` };
  }
  return {};
}

/** The organisations the dissemination may go to, each with the agreement that permits it. */
export function recipientChoices(auth: Auth, terms: DisseminationTerms) {
  return eligibleRecipients(prisma, auth.user.organisationId, terms, clock.now());
}

/**
 * Drafts a dissemination for a supervisor's approval. Inside one transaction: the form token is
 * claimed (a double click writes once), the source is read again through the access rules, and
 * every posted recipient is checked against the agreements in force now: a recipient the form did
 * not offer (no agreement, a ceiling below the classification, a data category not permitted) is
 * refused, recorded as a denial, and nothing is written.
 */
export async function createDissemination(auth: Auth, source: DisseminationSource, form: CreateDisseminationForm): Promise<{ id: string }> {
  await requireDisseminator(auth);
  const id = randomUUID();
  const location = `/disseminations/${id}?done=created`;
  const terms = { classification: form.classification, dataCategories: [...new Set(form.dataCategories)] };
  const refusedIds: string[] = [];
  try {
    await prisma.$transaction(async (tx) => {
      const claim = await claimFormToken(tx, form.formToken, auth.user.id, location);
      if (!claim.firstUse) throw new FormAlreadySent(claim.location);
      const details = await findSource(tx, auth, source);
      if (!details) throw new DisseminationRefused("The source can no longer be disseminated by you", "form");
      const problems = termsProblems(details, terms);
      const [field, message] = Object.entries(problems)[0] ?? [];
      if (field && message) throw new DisseminationRefused(message, field);
      const now = clock.now();
      const eligible = await eligibleRecipients(tx, auth.user.organisationId, terms, now);
      const byOrganisation = new Map(eligible.map((e) => [e.organisationId, e]));
      const recipientIds = [...new Set(form.recipientIds)];
      refusedIds.push(...recipientIds.filter((organisationId) => !byOrganisation.has(organisationId)));
      if (refusedIds.length > 0) {
        throw new DisseminationRefused(
          "An organisation you chose is not covered by an agreement in force that permits this classification and these data categories",
          "recipientIds",
        );
      }
      const recipients = recipientIds.map((organisationId) => byOrganisation.get(organisationId)!);
      await tx.dissemination.create({
        data: {
          id,
          reference: newReference(now),
          kind: source.kind,
          sanitisedReportId: source.kind === "SANITISED_REPORT" ? details.id : null,
          threatId: source.kind === "THREAT_BRIEFING" ? details.id : null,
          title: form.title,
          body: form.body,
          classification: terms.classification,
          handlingCode: form.handlingCode,
          handlingConditions: form.handlingCode === "C" ? form.handlingConditions : null,
          dataCategories: terms.dataCategories,
          senderOrganisationId: auth.user.organisationId,
          authorId: auth.user.id,
          createdAt: now,
          recipients: {
            create: recipients.map((r) => ({ organisationId: r.organisationId, agreementId: r.agreement.id })),
          },
        },
      });
      await recordAuditEvent(tx, auth.audit, {
        action: "dissemination.created",
        recordType: "Dissemination",
        recordId: id,
        recordOrganisationId: auth.user.organisationId,
        justification: "DISSEMINATION",
        details: {
          kind: source.kind,
          sourceId: details.id,
          classification: terms.classification,
          dataCategories: terms.dataCategories,
          handlingCode: form.handlingCode,
          proposedRecipients: recipients.map((r) => ({ organisationId: r.organisationId, agreementId: r.agreement.id })),
        },
      });
    });
  } catch (error) {
    if (error instanceof DisseminationRefused && refusedIds.length > 0) {
      for (const organisationId of refusedIds) {
        await recordDenial(auth, {
          action: "dissemination.created",
          recordType: "Organisation",
          recordId: organisationId,
          reason: "ACTION_NOT_PERMITTED_ON_RECORD",
        });
      }
    }
    throw error;
  }
  return { id };
}

// ─── Four eyes ──────────────────────────────────────────────────────────────────────────────────

/** Refuses (403, recorded) anyone who never approves disseminations. */
export async function requireDisseminationApprover(auth: Auth, attempted = "dissemination.approved"): Promise<void> {
  if (!isPoliceUser(auth) || !auth.ability.can("approve", "Dissemination")) {
    await deny(auth, { action: attempted, recordType: "Dissemination", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}

/**
 * A supervisor who is not the author approves (the dissemination is sent) or rejects it with a
 * reason. The approve rule (force, status, four eyes) is part of the query and of the update, so two
 * decisions cannot both land; on approval every recipient's agreement is checked again, now.
 */
export async function decideDissemination(
  auth: Auth,
  form: { formToken: string; disseminationId: string; decision: "approve" | "reject"; reason: string | null },
): Promise<"approved" | "rejected"> {
  const attempted = form.decision === "approve" ? "dissemination.approved" : "dissemination.rejected";
  await requireDisseminationApprover(auth, attempted);
  const outcome = form.decision === "approve" ? "approved" : "rejected";
  const decided = await prisma.$transaction(async (tx) => {
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, `/disseminations/approvals?done=${outcome}`);
    if (!claim.firstUse) throw new FormAlreadySent(claim.location);
    const dissemination = await tx.dissemination.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "approve", "Dissemination"), { id: form.disseminationId }] },
      select: {
        id: true,
        authorId: true,
        classification: true,
        dataCategories: true,
        senderOrganisationId: true,
        recipients: { select: { organisationId: true, agreementId: true, organisation: { select: { name: true } } } },
      },
    });
    if (!dissemination) return null;
    const now = clock.now();
    if (form.decision === "approve") {
      const stillPermitted = new Set(
        (await eligiblePairs(tx, dissemination.senderOrganisationId, dissemination, now)).map((p) => `${p.organisationId}|${p.agreement.id}`),
      );
      const lapsed = dissemination.recipients.filter((r) => !stillPermitted.has(`${r.organisationId}|${r.agreementId}`));
      if (lapsed.length > 0) {
        throw new DisseminationRefused(
          `The agreement no longer permits sending to ${lapsed.map((r) => r.organisation.name).join(", ")}: reject it and draft it again`,
          "decision",
        );
      }
    }
    const status = form.decision === "approve" ? "APPROVED" : "REJECTED";
    // The approve rule again in the update (awaiting, not the decider's own): one decision lands.
    const updated = await tx.dissemination.updateMany({
      where: { AND: [accessibleWhere(auth.ability, "approve", "Dissemination"), { id: dissemination.id }] },
      data: { status, approverId: auth.user.id, decidedAt: now, decisionNote: form.reason },
    });
    if (updated.count !== 1) return null;
    const event = { recordType: "Dissemination", recordId: dissemination.id, recordOrganisationId: dissemination.senderOrganisationId, justification: "DISSEMINATION" };
    await recordAuditEvent(tx, auth.audit, {
      ...event,
      action: attempted,
      details: { authorId: dissemination.authorId, ...(form.reason ? { reason: form.reason } : {}) },
    });
    if (status === "APPROVED") {
      // The disclosure itself (s62): to whom, under which agreement.
      await recordAuditEvent(tx, auth.audit, {
        ...event,
        action: "dissemination.sent",
        details: {
          disclosure: true,
          recipients: dissemination.recipients.map((r) => ({ organisationId: r.organisationId, agreementId: r.agreementId })),
        },
      });
    }
    return dissemination;
  });
  if (!decided) {
    const own = await prisma.dissemination.findFirst({ where: { id: form.disseminationId, authorId: auth.user.id }, select: { id: true } });
    await recordDenial(auth, {
      action: attempted,
      recordType: "Dissemination",
      recordId: form.disseminationId,
      reason: own ? "ACTION_NOT_PERMITTED_ON_RECORD" : "RECORD_NOT_VISIBLE",
    });
    throw new DisseminationRefused(
      own ? "You drafted this dissemination: another supervisor must decide on it" : "This dissemination cannot be decided by you",
      "decision",
    );
  }
  return outcome;
}

const listSelect = {
  id: true,
  reference: true,
  kind: true,
  title: true,
  body: true,
  classification: true,
  dataCategories: true,
  handlingCode: true,
  handlingConditions: true,
  status: true,
  createdAt: true,
  decidedAt: true,
  author: { select: { name: true } },
  recipients: {
    orderBy: { organisation: { name: "asc" } },
    select: { acknowledgedAt: true, organisation: { select: { name: true } } },
  },
  _count: { select: { requests: { where: { status: "OPEN" } } } },
} satisfies Prisma.DisseminationSelect;

/** The supervisor's queue: the force's disseminations awaiting approval that are not their own, newest first. */
export async function approvalsQueue(auth: Auth, page: SeekParams<Date>) {
  await requireDisseminationApprover(auth);
  return pagedDisseminations(auth, accessibleWhere(auth.ability, "approve", "Dissemination"), page, { view: "approvals" });
}

/** One dissemination the supervisor may decide on, in full (404 if it is not theirs to decide). */
export async function disseminationToDecide(auth: Auth, id: string) {
  await requireDisseminationApprover(auth);
  const dissemination = await prisma.dissemination.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "approve", "Dissemination"), { id }] },
    select: {
      ...listSelect,
      recipients: {
        orderBy: { organisation: { name: "asc" } },
        select: { organisation: { select: { name: true } }, agreement: { select: { reference: true, title: true } } },
      },
    },
  });
  if (!dissemination) return deny(auth, { action: "dissemination.approved", recordType: "Dissemination", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, {
    action: "dissemination.viewed",
    recordType: "Dissemination",
    recordId: dissemination.id,
    recordOrganisationId: auth.user.organisationId,
    justification: "DISSEMINATION",
    details: { view: "approval" },
  });
  return dissemination;
}

/** Whether the user sees their force's sent disseminations (the force's analysts and supervisors). */
export function maySeeSentDisseminations(auth: Auth): boolean {
  return isPoliceUser(auth) && auth.ability.can("read", "Dissemination");
}

/** Refuses (403, recorded) anyone but the force's analysts and supervisors. */
export async function requireSenderView(auth: Auth): Promise<void> {
  if (!maySeeSentDisseminations(auth)) {
    await deny(auth, { action: "dissemination.viewed", recordType: "Dissemination", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}

/** Refuses (recorded) anyone but the sending force's analysts and supervisors: asked before a form is read. */
export async function requireSentDissemination(auth: Auth, id: string, attempted: string): Promise<void> {
  await requireSenderView(auth);
  const found = await prisma.dissemination.count({
    where: { AND: [accessibleWhere(auth.ability, "read", "Dissemination"), { id, senderOrganisationId: auth.user.organisationId }] },
  });
  if (found === 0) await deny(auth, { action: attempted, recordType: "Dissemination", recordId: id, reason: "RECORD_NOT_VISIBLE" });
}

/**
 * The force's disseminations, newest first; with `threatId`, only the briefings about that threat
 * (404 if the threat is not one the user may read).
 */
export async function listDisseminations(auth: Auth, page: SeekParams<Date>, threatId?: string) {
  await requireSenderView(auth);
  const sent = { senderOrganisationId: auth.user.organisationId };
  if (!threatId) return { ...(await pagedDisseminations(auth, sent, page, { view: "sent" })), threat: null };
  const threat = await prisma.threat.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: threatId }] },
    select: { id: true, reference: true, title: true },
  });
  if (!threat) return deny(auth, { action: "dissemination.listed", recordType: "Threat", recordId: threatId, reason: "RECORD_NOT_VISIBLE" });
  return { ...(await pagedDisseminations(auth, { ...sent, threatId }, page, { view: "sent", threatId })), threat };
}

async function pagedDisseminations(auth: Auth, filter: Prisma.DisseminationWhereInput, page: SeekParams<Date>, details: Prisma.InputJsonObject) {
  const query = seekQuery(DISSEMINATION_LIST_ORDER, page, DISSEMINATIONS_PAGE_SIZE);
  const rows = await prisma.dissemination.findMany({
    where: { AND: [accessibleWhere(auth.ability, "read", "Dissemination"), filter, query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: listSelect,
  });
  const result = seekPage(rows, DISSEMINATION_LIST_ORDER, page, DISSEMINATIONS_PAGE_SIZE, (row) => row.createdAt);
  await audit(auth.audit, {
    action: "dissemination.listed",
    recordType: "Dissemination",
    recordOrganisationId: auth.user.organisationId,
    justification: "DISSEMINATION",
    details: { ...details, count: result.items.length, ids: result.items.map((d) => d.id) },
  });
  return result;
}

/**
 * One of the force's disseminations as its sender sees it: what was sent, to whom under which
 * agreement, each recipient's read receipt and whether their copy is still in force, and the
 * information requests. The view is audited as a consultation of a disclosure with its recipients.
 */
export async function disseminationForSender(auth: Auth, id: string) {
  await requireSenderView(auth);
  const dissemination = await prisma.dissemination.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "Dissemination"), { id, senderOrganisationId: auth.user.organisationId }] },
    select: {
      id: true,
      reference: true,
      kind: true,
      title: true,
      body: true,
      classification: true,
      dataCategories: true,
      handlingCode: true,
      handlingConditions: true,
      status: true,
      decidedAt: true,
      decisionNote: true,
      createdAt: true,
      authorId: true,
      author: { select: { name: true } },
      approver: { select: { name: true } },
      threat: { select: { id: true, reference: true, title: true } },
      sanitisedReport: { select: { id: true, submission: { select: { id: true, reference: true } } } },
      recipients: {
        orderBy: { organisation: { name: "asc" } },
        select: {
          id: true,
          organisationId: true,
          acknowledgedAt: true,
          acknowledgedById: true,
          organisation: { select: { name: true } },
          agreement: { select: { id: true, reference: true, title: true, status: true, startDate: true, endDate: true, classificationCeiling: true } },
        },
      },
      requests: {
        where: accessibleWhere(auth.ability, "read", "InformationRequest"),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, question: true, status: true, response: true, createdAt: true, respondedAt: true, requesterId: true, respondedById: true, requesterOrganisationId: true },
      },
    },
  });
  if (!dissemination) return deny(auth, { action: "dissemination.viewed", recordType: "Dissemination", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  const peopleIds = [
    ...dissemination.recipients.flatMap((r) => (r.acknowledgedById ? [r.acknowledgedById] : [])),
    ...dissemination.requests.flatMap((r) => [r.requesterId, ...(r.respondedById ? [r.respondedById] : [])]),
  ];
  const people = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(peopleIds)] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const organisations = new Map(dissemination.recipients.map((r) => [r.organisationId, r.organisation.name]));
  await audit(auth.audit, {
    action: "dissemination.viewed",
    recordType: "Dissemination",
    recordId: dissemination.id,
    recordOrganisationId: auth.user.organisationId,
    justification: "DISSEMINATION",
    details: {
      disclosure: true,
      recipients: dissemination.recipients.map((r) => ({ organisationId: r.organisationId, agreementId: r.agreement.id })),
    },
  });
  const now = clock.now();
  return {
    ...dissemination,
    recipients: dissemination.recipients.map((r) => ({
      id: r.id,
      organisation: r.organisation.name,
      agreement: { id: r.agreement.id, reference: r.agreement.reference, title: r.agreement.title },
      acknowledgedAt: r.acknowledgedAt,
      acknowledgedBy: r.acknowledgedById ? (people.get(r.acknowledgedById) ?? null) : null,
      // Shown so the sender knows a recipient has lost it (the agreement lapsed or its ceiling fell).
      inForce:
        isAgreementInForce(r.agreement, now) && classificationWithinCeiling(dissemination.classification, r.agreement.classificationCeiling),
    })),
    requests: dissemination.requests.map((r) => ({
      id: r.id,
      question: r.question,
      status: r.status,
      response: r.response,
      createdAt: r.createdAt,
      respondedAt: r.respondedAt,
      requester: people.get(r.requesterId) ?? "Unknown",
      requesterOrganisation: organisations.get(r.requesterOrganisationId) ?? "Unknown organisation",
      respondedBy: r.respondedById ? (people.get(r.respondedById) ?? null) : null,
    })),
    canAnswer: auth.ability.can("update", "InformationRequest"),
    canApprove: dissemination.status === "AWAITING_APPROVAL" && dissemination.authorId !== auth.user.id && auth.ability.can("approve", "Dissemination"),
  };
}

/**
 * The police owner answers or declines a recipient's request, with the answer or the reason. The
 * answer is a further disclosure to the requesting organisation, audited as one.
 */
export async function answerInformationRequest(
  auth: Auth,
  disseminationId: string,
  form: { formToken: string; requestId: string; outcome: "answer" | "decline"; response: string },
): Promise<void> {
  const attempted = form.outcome === "answer" ? "dissemination.request_answered" : "dissemination.request_declined";
  if (!isPoliceUser(auth) || !auth.ability.can("update", "InformationRequest")) {
    await deny(auth, { action: attempted, recordType: "Dissemination", recordId: disseminationId, reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  const done = await prisma.$transaction(async (tx) => {
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, `/disseminations/${disseminationId}?done=${form.outcome}ed`);
    if (!claim.firstUse) throw new FormAlreadySent(claim.location);
    const request = await tx.informationRequest.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "update", "InformationRequest"), { id: form.requestId, disseminationId }] },
      select: { id: true, status: true, requesterOrganisationId: true, dissemination: { select: { senderOrganisationId: true } } },
    });
    if (!request) return false;
    const status = form.outcome === "answer" ? "ANSWERED" : "DECLINED";
    const updated = await tx.informationRequest.updateMany({
      where: { id: request.id, status: "OPEN" },
      data: { status, response: form.response, respondedById: auth.user.id, respondedAt: clock.now() },
    });
    if (updated.count !== 1) throw new DisseminationRefused("This request has already been answered", "requestId");
    await recordAuditEvent(tx, auth.audit, {
      action: attempted,
      recordType: "Dissemination",
      recordId: disseminationId,
      recordOrganisationId: request.dissemination.senderOrganisationId,
      justification: "DISSEMINATION",
      details: { requestId: request.id, disclosure: form.outcome === "answer", recipientOrganisationId: request.requesterOrganisationId },
    });
    return true;
  });
  if (!done) {
    await deny(auth, { action: attempted, recordType: "Dissemination", recordId: disseminationId, reason: "RECORD_NOT_VISIBLE" });
  }
}

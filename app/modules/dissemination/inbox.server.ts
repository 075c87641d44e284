import { audit, recordAuditEvent } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { claimFormToken } from "~/utils/form-token.server";
import { seekPage, seekQuery, type SeekParams } from "~/utils/keyset";
import { FormAlreadySent, type Auth } from "./disseminations.server";
import { INBOX_ORDER } from "./forms.server";

/**
 * What a recipient organisation received. Everything here goes through the recipient rules
 * (authorization/rules/dissemination.ts): a copy is visible only while it was sent and the agreement
 * it was sent under is in force, so revoking or suspending that agreement withdraws it from the
 * inbox and its page on the next request, while the records stay for the audit trail.
 */

export const INBOX_PAGE_SIZE = 25;

export type InboxShow = "to-acknowledge" | "acknowledged";

/** Refuses (403, recorded) anyone who never receives disseminations (DPOs, administrators). */
export async function requireRecipient(auth: Auth, attempted = "dissemination.viewed"): Promise<void> {
  if (!auth.ability.can("read", "DisseminationRecipient")) {
    await deny(auth, { action: attempted, recordType: "Dissemination", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
}

/** The organisation's received disseminations: those waiting for acknowledgement, or those acknowledged; newest first. */
export async function listInbox(auth: Auth, show: InboxShow, page: SeekParams<Date>) {
  await requireRecipient(auth);
  const visible = accessibleWhere(auth.ability, "read", "DisseminationRecipient");
  const acknowledged = show === "acknowledged";
  const query = seekQuery(INBOX_ORDER, page, INBOX_PAGE_SIZE);
  const [found, waiting] = await Promise.all([
    prisma.dissemination.findMany({
      // A copy is visible only once sent, so decidedAt is set; the condition says so to the types.
      where: { AND: [query.where, { decidedAt: { not: null } }, { recipients: { some: { AND: [visible, { acknowledgedAt: acknowledged ? { not: null } : null }] } } }] },
      orderBy: query.orderBy,
      take: query.take,
      select: {
        id: true,
        reference: true,
        kind: true,
        title: true,
        classification: true,
        handlingCode: true,
        decidedAt: true,
        senderOrganisation: { select: { name: true } },
        recipients: { where: visible, select: { acknowledgedAt: true } },
      },
    }),
    prisma.disseminationRecipient.count({ where: { AND: [visible, { acknowledgedAt: null }] } }),
  ]);
  const rows = found.flatMap(({ decidedAt, ...row }) => (decidedAt ? [{ ...row, decidedAt }] : []));
  const result = seekPage(rows, INBOX_ORDER, page, INBOX_PAGE_SIZE, (row) => row.decidedAt);
  await audit(auth.audit, {
    action: "dissemination.listed",
    recordType: "Dissemination",
    justification: "DISSEMINATION",
    details: { view: "inbox", show, count: result.items.length, ids: result.items.map((d) => d.id) },
  });
  return { ...result, waiting };
}

/** Refuses (recorded) anyone without a copy of this dissemination in force: asked before a form is read. */
export async function requireCopy(auth: Auth, disseminationId: string, attempted: string): Promise<void> {
  await requireRecipient(auth, attempted);
  await copyOf(auth, disseminationId, attempted);
}

/** The recipient's copy of a dissemination (404 if not theirs or withdrawn). */
async function copyOf(auth: Auth, disseminationId: string, attempted: string) {
  const copy = await prisma.disseminationRecipient.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "DisseminationRecipient"), { disseminationId }] },
    select: { id: true, agreementId: true, acknowledgedAt: true, dissemination: { select: { senderOrganisationId: true } } },
  });
  if (!copy) return deny(auth, { action: attempted, recordType: "Dissemination", recordId: disseminationId, reason: "RECORD_NOT_VISIBLE" });
  return copy;
}

/**
 * A received dissemination, as the recipient reads it, with the handling code and conditions and
 * the organisation's read receipt and requests. Every view is audited as a disclosure naming the
 * recipient organisation and the agreement it was received under (DPA 2018 s62).
 */
export async function inboxItem(auth: Auth, disseminationId: string) {
  await requireRecipient(auth);
  const copy = await copyOf(auth, disseminationId, "dissemination.viewed");
  const dissemination = await prisma.dissemination.findUniqueOrThrow({
    where: { id: disseminationId },
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
      decidedAt: true,
      senderOrganisation: { select: { name: true } },
      recipients: {
        where: { id: copy.id },
        select: { acknowledgedAt: true, acknowledgedById: true, agreement: { select: { reference: true, title: true } } },
      },
      requests: {
        where: accessibleWhere(auth.ability, "read", "InformationRequest"),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, question: true, status: true, response: true, createdAt: true, respondedAt: true, requesterId: true },
      },
    },
  });
  const receipt = dissemination.recipients[0]!;
  const people = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: [...(receipt.acknowledgedById ? [receipt.acknowledgedById] : []), ...dissemination.requests.map((r) => r.requesterId)] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  await audit(auth.audit, {
    action: "dissemination.viewed",
    recordType: "Dissemination",
    recordId: dissemination.id,
    recordOrganisationId: copy.dissemination.senderOrganisationId,
    agreementId: copy.agreementId,
    justification: "DISSEMINATION",
    details: { disclosure: true, recipients: [{ organisationId: auth.user.organisationId, agreementId: copy.agreementId }] },
  });
  const { recipients: _recipients, requests, ...rest } = dissemination;
  return {
    ...rest,
    agreement: receipt.agreement,
    acknowledgedAt: receipt.acknowledgedAt,
    acknowledgedBy: receipt.acknowledgedById ? (people.get(receipt.acknowledgedById) ?? null) : null,
    requests: requests.map(({ requesterId, ...r }) => ({ ...r, requester: people.get(requesterId) ?? "Unknown" })),
    canAcknowledge: receipt.acknowledgedAt === null && auth.ability.can("acknowledge", "DisseminationRecipient"),
    canRequest: auth.ability.can("request", "DisseminationRecipient"),
  };
}

/** The read receipt: who in the recipient organisation acknowledged it, and when (once per organisation). */
export async function acknowledgeDissemination(auth: Auth, disseminationId: string, form: { formToken: string }): Promise<void> {
  await requireRecipient(auth, "dissemination.acknowledged");
  const found = await prisma.$transaction(async (tx) => {
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, `/inbox/${disseminationId}?done=acknowledged`);
    if (!claim.firstUse) throw new FormAlreadySent(claim.location);
    const copy = await tx.disseminationRecipient.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "acknowledge", "DisseminationRecipient"), { disseminationId }] },
      select: { id: true, agreementId: true, dissemination: { select: { senderOrganisationId: true } } },
    });
    if (!copy) return false;
    const updated = await tx.disseminationRecipient.updateMany({
      where: { id: copy.id, acknowledgedAt: null },
      data: { acknowledgedAt: clock.now(), acknowledgedById: auth.user.id },
    });
    // Already acknowledged by a colleague: the first receipt stands.
    if (updated.count !== 1) return true;
    await recordAuditEvent(tx, auth.audit, {
      action: "dissemination.acknowledged",
      recordType: "Dissemination",
      recordId: disseminationId,
      recordOrganisationId: copy.dissemination.senderOrganisationId,
      agreementId: copy.agreementId,
      justification: "DISSEMINATION",
      details: { recipientOrganisationId: auth.user.organisationId },
    });
    return true;
  });
  // Not theirs, or withdrawn meanwhile: answered like a page that is not there.
  if (!found) await deny(auth, { action: "dissemination.acknowledged", recordType: "Dissemination", recordId: disseminationId, reason: "RECORD_NOT_VISIBLE" });
}

/** "Signpost and request": the recipient asks the police owner for more. */
export async function requestMoreInformation(auth: Auth, disseminationId: string, form: { formToken: string; question: string }): Promise<void> {
  await requireRecipient(auth, "dissemination.information_requested");
  const created = await prisma.$transaction(async (tx) => {
    const claim = await claimFormToken(tx, form.formToken, auth.user.id, `/inbox/${disseminationId}?done=requested`);
    if (!claim.firstUse) throw new FormAlreadySent(claim.location);
    const copy = await tx.disseminationRecipient.findFirst({
      where: { AND: [accessibleWhere(auth.ability, "request", "DisseminationRecipient"), { disseminationId }] },
      select: { id: true, agreementId: true, dissemination: { select: { senderOrganisationId: true } } },
    });
    if (!copy) return false;
    const request = await tx.informationRequest.create({
      data: {
        disseminationId,
        requesterOrganisationId: auth.user.organisationId,
        requesterId: auth.user.id,
        question: form.question,
        createdAt: clock.now(),
      },
      select: { id: true },
    });
    await recordAuditEvent(tx, auth.audit, {
      action: "dissemination.information_requested",
      recordType: "Dissemination",
      recordId: disseminationId,
      recordOrganisationId: copy.dissemination.senderOrganisationId,
      agreementId: copy.agreementId,
      justification: "DISSEMINATION",
      details: { requestId: request.id, requesterOrganisationId: auth.user.organisationId },
    });
    return true;
  });
  if (!created) await deny(auth, { action: "dissemination.information_requested", recordType: "Dissemination", recordId: disseminationId, reason: "RECORD_NOT_VISIBLE" });
}

import type { PrismaClient } from "~/generated/prisma/client";
import { recordAuditEvent, type AuditContext } from "~/modules/audit/audit.server";

/**
 * A little demo history for the DPO screens: sign-ins, analysts consulting submissions under their
 * agreements (once the intelligence seed has created some), partners reading their agreements and
 * a few denied attempts. Written through recordAuditEvent like every other event, so the demo's
 * audit trail verifies. Runs last, and once (it looks for its own user agent).
 */
const DEMO_USER_AGENT = "Demo seed (Mozilla/5.0)";
const DEMO_ADDRESS = "192.0.2.10";

export async function seedAuditTrail(prisma: PrismaClient): Promise<void> {
  if ((await prisma.auditEvent.count({ where: { userAgent: DEMO_USER_AGENT } })) > 0) return;
  const users = await prisma.user.findMany({ select: { id: true, email: true, organisationId: true, roles: true } });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const as = (email: string): AuditContext | null => {
    const user = byEmail.get(email);
    return user
      ? { actor: { userId: user.id, email: user.email, organisationId: user.organisationId, roles: user.roles }, ipAddress: DEMO_ADDRESS, userAgent: DEMO_USER_AGENT }
      : null;
  };
  const log = async (email: string, input: Parameters<typeof recordAuditEvent>[2]) => {
    const context = as(email);
    if (context) await recordAuditEvent(prisma, context, input);
  };

  for (const email of ["alex.analyst@westmercia.police.example", "sam.supervisor@westmercia.police.example", "mark.manager@telford.gov.example"]) {
    const user = byEmail.get(email);
    if (user) await log(email, { action: "auth.sign_in", recordType: "User", recordId: user.id });
  }

  const agreements = await prisma.agreement.findMany({ orderBy: { reference: "asc" }, select: { id: true, reference: true } });
  for (const agreement of agreements.filter((a) => a.reference.startsWith("ISA-WM-TW") || a.reference.startsWith("ISA-WM-SH"))) {
    await log("mark.manager@telford.gov.example", { action: "agreement.viewed", recordType: "Agreement", recordId: agreement.id, agreementId: agreement.id });
    await log("sam.supervisor@westmercia.police.example", { action: "agreement.viewed", recordType: "Agreement", recordId: agreement.id, agreementId: agreement.id });
  }

  // Analysts consult submitted intelligence under the agreement it was shared under.
  const submissions = await prisma.submission.findMany({
    where: { submittedAt: { not: null }, agreementId: { not: null } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 8,
    select: { id: true, agreementId: true },
  });
  for (const [index, submission] of submissions.entries()) {
    await log("alex.analyst@westmercia.police.example", {
      action: "submission.viewed",
      recordType: "Submission",
      recordId: submission.id,
      agreementId: submission.agreementId,
      justification: "TRIAGE",
    });
    if (index % 3 === 0) {
      await log("rory.analyst@rocu.police.example", {
        action: "submission.viewed",
        recordType: "Submission",
        recordId: submission.id,
        agreementId: submission.agreementId,
        justification: "OTHER",
        justificationNote: "Regional county lines profile (Op Demo)",
      });
    }
  }

  // Someone trying doors: a partner submitter opening the audit trail, three times.
  for (let i = 0; i < 3; i++) {
    await log("priya.submitter@telford.gov.example", {
      action: "access.denied",
      outcome: "DENIED",
      details: { path: "/audit/events", method: "GET", needed: "read AuditTrail" },
    });
  }
}

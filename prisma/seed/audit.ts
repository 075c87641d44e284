import type { PrismaClient } from "~/generated/prisma/client";
import { audit } from "~/modules/audit/audit.server";
import { recordDenial } from "~/modules/authorization/deny.server";
import { submissionForTriage } from "~/modules/intelligence/triage.server";
import { createUserAccount } from "~/modules/users/users.server";
import { decideRoleGrant } from "~/modules/users/role-grants.server";
import { clock } from "~/utils/clock";
import { demoAgreement } from "./agreements";
import { asAt, daysBefore } from "./people";

/**
 * Things for the data protection officer to find, each done by the service the page calls, as its
 * person, at its time: partners reading their agreements, a late-night run of record views, a
 * partner trying the audit trail three times, and a privilege change (an administrator asks for
 * an analyst role for a new starter; a supervisor approves it). Runs once: the new starter's
 * account is its mark.
 */
export const NEW_STARTER_EMAIL = "chris.nolan@westmercia.police.example";

export async function seedAuditTrail(prisma: PrismaClient, seededAt = clock.now()): Promise<void> {
  if (await prisma.user.findUnique({ where: { email: NEW_STARTER_EMAIL }, select: { id: true } })) return;

  for (const [key, reader, daysAgo] of [
    ["telford", "mark.manager@telford.gov.example", 21],
    ["shropshire", "owen.manager@shropshire.gov.example", 16],
    ["telford", "sam.supervisor@westmercia.police.example", 9],
  ] as const) {
    const agreement = await demoAgreement(prisma, key);
    await asAt(daysBefore(seededAt, daysAgo, 11, 20), reader, (actor) =>
      audit(actor.audit, { action: "agreement.viewed", recordType: "Agreement", recordId: agreement.id, agreementId: agreement.id }),
    );
  }

  // Out of hours: an analyst opening Telford intelligence after two in the morning.
  const telford = await prisma.submission.findMany({
    where: { organisation: { name: "Telford & Wrekin Council" }, status: { not: "DRAFT" }, agreement: { title: { startsWith: "Telford" } } },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    take: 3,
    select: { id: true },
  });
  for (const [i, submission] of telford.entries()) {
    await asAt(daysBefore(seededAt, 12, 2, 10 + i * 7), "alex.analyst@westmercia.police.example", (actor) => submissionForTriage(actor, submission.id));
  }

  // Someone trying doors: a partner submitter opening the audit trail, three times.
  for (let i = 0; i < 3; i++) {
    await asAt(daysBefore(seededAt, 3, 14, 5 + i), "priya.submitter@telford.gov.example", (actor) =>
      recordDenial(actor, {
        action: "read AuditTrail",
        reason: "ACTION_NOT_PERMITTED",
        status: 403,
        request: new Request("http://portal.invalid/audit/events"),
      }),
    );
  }

  // A privilege change: the new analyst's role waits for a second person (four eyes).
  const police = await prisma.organisation.findUniqueOrThrow({ where: { name: "West Mercia Police" }, select: { id: true } });
  await asAt(daysBefore(seededAt, 7, 9, 30), "ada.admin@westmercia.police.example", (actor) =>
    createUserAccount(actor, {
      email: NEW_STARTER_EMAIL,
      name: "Chris Nolan",
      organisationId: police.id,
      roles: ["POLICE_ANALYST"],
      isAgreementSignatory: false,
    }),
  );
  const request = await prisma.roleGrantRequest.findFirstOrThrow({ where: { user: { email: NEW_STARTER_EMAIL } }, select: { id: true } });
  await asAt(daysBefore(seededAt, 6, 10, 15), "sam.supervisor@westmercia.police.example", (actor) =>
    decideRoleGrant(actor, request.id, { decision: "approve" }),
  );
}

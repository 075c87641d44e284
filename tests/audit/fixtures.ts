import { randomUUID } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { audit } from "~/modules/audit/audit.server";
import { recordDenial } from "~/modules/authorization/deny.server";
import { prisma } from "~/utils/db.server";
import { createOrganisation, createUser } from "../helpers/factories";
import { contextFor } from "./helpers";

const DAY = 86_400_000;

/**
 * A small world: West Mercia-like police, a council that shares with it under an agreement, and a
 * council that is party to nothing. A submission from the partner council names a person, a phone
 * and a vehicle; a police analyst has viewed it.
 */
export async function createAuditWorld() {
  const suffix = randomUUID().slice(0, 6);
  const police = await createOrganisation({ name: `Police ${suffix}`, type: "POLICE_FORCE" });
  const partner = await createOrganisation({ name: `Partner Council ${suffix}`, type: "LOCAL_AUTHORITY" });
  const outsider = await createOrganisation({ name: `Outsider Council ${suffix}`, type: "LOCAL_AUTHORITY" });
  const user = (organisationId: string, roles: Role[]) => createUser({ organisationId, roles });
  const people = {
    policeDpo: await user(police.id, ["DATA_PROTECTION_OFFICER"]),
    analyst: await user(police.id, ["POLICE_ANALYST"]),
    supervisor: await user(police.id, ["INTELLIGENCE_SUPERVISOR"]),
    admin: await user(police.id, ["SYSTEM_ADMINISTRATOR"]),
    partnerDpo: await user(partner.id, ["DATA_PROTECTION_OFFICER"]),
    submitter: await user(partner.id, ["PARTNER_SUBMITTER"]),
    manager: await user(partner.id, ["PARTNER_MANAGER"]),
    outsiderDpo: await user(outsider.id, ["DATA_PROTECTION_OFFICER"]),
    outsiderSubmitter: await user(outsider.id, ["PARTNER_SUBMITTER"]),
  };
  const now = Date.now();
  const agreement = await prisma.agreement.create({
    data: {
      reference: `ISA-TEST-${suffix}`.toUpperCase(),
      title: "Test sharing agreement",
      status: "ACTIVE",
      startDate: new Date(now - 400 * DAY),
      endDate: new Date(now + 400 * DAY),
      reviewDate: new Date(now + 100 * DAY),
      retentionMonths: 12,
      parties: {
        create: [
          { organisationId: police.id, role: "CONTROLLER", leadName: "Police lead", leadEmail: "lead@police.example" },
          { organisationId: partner.id, role: "JOINT_CONTROLLER", leadName: "Council lead", leadEmail: "lead@council.example" },
        ],
      },
    },
  });
  const submission = await prisma.submission.create({
    data: {
      reference: `INT-T-${suffix}`.toUpperCase(),
      status: "RECEIVED",
      organisationId: partner.id,
      submitterId: people.submitter.id,
      agreementId: agreement.id,
      threatType: "COUNTY_LINES",
      narrative: "A named person is running a line from a flat.",
      locationDescription: "Flat 3, Example Court",
      postcode: "TF1 2AB",
      handlingConditions: "Do not disclose to the tenant",
      analystNotes: "Police-only note",
      submittedAt: new Date(now - 500 * DAY),
      reviewDueAt: new Date(now + 200 * DAY),
      entities: {
        create: [
          { kind: "PERSON", displayValue: "Jordan Example", normalisedValue: "JORDAN EXAMPLE" },
          { kind: "PHONE", displayValue: "07700 900123", normalisedValue: "+447700900123" },
          { kind: "VEHICLE", displayValue: "ab12 cde", normalisedValue: "AB12CDE" },
        ],
      },
      sanitisedReports: { create: { text: "Sanitised: activity at a flat in Telford.", authorId: people.analyst.id, status: "APPROVED" } },
      feedback: { create: { authorId: people.analyst.id, message: "Thank you: we visited Jordan." } },
    },
  });
  // The analyst consulted it under the agreement; an outsider was refused it.
  await audit(contextFor(people.analyst), {
    action: "submission.viewed",
    recordType: "Submission",
    recordId: submission.id,
    agreementId: agreement.id,
    justification: "TRIAGE",
  });
  await recordDenial(
    { audit: contextFor(people.outsiderSubmitter) },
    { action: "submission.viewed", recordType: "Submission", recordId: submission.id, reason: "RECORD_NOT_VISIBLE" },
  );
  // An event that concerns only the outsider council.
  await audit(contextFor(people.outsiderSubmitter), { action: "record.listed", recordType: "Submission", details: { count: 0 } });
  return { police, partner, outsider, people, agreement, submission };
}

export type AuditWorld = Awaited<ReturnType<typeof createAuditWorld>>;

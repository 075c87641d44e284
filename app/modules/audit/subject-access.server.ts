import { z } from "zod";
import type { EntityKind, Prisma } from "~/generated/prisma/client";
import type { AppAbility } from "~/modules/authorization/ability.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { nicknameKey, normaliseIdentifier } from "~/modules/intelligence/normalise";
import { prisma } from "~/utils/db.server";
import { recordAuditEvent, type AuditContext } from "./audit.server";
import type { JustificationValue } from "./justification";
import { auditScopeWhere, type AuditScope } from "./scope.server";
import { SUBJECT_FIELDS, SUBJECT_RESULTS_MAX } from "./subject-fields";

export { SUBJECT_FIELDS, SUBJECT_RESULTS_MAX } from "./subject-fields";

/**
 * Subject access support: every submission the DPO oversees that names a person, found by the
 * normalised identifiers partners recorded (SubmissionEntity.kind + normalisedValue, indexed), and
 * who consulted or received each one. The search itself is recorded with its justification, the
 * kinds of identifier used and the submissions found, but never the identifiers typed.
 */

type SubjectFieldName = (typeof SUBJECT_FIELDS)[number]["name"];

const field = z.string().trim().max(200, "Must be 200 characters or fewer").optional().default("");

export const subjectSearchSchema = z
  .object(Object.fromEntries(SUBJECT_FIELDS.map((f) => [f.name, field])) as Record<SubjectFieldName, typeof field>)
  .superRefine((values, ctx) => {
    if (SUBJECT_FIELDS.every((f) => values[f.name].length === 0)) {
      ctx.addIssue({ code: "custom", path: ["name"], message: "Enter at least one thing that identifies the person" });
      return;
    }
    for (const f of SUBJECT_FIELDS) {
      const value = values[f.name];
      if (value.length > 0 && identifierKey(f.name, value) === null) {
        ctx.addIssue({ code: "custom", path: [f.name], message: `Enter a valid ${f.label.toLowerCase()}` });
      }
    }
  });

export type SubjectSearch = z.infer<typeof subjectSearchSchema>;

function identifierKey(name: SubjectFieldName, value: string): { kind: EntityKind; normalisedValue: string } | null {
  const spec = SUBJECT_FIELDS.find((f) => f.name === name)!;
  const key = name === "nickname" ? nicknameKey(value) : normaliseIdentifier(spec.kind, value);
  return key ? { kind: spec.kind, normalisedValue: key } : null;
}

export function subjectKeys(search: SubjectSearch) {
  return SUBJECT_FIELDS.flatMap((f) => {
    const value = search[f.name];
    const key = value ? identifierKey(f.name, value) : null;
    return key ? [key] : [];
  });
}


export async function subjectAccessSearch(
  ability: AppAbility,
  scope: AuditScope,
  search: SubjectSearch,
  justification: JustificationValue,
  context: AuditContext,
) {
  const keys = subjectKeys(search);
  const submissions = await prisma.submission.findMany({
    where: { AND: [accessibleWhere(ability, "oversee", "Submission"), { entities: { some: { OR: keys } } }] },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    take: SUBJECT_RESULTS_MAX,
    select: {
      id: true,
      reference: true,
      status: true,
      submittedAt: true,
      disposedAt: true,
      organisation: { select: { name: true } },
      agreement: { select: { reference: true } },
      entities: { where: { OR: keys }, select: { kind: true, displayValue: true } },
      sanitisedReports: { select: { id: true } },
    },
  });

  const submissionIds = submissions.map((s) => s.id);
  const sanitisedIds = submissions.flatMap((s) => s.sanitisedReports.map((r) => r.id));
  const recordsWhere: Prisma.AuditEventWhereInput[] = [];
  if (submissionIds.length) recordsWhere.push({ recordType: "Submission", recordId: { in: submissionIds } });
  if (sanitisedIds.length) recordsWhere.push({ recordType: "SanitisedReport", recordId: { in: sanitisedIds } });
  const access = recordsWhere.length
    ? await prisma.auditEvent.groupBy({
        by: ["recordType", "recordId", "actorEmail", "actorOrganisationId", "action", "agreementId"],
        where: { AND: [auditScopeWhere(scope), { OR: recordsWhere }, { outcome: "ALLOWED" }] },
        _count: { _all: true },
        _max: { occurredAt: true },
        orderBy: [{ _max: { occurredAt: "desc" } }],
        take: 2000,
      })
    : [];
  const submissionOfSanitised = new Map(submissions.flatMap((s) => s.sanitisedReports.map((r) => [r.id, s.id] as const)));

  await recordAuditEvent(prisma, context, {
    action: "audit.subject_access_search",
    justification: justification.justification ?? "SUBJECT_ACCESS_REQUEST",
    justificationNote: justification.justificationNote,
    details: {
      identifierKinds: keys.map((k) => k.kind),
      rowCount: submissions.length,
      submissionIds,
    },
  });

  return submissions.map((s) => ({
    id: s.id,
    reference: s.reference,
    status: s.status,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    disposedAt: s.disposedAt?.toISOString() ?? null,
    organisationName: s.organisation.name,
    agreementReference: s.agreement?.reference ?? null,
    matched: s.entities,
    access: access
      .filter((a) => (a.recordType === "Submission" ? a.recordId === s.id : submissionOfSanitised.get(a.recordId ?? "") === s.id))
      .map((a) => ({
        recordType: a.recordType,
        actorEmail: a.actorEmail,
        actorOrganisationId: a.actorOrganisationId,
        action: a.action,
        agreementId: a.agreementId,
        count: a._count._all,
        last: a._max.occurredAt?.toISOString() ?? null,
      })),
  }));
}

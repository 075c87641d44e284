import { audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { partnerThreatShareSelect } from "~/modules/authorization/fields";
import { EXPORT_ROW_LIMIT, renderExport, withinExportLimit, type ExportRequest, type RenderedExport } from "~/modules/exports/document.server";
import type { Auth } from "~/modules/intelligence/access.server";
import { clock } from "~/utils/clock";
import { formatDate, formatDateTime } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { isOverdue } from "./dates";
import { ACTION_STATUS_LABELS, STRAND_LABELS } from "./labels";

const COLUMNS = [
  { key: "reference", label: "Reference" },
  { key: "strand", label: "Strand" },
  { key: "title", label: "Title" },
  { key: "description", label: "Description" },
  { key: "owner", label: "Owner" },
  { key: "dueDate", label: "Due" },
  { key: "status", label: "Status" },
  { key: "overdue", label: "Overdue" },
  { key: "result", label: "Result" },
  { key: "completedAt", label: "Completed" },
] as const;

/**
 * A threat's 4P plan actions as CSV or JSON: the police planners get every action, a partner only
 * the actions its organisation owns (the export rule in rules/plans.ts), under the partner-safe
 * share of the threat. The export carries the threat's classification and is audited with what it held.
 */
export async function exportThreatPlan(auth: Auth, threatId: string, { format, beforeExport }: ExportRequest): Promise<RenderedExport> {
  if (!auth.ability.can("export", "PlanAction")) {
    return deny(auth, { action: "plan_actions.exported", recordType: "Threat", recordId: threatId, reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  const threat = await prisma.threat.findFirst({
    where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id: threatId }] },
    // The share is all the export names of the threat; its classification only marks the copy.
    select: { ...partnerThreatShareSelect, classification: true, organisationId: true },
  });
  if (!threat) return deny(auth, { action: "plan_actions.exported", recordType: "Threat", recordId: threatId, reason: "RECORD_NOT_VISIBLE" });
  beforeExport();
  const now = clock.now();
  const read = await prisma.planAction.findMany({
    take: EXPORT_ROW_LIMIT + 1,
    where: { AND: [accessibleWhere(auth.ability, "export", "PlanAction"), { threatId }] },
    orderBy: [{ dueDate: "asc" }, { reference: "asc" }],
    select: {
      reference: true,
      strand: true,
      title: true,
      description: true,
      dueDate: true,
      status: true,
      result: true,
      completedAt: true,
      ownerOrganisation: { select: { name: true } },
    },
  });
  const { rows: actions, truncated } = withinExportLimit(read);
  const rendered = renderExport(
    {
      title: `Plan actions ${threat.reference}`,
      classifications: [threat.classification],
      exportedAt: now,
      exportedBy: auth.user.name,
      filters: { Threat: `${threat.reference}: ${threat.title}` },
      columns: COLUMNS,
      truncated,
      rows: actions.map((a) => ({
        reference: a.reference,
        strand: STRAND_LABELS[a.strand],
        title: a.title,
        description: a.description,
        owner: a.ownerOrganisation.name,
        dueDate: formatDate(a.dueDate),
        status: ACTION_STATUS_LABELS[a.status],
        overdue: isOverdue(a, now) ? "Yes" : "No",
        result: a.result,
        completedAt: a.completedAt ? formatDateTime(a.completedAt) : null,
      })),
    },
    format,
  );
  await audit(auth.audit, {
    action: "plan_actions.exported",
    recordType: "Threat",
    recordId: threat.id,
    recordOrganisationId: threat.organisationId,
    details: {
      format,
      truncated,
      rowCount: actions.length,
      references: actions.map((a) => a.reference),
      filters: { threat: threat.reference },
      classification: rendered.classification,
    },
  });
  return rendered;
}

import { audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { EXPORT_ROW_LIMIT, renderExport, withinExportLimit, type ExportRequest, type RenderedExport } from "~/modules/exports/document.server";
import { CLASSIFICATION_LABELS, THREAT_TYPE_LABELS } from "~/modules/intelligence/labels";
import { clock } from "~/utils/clock";
import { prisma } from "~/utils/db.server";
import { THREAT_KIND_LABELS, THREAT_PRIORITY_LABELS, THREAT_STATUS_LABELS } from "./labels";
import { threatFiltersWhere, type Auth, type ThreatFilters } from "./threats.server";

const COLUMNS = [
  { key: "reference", label: "Reference" },
  { key: "title", label: "Title" },
  { key: "kind", label: "Kind" },
  { key: "threatType", label: "Threat type" },
  { key: "areas", label: "Areas" },
  { key: "status", label: "Status" },
  { key: "priority", label: "Priority" },
  { key: "priorityScore", label: "Priority score" },
  { key: "leadAnalyst", label: "Lead analyst" },
  { key: "classification", label: "Classification" },
] as const;

/**
 * The threat list, with the list page's filters, as CSV or JSON: every threat the user may export
 * (not only one page), by reference. The export is audited with what it held.
 */
export async function exportThreats(auth: Auth, filters: ThreatFilters, { format, beforeExport }: ExportRequest): Promise<RenderedExport> {
  if (!auth.ability.can("export", "Threat")) {
    return deny(auth, { action: "threat_list.exported", recordType: "Threat", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  beforeExport();
  const read = await prisma.threat.findMany({
    take: EXPORT_ROW_LIMIT + 1,
    where: { AND: [accessibleWhere(auth.ability, "export", "Threat"), threatFiltersWhere(filters)] },
    orderBy: { reference: "asc" },
    select: {
      reference: true,
      title: true,
      kind: true,
      threatType: true,
      status: true,
      priority: true,
      priorityScore: true,
      classification: true,
      leadAnalyst: { select: { name: true } },
      areas: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  const { rows: threats, truncated } = withinExportLimit(read);
  const rendered = renderExport(
    {
      title: "Threats",
      classifications: threats.map((t) => t.classification),
      exportedAt: clock.now(),
      exportedBy: auth.user.name,
      filters: {
        ...(filters.status ? { Status: THREAT_STATUS_LABELS[filters.status] } : {}),
        ...(filters.priority ? { Priority: THREAT_PRIORITY_LABELS[filters.priority] } : {}),
        ...(filters.kind ? { Kind: THREAT_KIND_LABELS[filters.kind] } : {}),
      },
      columns: COLUMNS,
      truncated,
      rows: threats.map((t) => ({
        reference: t.reference,
        title: t.title,
        kind: THREAT_KIND_LABELS[t.kind],
        threatType: THREAT_TYPE_LABELS[t.threatType],
        areas: t.areas.map((a) => a.name).join("; "),
        status: THREAT_STATUS_LABELS[t.status],
        priority: t.priority ? THREAT_PRIORITY_LABELS[t.priority] : null,
        priorityScore: t.priorityScore,
        leadAnalyst: t.leadAnalyst?.name ?? null,
        classification: CLASSIFICATION_LABELS[t.classification],
      })),
    },
    format,
  );
  await audit(auth.audit, {
    action: "threat_list.exported",
    recordType: "Threat",
    details: {
      format,
      truncated,
      rowCount: threats.length,
      references: threats.map((t) => t.reference),
      filters: { status: filters.status ?? null, priority: filters.priority ?? null, kind: filters.kind ?? null },
      classification: rendered.classification,
    },
  });
  return rendered;
}

import { audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { deny } from "~/modules/authorization/deny.server";
import { EXPORT_ROW_LIMIT, renderExport, withinExportLimit, type ExportRequest, type RenderedExport } from "~/modules/exports/document.server";
import type { Auth } from "~/modules/intelligence/access.server";
import type { OutcomeListFilters } from "~/modules/plans/forms.server";
import { OUTCOME_KIND_LABELS } from "~/modules/plans/labels";
import { formatPence } from "~/modules/plans/money";
import { clock } from "~/utils/clock";
import { formatDate } from "~/utils/dates";
import { prisma } from "~/utils/db.server";
import { outcomesWhere } from "./outcomes.server";

const COLUMNS = [
  { key: "reference", label: "Reference" },
  { key: "kind", label: "Outcome" },
  { key: "occurredOn", label: "Date" },
  { key: "area", label: "Area" },
  { key: "quantity", label: "Number" },
  { key: "value", label: "Value" },
  { key: "drugType", label: "Drug type" },
  { key: "drugQuantityGrams", label: "Drug quantity (grams)" },
  { key: "sentenceMonths", label: "Sentence (months)" },
  { key: "description", label: "Description" },
  { key: "threat", label: "Threat" },
  { key: "action", label: "Action" },
  { key: "areaPlan", label: "Area plan" },
] as const;

/**
 * Outcomes with the list page's filters (area, kind, period), as CSV or JSON: every outcome the
 * user may export, by reference. An outcome recorded against a threat (directly or through one of
 * its actions) carries the threat's classification; the export carries the highest.
 */
export async function exportOutcomes(auth: Auth, filters: Pick<OutcomeListFilters, "areaId" | "kind" | "from" | "to">, { format, beforeExport }: ExportRequest): Promise<RenderedExport> {
  if (!auth.ability.can("export", "Outcome")) {
    return deny(auth, { action: "outcomes.exported", recordType: "Outcome", reason: "ACTION_NOT_PERMITTED", status: 403 });
  }
  beforeExport();
  const read = await prisma.outcome.findMany({
    take: EXPORT_ROW_LIMIT + 1,
    where: { AND: [accessibleWhere(auth.ability, "export", "Outcome"), outcomesWhere(auth, filters)] },
    orderBy: { reference: "asc" },
    select: {
      reference: true,
      kind: true,
      occurredOn: true,
      quantity: true,
      valuePence: true,
      drugType: true,
      drugQuantityGrams: true,
      sentenceMonths: true,
      description: true,
      area: { select: { name: true } },
      threat: { select: { reference: true, classification: true } },
      action: { select: { reference: true, threat: { select: { classification: true } } } },
      areaPlan: { select: { reference: true } },
    },
  });
  const { rows: outcomes, truncated } = withinExportLimit(read);
  const area = filters.areaId ? await prisma.area.findUnique({ where: { id: filters.areaId }, select: { name: true } }) : null;
  const rendered = renderExport(
    {
      title: "Outcomes",
      classifications: outcomes.flatMap((o) => [o.threat?.classification, o.action?.threat?.classification].filter((c) => c !== undefined)),
      exportedAt: clock.now(),
      exportedBy: auth.user.name,
      filters: {
        ...(filters.areaId ? { Area: area?.name ?? filters.areaId } : {}),
        ...(filters.kind ? { Kind: OUTCOME_KIND_LABELS[filters.kind] } : {}),
        ...(filters.from ? { From: formatDate(filters.from) } : {}),
        ...(filters.to ? { To: formatDate(filters.to) } : {}),
      },
      columns: COLUMNS,
      truncated,
      rows: outcomes.map((o) => ({
        reference: o.reference,
        kind: OUTCOME_KIND_LABELS[o.kind],
        occurredOn: formatDate(o.occurredOn),
        area: o.area.name,
        quantity: o.quantity,
        value: o.valuePence === null ? null : formatPence(o.valuePence),
        drugType: o.drugType,
        drugQuantityGrams: o.drugQuantityGrams,
        sentenceMonths: o.sentenceMonths,
        description: o.description,
        threat: o.threat?.reference ?? null,
        action: o.action?.reference ?? null,
        areaPlan: o.areaPlan?.reference ?? null,
      })),
    },
    format,
  );
  await audit(auth.audit, {
    action: "outcomes.exported",
    recordType: "Outcome",
    details: {
      format,
      truncated,
      rowCount: outcomes.length,
      references: outcomes.map((o) => o.reference),
      filters: { areaId: filters.areaId ?? null, kind: filters.kind ?? null, from: filters.from ?? null, to: filters.to ?? null },
      classification: rendered.classification,
    },
  });
  return rendered;
}

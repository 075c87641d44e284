import type { Classification } from "~/generated/prisma/enums";
import { HANDLING_CONDITIONS, highestClassification } from "~/modules/authorization/classification";
import { CLASSIFICATION_LABELS } from "~/modules/intelligence/labels";
import { toCsv } from "~/utils/csv";
import { formatDateTime } from "~/utils/dates";

/**
 * One shape for the list exports (threats, plan actions, outcomes), in CSV or JSON. The
 * classification (the highest of what the export holds) and its handling conditions come FIRST, in
 * a header section of the CSV and as fields of the JSON, so they travel with every copy. CSV goes
 * through app/utils/csv.ts, which neutralises formula-looking cells.
 */

export type ExportFormat = "csv" | "json";

/**
 * The most rows one export holds, so one download cannot hold a whole region's records or the
 * server's memory. Services read one more to know there are more, and the document says so.
 */
export const EXPORT_ROW_LIMIT = 10_000;

/** The rows to export (at most the limit) from a read of `EXPORT_ROW_LIMIT + 1`, and whether more matched. */
export function withinExportLimit<T>(rows: T[]): { rows: T[]; truncated: boolean } {
  return rows.length > EXPORT_ROW_LIMIT ? { rows: rows.slice(0, EXPORT_ROW_LIMIT), truncated: true } : { rows, truncated: false };
}

/** What a route asks of an export service. */
export interface ExportRequest {
  format: ExportFormat;
  /**
   * Called once the user is known to be allowed the export, before any row is read: the route
   * passes its proof-of-identity check (a redirect to "Confirm it's you"), so a refusal is answered
   * as a refusal, never with a confirmation step that leads to one.
   */
  beforeExport: () => void;
}

export type ExportCell = string | number | null;

export interface ExportColumn<K extends string> {
  key: K;
  label: string;
}

export interface ExportDocument<K extends string> {
  /** What this is, e.g. "Threats"; also the start of the file name. */
  title: string;
  /** The classification of each record exported (the export carries the highest). */
  classifications: Classification[];
  exportedAt: Date;
  exportedBy: string;
  /** The filters applied, as `label: value` (only those given). */
  filters: Record<string, string>;
  columns: readonly ExportColumn<K>[];
  rows: Record<K, ExportCell>[];
  /** More rows matched than one export holds (EXPORT_ROW_LIMIT); only the first are in it. */
  truncated: boolean;
}

export interface RenderedExport {
  body: string;
  filename: string;
  contentType: string;
  classification: Classification;
}

export function renderExport<K extends string>(doc: ExportDocument<K>, format: ExportFormat): RenderedExport {
  const classification = highestClassification(doc.classifications);
  const marking = CLASSIFICATION_LABELS[classification];
  const filename = `${doc.title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${doc.exportedAt.toISOString().slice(0, 10)}.${format}`;
  const filters = Object.entries(doc.filters).map(([label, value]) => `${label}: ${value}`).join("; ") || "None";
  if (format === "json") {
    const body = JSON.stringify(
      {
        classification: marking,
        handlingConditions: HANDLING_CONDITIONS[classification],
        title: doc.title,
        exportedAt: doc.exportedAt.toISOString(),
        exportedBy: doc.exportedBy,
        filters: doc.filters,
        count: doc.rows.length,
        truncated: doc.truncated,
        ...(doc.truncated ? { truncatedNote: truncatedNote(doc.rows.length) } : {}),
        items: doc.rows,
      },
      null,
      2,
    );
    return { body, filename, contentType: "application/json; charset=utf-8", classification };
  }
  const body = toCsv([
    ["Classification", marking],
    ["Handling conditions", HANDLING_CONDITIONS[classification]],
    ["Export", doc.title],
    ["Exported", formatDateTime(doc.exportedAt)],
    ["Exported by", doc.exportedBy],
    ["Filters", filters],
    ["Records", doc.truncated ? `${doc.rows.length} (${truncatedNote(doc.rows.length)})` : doc.rows.length],
    [],
    doc.columns.map((c) => c.label),
    ...doc.rows.map((row) => doc.columns.map((c) => row[c.key])),
  ]);
  return { body, filename, contentType: "text/csv; charset=utf-8", classification };
}

function truncatedNote(count: number): string {
  return `more matched: this export holds the first ${count.toLocaleString("en-GB")}; narrow the filters for the rest`;
}

/** The download: never cached, never sniffed into something a browser would run. */
export function exportResponse(rendered: RenderedExport): Response {
  return new Response(rendered.body, {
    headers: {
      "Content-Type": rendered.contentType,
      "Content-Disposition": `attachment; filename="${rendered.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

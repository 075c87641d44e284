import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { exportAuditCsv, readAuditFilters } from "~/modules/audit/search.server";
import { readForm } from "~/utils/forms.server";

/** CSV download of a search (POST: an export is recorded, so it is never a link a page can trigger). */
export async function loader() {
  return redirect("/audit/events");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { scope, audit } = await requireAuditAccess(request, context, { action: "export", subject: "AuditTrail" });
  const filters = readAuditFilters(await readForm(request)).result;
  if (!filters.success) return new Response("The search filters are not valid.", { status: 400 });
  const result = await exportAuditCsv(scope, filters.data, audit);
  if (!result.ok) {
    return new Response(
      `More than ${result.limit.toLocaleString("en-GB")} events match, more than an export may hold. Narrow the search (dates, person or action) and try again.`,
      { status: 413, headers: { "Content-Type": "text/plain; charset=utf-8" } },
    );
  }
  return new Response(result.body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${result.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

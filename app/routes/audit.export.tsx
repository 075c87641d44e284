import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { requireRecentAuthentication } from "~/modules/auth/reauthentication.server";
import { exportAuditCsv, readAuditFilters } from "~/modules/audit/search.server";
import { readForm } from "~/utils/forms.server";

/** CSV download of a search (POST: an export is recorded, so it is never a link a page can trigger). */
export async function loader() {
  return redirect("/audit/events");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const access = await requireAuditAccess(request, context, { action: "export", subject: "AuditTrail" });
  const { values, result: filters } = readAuditFilters(await readForm(request));
  // Stale: confirm, then back to the same search to download again (a POST cannot be replayed).
  requireRecentAuthentication(access, request, `/audit/events?${new URLSearchParams(values).toString()}`);
  const { scope, audit } = access;
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

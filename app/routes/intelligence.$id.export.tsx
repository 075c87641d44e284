import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { requireRecentAuthenticationToDownload } from "~/modules/auth/reauthentication.server";
import { exportSubmissionCsv } from "~/modules/intelligence/export.server";
import { idParam } from "~/utils/request.server";

/** A submission as a CSV download (partners: partner-safe fields; police: with their assessment). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { filename, csv } = await exportSubmissionCsv(auth, idParam(params), { beforeExport: () => requireRecentAuthenticationToDownload(auth, request) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

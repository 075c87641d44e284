import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { requireRecentAuthenticationToDownload } from "~/modules/auth/reauthentication.server";
import { exportResponse } from "~/modules/exports/document.server";
import { exportThreats } from "~/modules/threats/export.server";
import { threatListQuery } from "~/modules/threats/forms.server";
import { exportFormat } from "~/utils/input";
import { parseQuery } from "~/utils/request.server";

/** The threat list, with the list's filters, as a CSV or JSON download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { format, ...filters } = parseQuery(request, threatListQuery.extend({ format: exportFormat }));
  return exportResponse(await exportThreats(auth, { status: filters.status, priority: filters.priority, kind: filters.kind }, { format, beforeExport: () => requireRecentAuthenticationToDownload(auth, request) }));
}

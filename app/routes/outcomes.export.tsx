import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/modules/auth/auth.server";
import { requireRecentAuthenticationToDownload } from "~/modules/auth/reauthentication.server";
import { exportResponse } from "~/modules/exports/document.server";
import { exportOutcomes } from "~/modules/outcomes/export.server";
import { outcomeListQuery } from "~/modules/plans/forms.server";
import { exportFormat } from "~/utils/input";
import { parseQuery } from "~/utils/request.server";

/** Outcomes, with the list's filters, as a CSV or JSON download. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const { format, ...filters } = parseQuery(request, outcomeListQuery.extend({ format: exportFormat }));
  return exportResponse(await exportOutcomes(auth, filters, { format, beforeExport: () => requireRecentAuthenticationToDownload(auth, request) }));
}

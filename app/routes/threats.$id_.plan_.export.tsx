import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireUser } from "~/modules/auth/auth.server";
import { requireRecentAuthenticationToDownload } from "~/modules/auth/reauthentication.server";
import { exportResponse } from "~/modules/exports/document.server";
import { exportThreatPlan } from "~/modules/plans/export.server";
import { exportFormat } from "~/utils/input";
import { idParam, parseQuery } from "~/utils/request.server";

/** A threat's plan actions (a partner: only its own) as a CSV or JSON download. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const auth = await requireUser(request, context);
  const id = idParam(params);
  const { format } = parseQuery(request, z.object({ format: exportFormat }));
  return exportResponse(await exportThreatPlan(auth, id, { format, beforeExport: () => requireRecentAuthenticationToDownload(auth, request) }));
}

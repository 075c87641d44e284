import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAuditAccess } from "~/modules/audit/access.server";
import { exportCheckpoints } from "~/modules/audit/integrity.server";

/** Every signed checkpoint and the public key, as a JSON download (recorded). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { audit } = await requireAuditAccess(request, context, { action: "verify", subject: "AuditTrail" });
  const exported = await exportCheckpoints(audit);
  const stamp = exported.exportedAt.slice(0, 19).replace(/[:T]/g, "-");
  return new Response(JSON.stringify(exported, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-checkpoints-${stamp}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

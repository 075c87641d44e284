import { audit } from "~/modules/audit/audit.server";
import { accessibleWhere } from "~/modules/authorization/ability.server";
import { prisma } from "~/utils/db.server";
import { deny } from "~/modules/authorization/deny.server";
import { isPoliceUser } from "~/modules/authorization/roles";
import type { Auth } from "./access.server";
import { summariseEntities } from "./entities";
import { isUuid } from "./submissions.server";

/**
 * Threat records: enough for now (title, type, areas, lead analyst, linked intelligence and the
 * entities in it). A later issue adds MoRiLE scoring, 4P plans and outcomes.
 */
export async function listThreats(auth: Auth) {
  if (!isPoliceUser(auth) || !auth.ability.can("read", "Threat")) await deny(auth, { action: "threat.viewed", recordType: "Threat", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const threats = await prisma.threat.findMany({
    where: accessibleWhere(auth.ability, "read", "Threat"),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: {
      id: true,
      reference: true,
      title: true,
      threatType: true,
      createdAt: true,
      leadAnalyst: { select: { name: true } },
      areas: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
  // Counted through the access rule (records the user cannot see are not even counted), for this
  // page's threats only: a `_count` in the select would group every linked submission in the table.
  const counts = threats.length
    ? await prisma.submission.groupBy({
        by: ["threatId"],
        where: { AND: [accessibleWhere(auth.ability, "read", "Submission"), { threatId: { in: threats.map((t) => t.id) } }] },
        _count: { _all: true },
      })
    : [];
  const linked = new Map(counts.map((c) => [c.threatId, c._count._all]));
  await audit(auth.audit, { action: "record.listed", recordType: "Threat", details: { count: threats.length } });
  return threats.map((t) => ({ ...t, linkedSubmissions: linked.get(t.id) ?? 0 }));
}

export async function threatDetail(auth: Auth, id: string) {
  if (!isPoliceUser(auth) || !auth.ability.can("read", "Threat")) await deny(auth, { action: "threat.viewed", recordType: "Threat", reason: "ACTION_NOT_PERMITTED", status: 403 });
  const threat = isUuid(id)
    ? await prisma.threat.findFirst({
        where: { AND: [accessibleWhere(auth.ability, "read", "Threat"), { id }] },
        select: {
          id: true,
          reference: true,
          title: true,
          threatType: true,
          summary: true,
          createdAt: true,
          leadAnalyst: { select: { name: true } },
          areas: { select: { name: true }, orderBy: { name: "asc" } },
          submissions: {
            where: accessibleWhere(auth.ability, "read", "Submission"),
            orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
            take: 200,
            select: {
              id: true,
              reference: true,
              status: true,
              submittedAt: true,
              handlingCode: true,
              analystHandlingCode: true,
              area: { select: { name: true } },
              entities: { select: { id: true, kind: true, displayValue: true, normalisedValue: true, details: true } },
            },
          },
        },
      })
    : null;
  if (!threat) return deny(auth, { action: "threat.viewed", recordType: "Threat", recordId: id, reason: "RECORD_NOT_VISIBLE" });
  await audit(auth.audit, {
    action: "threat.viewed",
    recordType: "Threat",
    recordId: threat.id,
    justification: "THREAT_ASSESSMENT",
    details: { linkedSubmissions: threat.submissions.map((s) => s.id) },
  });
  // Entities across the linked intelligence, one line per distinct key.
  const seen = new Set<string>();
  const entities = summariseEntities(threat.submissions.flatMap((s) => s.entities)).filter((e) => {
    const key = e.keys.map((k) => `${k.kind}:${k.normalisedValue}`).join("|");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...threat, submissions: threat.submissions.map(({ entities: _entities, ...s }) => s), entities };
}

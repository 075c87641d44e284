/**
 * The benchmark's audit trail, in ONE place: the event format is the audit module's (being
 * redesigned in parallel), so only this file needs to follow it.
 *
 * Current format (decision 0007): events carry no hashes; each has a seal (AuditSeal: its chain
 * position, the previous seal's hash and its own SHA-256 over the canonical JSON of its content
 * with that previous hash), as the sequencer would write it; every AUDIT_CHECKPOINT_EVERY events a
 * checkpoint signs the head, with its position, with the Ed25519 key at AUDIT_SIGNING_KEY_PATH. The
 * hashes come from the module's own functions, so `npm run audit:verify` accepts the result; rows
 * go in with multi-row INSERT … SELECT FROM unnest(…). Positions equal ids here (no late commits).
 */
import type { SqlClient } from "./sql";
import { checkpointMessage, GENESIS_HASH, hashAuditFields, type ChainedFields } from "~/modules/audit/chain";
import { auditSigningKey, signMessage } from "~/modules/audit/signing.server";
import type { Role } from "~/generated/prisma/enums";
import { env } from "~/utils/env.server";
import { clock } from "~/utils/clock";
import { organisationId, submissionId, submissionOrganisation, userEmail, userId, userRoles, type Plan } from "./plan";

const BATCH = 5000;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export async function generateAuditTrail(client: SqlClient, plan: Plan, onProgress: (done: number) => void): Promise<void> {
  const key = auditSigningKey();
  const every = env().AUDIT_CHECKPOINT_EVERY;
  const users = plan.organisations * plan.usersPerOrganisation;
  const end = clock.now().getTime() - 60_000;
  let prevHash = GENESIS_HASH;
  for (let lo = 1; lo <= plan.auditEvents; lo += BATCH) {
    const hi = Math.min(plan.auditEvents, lo + BATCH - 1);
    const cols: Record<string, unknown[]> = {
      id: [], occurredAt: [], action: [], outcome: [], actorUserId: [], actorEmail: [], actorOrganisationId: [], actorRoles: [],
      recordType: [], recordId: [], recordOrganisationId: [], agreementId: [], justification: [], ipAddress: [], userAgent: [],
      details: [], prevHash: [], hash: [],
    };
    const checkpoints: { eventId: number; hash: string; signature: string; createdAt: Date }[] = [];
    for (let id = lo; id <= hi; id += 1) {
      const u = (id * 7919 + 13) % users;
      const org = Math.floor(u / plan.usersPerOrganisation);
      const roles = userRoles(org, u % plan.usersPerOrganisation) as Role[];
      const police = org < 2;
      const kind = id % 10;
      const s = (id * 31) % plan.submissions;
      const viewed = kind <= 5;
      const action = viewed ? "submission.viewed" : kind <= 7 ? "submission.listed" : kind === 8 ? "submission.searched" : "auth.sign_in";
      const occurredAt = new Date(end - YEAR_MS + Math.floor((id / plan.auditEvents) * YEAR_MS));
      const fields: ChainedFields = {
        occurredAt: occurredAt.toISOString(),
        action,
        outcome: "ALLOWED",
        actorUserId: userId(u),
        actorEmail: userEmail(u),
        actorOrganisationId: organisationId(org),
        actorRoles: roles,
        recordType: kind <= 8 ? "Submission" : null,
        recordId: viewed ? submissionId(s) : null,
        recordOrganisationId: viewed ? organisationId(submissionOrganisation(plan, s)) : null,
        agreementId: null,
        justification: kind === 9 ? null : police ? "TRIAGE" : "PARTNER_FOLLOW_UP",
        justificationNote: null,
        ipAddress: `10.0.${u % 250}.${(u * 7) % 250}`,
        userAgent: "bench",
        details: viewed ? null : kind === 9 ? { method: "password+totp" } : { count: 25, page: "first" },
        prevHash,
      };
      const hash = hashAuditFields(fields);
      prevHash = hash;
      for (const [name, value] of Object.entries(fields)) {
        if (name === "justificationNote") continue;
        if (name === "actorRoles") cols.actorRoles!.push(`{${roles.join(",")}}`);
        else if (name === "details") cols.details!.push(value === null ? null : JSON.stringify(value));
        else cols[name]!.push(value);
      }
      cols.id!.push(id);
      cols.hash!.push(hash);
      if (id % every === 0) {
        const createdAt = new Date(occurredAt.getTime() + 1);
        const signature = signMessage(key, checkpointMessage({ eventId: BigInt(id), position: BigInt(id), hash, keyId: key.keyId, createdAt }));
        checkpoints.push({ eventId: id, hash, signature, createdAt });
      }
    }
    await client.query(
      `INSERT INTO "AuditEvent" (id, "occurredAt", action, outcome, "actorUserId", "actorEmail", "actorOrganisationId", "actorRoles",
         "recordType", "recordId", "recordOrganisationId", "agreementId", justification, "ipAddress", "userAgent", details)
       SELECT id, "occurredAt", action, outcome::"AuditOutcome", "actorUserId", "actorEmail", "actorOrganisationId", roles::"Role"[],
         "recordType", "recordId", "recordOrganisationId", "agreementId", justification, "ipAddress", "userAgent", details::jsonb
       FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::uuid[], $8::text[],
         $9::text[], $10::text[], $11::uuid[], $12::uuid[], $13::text[], $14::text[], $15::text[], $16::text[])
         AS t(id, "occurredAt", action, outcome, "actorUserId", "actorEmail", "actorOrganisationId", roles,
              "recordType", "recordId", "recordOrganisationId", "agreementId", justification, "ipAddress", "userAgent", details)`,
      [
        cols.id, cols.occurredAt, cols.action, cols.outcome, cols.actorUserId, cols.actorEmail, cols.actorOrganisationId, cols.actorRoles,
        cols.recordType, cols.recordId, cols.recordOrganisationId, cols.agreementId, cols.justification, cols.ipAddress, cols.userAgent,
        cols.details,
      ],
    );
    await client.query(
      `INSERT INTO "AuditSeal" ("eventId", position, "prevHash", hash)
       SELECT id, id, "prevHash", hash FROM unnest($1::bigint[], $2::text[], $3::text[]) AS t(id, "prevHash", hash)`,
      [cols.id, cols.prevHash, cols.hash],
    );
    for (const c of checkpoints) {
      await client.query(
        `INSERT INTO "AuditCheckpoint" (id, "eventId", position, hash, signature, "keyId", "createdAt") VALUES (gen_random_uuid(), $1, $1, $2, $3, $4, $5)`,
        [c.eventId, c.hash, c.signature, key.keyId, c.createdAt],
      );
    }
    onProgress(hi);
  }
  await client.query(`SELECT setval(pg_get_serial_sequence('"AuditEvent"', 'id'), $1)`, [Math.max(1, plan.auditEvents)]);
}

/**
 * npm run bench:data — generates the benchmark data set on PostgreSQL, set-based (INSERT … SELECT
 * over generate_series, in chunks for the progress bar), never a row at a time:
 * 50 organisations, 2,000 users, 200 agreements in every state, 1,000,000 submissions with
 * 3,000,000 entities, 20,000 threats and 5,000,000 audit events forming a valid, signed trail.
 * BENCH_SCALE=small is a tenth; tiny takes seconds.
 *
 * It REPLACES the schema it is pointed at, so it refuses any database whose name does not contain
 * "bench":  createdb portal_bench && DATABASE_URL=postgresql://postgres@127.0.0.1:5432/portal_bench npm run bench:data
 * Without DATABASE_URL it fills embedded PGlite in PGLITE_DATA_DIR instead (the directory is
 * replaced, so its path must contain "bench"): PGLITE_DATA_DIR=/tmp/portal-bench-pglite BENCH_SCALE=small.
 */
import { rmSync } from "node:fs";
import pg from "pg";
import { hashPassword } from "~/modules/auth/password.server";
import { closeDatabase, database } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { migrate } from "~/utils/migrate.server";
import { runScript } from "../lib/run-script";
import { generateAuditTrail } from "./audit-trail";
import { benchPlan, NICKNAME_WORDS, type Plan } from "./plan";
import { Progress } from "./progress";
import { benchDatabase, type SqlClient } from "./sql";

const TABLES_WITH_BULK = ["Submission", "SubmissionEntity", "Feedback", "AuditEvent"];

await runScript(async () => {
  const config = env();
  const target = benchDatabase();
  if (!target.name.includes("bench")) {
    throw new Error(`Refusing to replace the data in "${target.name}": use a ${target.kind === "postgres" ? "database" : "PGLITE_DATA_DIR"} whose name contains "bench".`);
  }
  const plan = benchPlan();
  const schema = target.kind === "postgres" ? config.DATABASE_SCHEMA : "public";
  const started = Date.now();
  console.log(`Generating the ${plan.scale} data set into ${target.label} ${target.name} (schema ${schema})`);

  if (target.kind === "postgres") {
    const admin = new pg.Client({ connectionString: config.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
  } else {
    rmSync(target.name, { recursive: true, force: true });
  }

  await migrate(database(), { log: () => undefined });
  const client = await target.open({ noStatementTimeout: true });
  try {
    await client.query("SET synchronous_commit = off");
    await generate(client, plan, schema);
  } finally {
    await client.close();
    await closeDatabase();
  }
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
});

async function generate(client: SqlClient, plan: Plan, schema: string) {
  const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
  const passwordHash = await hashPassword("Bench-password-not-for-use-2026");

  // Secondary indexes are dropped during the bulk load and rebuilt once at the end (much faster).
  const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = ANY($2::text[])
       AND indexdef NOT LIKE 'CREATE UNIQUE%'`,
    [schema, TABLES_WITH_BULK],
  );
  for (const index of indexes) await q(`DROP INDEX "${index.indexname}"`);

  const P = plan;
  const orgTypes = `ARRAY['LOCAL_AUTHORITY','COMMUNITY_SAFETY_PARTNERSHIP','HEALTH','FIRE_AND_RESCUE','PROBATION','HOUSING_PROVIDER','EDUCATION','VOLUNTARY_SECTOR']`;
  const progress = new Progress();

  progress.step("organisations, areas, users");
  await q(`INSERT INTO "Area" (id, code, name) SELECT md5('area'||g)::uuid, 'A'||g, 'Bench area '||g FROM generate_series(0,7) g`);
  await q(
    `INSERT INTO "Organisation" (id, name, "shortName", type, "updatedAt")
     SELECT md5('org'||g)::uuid,
            CASE g WHEN 0 THEN 'Bench Police Force' WHEN 1 THEN 'Bench Regional Organised Crime Unit' ELSE 'Bench partner '||g END,
            'ORG'||g,
            (CASE g WHEN 0 THEN 'POLICE_FORCE' WHEN 1 THEN 'REGIONAL_ORGANISED_CRIME_UNIT' ELSE (${orgTypes})[1 + g % 8] END)::"OrganisationType",
            now()
     FROM generate_series(0, $1::int - 1) g`,
    [P.organisations],
  );
  await q(`INSERT INTO "_AreaToOrganisation" ("A", "B") SELECT md5('area'||(g % 8))::uuid, md5('org'||g)::uuid FROM generate_series(2, $1::int - 1) g`, [P.organisations]);
  await q(
    `INSERT INTO "User" (id, email, name, "organisationId", roles, "isAgreementSignatory", "passwordHash", "totpSecret", "totpEnrolledAt", "updatedAt")
     SELECT md5('user'||u)::uuid, 'bench.user'||u||'@bench.example', 'Bench user '||u, md5('org'||(u / $2::int))::uuid,
            ARRAY[CASE WHEN u / $2::int < 2 THEN
                    CASE WHEN u % $2::int < 30 THEN 'POLICE_ANALYST' WHEN u % $2::int < 36 THEN 'INTELLIGENCE_SUPERVISOR'
                         WHEN u % $2::int < 38 THEN 'DATA_PROTECTION_OFFICER' ELSE 'SYSTEM_ADMINISTRATOR' END
                  ELSE
                    CASE WHEN u % $2::int < 30 THEN 'PARTNER_SUBMITTER' WHEN u % $2::int < 38 THEN 'PARTNER_MANAGER'
                         ELSE 'DATA_PROTECTION_OFFICER' END
                  END]::"Role"[],
            u % $2::int IN (30, 31), $3::text, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', now(), now()
     FROM generate_series(0, $1::int * $2::int - 1) u`,
    [P.organisations, P.usersPerOrganisation, passwordHash],
  );

  progress.step("agreements");
  // a % 10: 0-5 ACTIVE, 6 SUSPENDED, 7 EXPIRED, 8 REVOKED, 9 DRAFT or AWAITING_SIGNATURES.
  await q(
    `INSERT INTO "Agreement" (id, reference, title, status, "classificationCeiling", "dataCategories", "startDate", "endDate", "reviewDate", "retentionMonths", "updatedAt")
     SELECT md5('agr'||a)::uuid, 'ISA-BENCH-'||lpad(a::text, 4, '0'), 'Bench agreement '||a,
            (CASE WHEN a % 10 <= 5 THEN 'ACTIVE' WHEN a % 10 = 6 THEN 'SUSPENDED' WHEN a % 10 = 7 THEN 'EXPIRED'
                  WHEN a % 10 = 8 THEN 'REVOKED' WHEN a % 20 = 9 THEN 'DRAFT' ELSE 'AWAITING_SIGNATURES' END)::"AgreementStatus",
            (CASE WHEN a % 4 = 0 THEN 'OFFICIAL' ELSE 'OFFICIAL_SENSITIVE' END)::"Classification",
            enum_range(NULL::"DataCategory"),
            now() - interval '3 years',
            CASE WHEN a % 10 = 7 THEN now() - interval '1 day' ELSE now() + interval '2 years' END,
            now() + ((a % 400) - 30) * interval '1 day', 24, now()
     FROM generate_series(0, $1::int - 1) a`,
    [P.agreements],
  );
  // Parties: the force (controller) and one partner; every third agreement also the ROCU.
  await q(
    `INSERT INTO "AgreementParty" (id, "agreementId", "organisationId", role, "leadName", "leadEmail")
     SELECT md5('party'||a||'-'||o)::uuid, md5('agr'||a)::uuid, md5('org'||o)::uuid,
            (CASE WHEN o = 0 THEN 'CONTROLLER' ELSE 'JOINT_CONTROLLER' END)::"PartyRole", 'Lead '||o, 'lead'||o||'@bench.example'
     FROM generate_series(0, $1::int - 1) a
     CROSS JOIN LATERAL (VALUES (0), (2 + a % ($2::int - 2)), (CASE WHEN a % 3 = 0 THEN 1 END)) AS p(o)
     WHERE o IS NOT NULL`,
    [P.agreements, P.organisations],
  );

  progress.step("threats");
  await q(
    `INSERT INTO "Threat" (id, reference, title, "threatType", summary, "organisationId", "leadAnalystId", "createdAt", "updatedAt")
     SELECT md5('thr'||t)::uuid, 'THR-BENCH-'||lpad(t::text, 6, '0'), 'Bench threat '||t,
            (enum_range(NULL::"ThreatType"))[1 + t % 13], 'Summary '||t,
            md5('org'||(t % 2))::uuid, md5('user'||((t % 2) * $2::int + t % 30))::uuid,
            now() - (t % 1000) * interval '1 day', now()
     FROM generate_series(0, $1::int - 1) t`,
    [P.threats, P.usersPerOrganisation],
  );

  // Submissions: s = 0 is the oldest, spread over three years. s % 100: 0-1 draft, 2-11 received,
  // 12-21 being assessed, 22-51 actioned, 52-99 closed (so a fifth of the table is the open queue).
  const CHUNK = 50_000;
  const words = ["scooter", "cash", "knife", "stairwell", "flat", "school", "park", "taxi", "garage", "phone", "bike", "hoodie", "van", "shop", "alley", "station", "canal", "arcade", "takeaway", "bus"];
  const nicknames = NICKNAME_WORDS;
  for (let lo = 0; lo < P.submissions; lo += CHUNK) {
    const hi = Math.min(P.submissions, lo + CHUNK) - 1;
    progress.bar("submissions", hi + 1, P.submissions);
    await q(
      `INSERT INTO "Submission" (id, reference, status, "organisationId", "submitterId", "agreementId", "areaId", "threatType",
         narrative, "locationDescription", postcode, "observedFrom", "dataCategories", classification, "sourceEvaluation",
         "intelligenceAssessment", "handlingCode", "submittedAt", "createdAt", "updatedAt", "assignedAnalystId", "riskLevel",
         "threatId", "reviewDueAt")
       SELECT md5('sub'||s)::uuid,
              CASE WHEN s % 100 < 2 THEN NULL ELSE 'INT-BENCH-'||lpad(s::text, 7, '0') END,
              st::"SubmissionStatus",
              md5('org'||org)::uuid,
              md5('user'||(org * $3::int + s % 30))::uuid,
              md5('agr'||((org - 2) + ($2::int - 2) * ((s / ($2::int - 2)) % 4)))::uuid,
              md5('area'||(org % 8))::uuid,
              (enum_range(NULL::"ThreatType"))[1 + s % 13],
              'Young people seen with a ' || ($5::text[])[1 + s % 20] || ' and a ' || ($5::text[])[1 + (s / 20) % 20]
                || ' near the ' || ($5::text[])[1 + (s / 400) % 20] || ' most evenings. Known as '
                || ($6::text[])[1 + s % 10] || '. Marker zq' || to_hex(s) || 'x.',
              'Near the ' || ($5::text[])[1 + (s / 7) % 20],
              'TF' || (s % 9 + 1) || ' ' || (s % 9 + 1) || 'AB',
              at - interval '2 days',
              ARRAY['PERSON_IDENTIFIERS','INTELLIGENCE_NARRATIVE']::"DataCategory"[],
              (CASE WHEN s % 10 = 0 THEN 'OFFICIAL_SENSITIVE' ELSE 'OFFICIAL' END)::"Classification",
              (enum_range(NULL::"SourceEvaluation"))[1 + s % 3],
              (enum_range(NULL::"IntelligenceAssessment"))[1 + s % 5],
              'P'::"HandlingCode",
              CASE WHEN st = 'DRAFT' THEN NULL ELSE at END,
              at, at,
              CASE WHEN st IN ('DRAFT', 'RECEIVED') THEN NULL ELSE md5('user'||(s % 30))::uuid END,
              CASE WHEN st IN ('DRAFT', 'RECEIVED') THEN NULL ELSE 1 + s % 5 END,
              CASE WHEN st = 'ACTIONED' THEN md5('thr'||(s % $4::int))::uuid END,
              at + interval '2 years'
       FROM generate_series($7::int, $8::int) s
       CROSS JOIN LATERAL (SELECT 2 + s % ($2::int - 2) AS org,
              now() - interval '3 years' + (s::float8 / $1::int) * interval '3 years' + (s % 997) * interval '1 second' AS at,
              CASE WHEN s % 100 < 2 THEN 'DRAFT' WHEN s % 100 < 12 THEN 'RECEIVED' WHEN s % 100 < 22 THEN 'BEING_ASSESSED'
                   WHEN s % 100 < 52 THEN 'ACTIONED' ELSE 'CLOSED' END AS st) x`,
      [P.submissions, P.organisations, P.usersPerOrganisation, P.threats, words, nicknames, lo, hi],
    );
    // Three entities each: a phone shared by about two submissions, a vehicle, and a nickname
    // shared by submissions / nicknames records (the "common nickname" of the correlation panel).
    await q(
      `INSERT INTO "SubmissionEntity" (id, "submissionId", kind, "displayValue", "normalisedValue")
       SELECT md5('ent'||s||'-'||e)::uuid, md5('sub'||s)::uuid, k::"EntityKind", d, n
       FROM generate_series($1::int, $2::int) s
       CROSS JOIN LATERAL (VALUES
         (0, 'PHONE', '07700 ' || (100000 + (s * 7) % greatest(1000, $3::int / 2)), '+447700' || (100000 + (s * 7) % greatest(1000, $3::int / 2))),
         (1, 'VEHICLE', 'BN' || lpad((s % 100)::text, 2, '0') || ' ' || chr(65 + s % 26) || chr(65 + (s / 26) % 26) || chr(65 + (s / 676) % 26),
                        'BN' || lpad((s % 100)::text, 2, '0') || chr(65 + s % 26) || chr(65 + (s / 26) % 26) || chr(65 + (s / 676) % 26)),
         (2, 'PERSON', ($5::text[])[1 + s % 10] || ' ' || (s % $4::int), 'NICKNAME:' || ($5::text[])[1 + s % 10] || ' ' || (s % $4::int))
       ) AS v(e, k, d, n)`,
      [lo, hi, P.submissions, P.nicknames, nicknames],
    );
    // Feedback on about one submission in ten.
    await q(
      `INSERT INTO "Feedback" (id, "submissionId", "authorId", message, "createdAt")
       SELECT md5('fb'||s)::uuid, md5('sub'||s)::uuid, md5('user'||(s % 30))::uuid, 'Thank you: this was actioned.', now()
       FROM generate_series($1::int, $2::int) s WHERE s % 10 = 3 AND s % 100 >= 22`,
      [lo, hi],
    );
  }
  await q(`SELECT setval('submission_reference_seq', $1::int)`, [P.submissions]);

  progress.step("audit trail");
  await generateAuditTrail(client, plan, (done) => progress.bar("audit events", done, P.auditEvents));

  for (const [i, index] of indexes.entries()) {
    progress.bar(`rebuilding indexes (${index.indexname})`, i + 1, indexes.length);
    await q(index.indexdef);
  }
  progress.step("ANALYZE");
  await q("ANALYZE");
  progress.done();
}

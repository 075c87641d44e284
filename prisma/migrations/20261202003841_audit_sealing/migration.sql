-- Lock-free audit appends, sealed afterwards by a sequencer (docs/decisions/0012-audit-sealing.md).
-- Requests now only INSERT events; the hash chain moves to "AuditSeal", written in batches by one
-- sequencer at a time, in chain positions 1, 2, 3… The existing chain (hashes written inline, in id
-- order) becomes positions 1…n with its hashes unchanged, so old and new events verify as one trail.

-- CreateEnum
CREATE TYPE "IntegrityCheckStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- The seals: an event's place in the chain.
CREATE TABLE "AuditSeal" (
    "eventId" BIGINT NOT NULL,
    "position" BIGINT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "sealedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("eventId")
);

-- Migrate the existing chain: its id order was its chain order, and its hash formula is the seal's.
INSERT INTO "AuditSeal" ("eventId", "position", "prevHash", "hash", "sealedAt")
SELECT "id", row_number() OVER (ORDER BY "id"), "prevHash", "hash", "occurredAt" FROM "AuditEvent";

CREATE UNIQUE INDEX "AuditSeal_position_key" ON "AuditSeal"("position");
CREATE UNIQUE INDEX "AuditSeal_hash_key" ON "AuditSeal"("hash");
ALTER TABLE "AuditSeal" ADD CONSTRAINT "AuditSeal_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "AuditEvent"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Events no longer carry their hashes (DROP COLUMN fires no row trigger; the content is unchanged).
DROP INDEX "AuditEvent_hash_key";
ALTER TABLE "AuditEvent" DROP COLUMN "hash",
DROP COLUMN "prevHash",
ADD COLUMN     "requestId" TEXT,
ADD COLUMN     "writerXid" BIGINT;
-- Set separately so existing rows (all sealed above) keep NULL and the table is not rewritten.
ALTER TABLE "AuditEvent" ALTER COLUMN "writerXid" SET DEFAULT (pg_current_xact_id())::text::bigint;
CREATE INDEX "AuditEvent_writerXid_idx" ON "AuditEvent"("writerXid");

-- Checkpoints sign the chain position too; those signed before this migration have none.
ALTER TABLE "AuditCheckpoint" ADD COLUMN     "position" BIGINT;
CREATE INDEX "AuditCheckpoint_position_idx" ON "AuditCheckpoint"("position");

-- Where the sequencer resumes (an optimisation, updated every run; not part of the trail).
CREATE TABLE "AuditSequencer" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "scanFromXid" BIGINT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AuditSequencer_pkey" PRIMARY KEY ("id")
);
INSERT INTO "AuditSequencer" ("id", "scanFromXid", "updatedAt")
VALUES (1, (pg_snapshot_xmin(pg_current_snapshot()))::text::bigint, CURRENT_TIMESTAMP);

-- Background checks of the whole trail (the DPO integrity page).
CREATE TABLE "IntegrityCheck" (
    "id" UUID NOT NULL,
    "status" "IntegrityCheckStatus" NOT NULL DEFAULT 'QUEUED',
    "requestedBy" JSONB NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "heartbeatAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "eventsTotal" INTEGER NOT NULL DEFAULT 0,
    "eventsChecked" INTEGER NOT NULL DEFAULT 0,
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "IntegrityCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "IntegrityCheck_requestedAt_idx" ON "IntegrityCheck"("requestedAt");
CREATE INDEX "IntegrityCheck_status_requestedAt_idx" ON "IntegrityCheck"("status", "requestedAt");

-- Seals are append-only like the events they seal (see the audit_append_only migration).
CREATE TRIGGER "AuditSeal_append_only"
  BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();

CREATE TRIGGER "AuditSeal_no_truncate"
  BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();

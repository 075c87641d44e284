-- Query plans at regional scale (issue 12): indexes that match how each list is ordered and paged.

-- DropIndex
DROP INDEX "Submission_organisationId_status_submittedAt_idx";

-- DropIndex
DROP INDEX "Submission_status_riskLevel_submittedAt_idx";

-- DropIndex
DROP INDEX "SubmissionEntity_kind_normalisedValue_idx";

-- DropIndex
DROP INDEX "AuditEvent_actorUserId_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_actorOrganisationId_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_recordType_recordId_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_recordOrganisationId_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_agreementId_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_action_occurredAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_outcome_occurredAt_idx";

-- CreateIndex
CREATE INDEX "Submission_organisationId_submittedAt_id_idx" ON "Submission"("organisationId", "submittedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Submission_postcode_idx" ON "Submission"("postcode");

-- CreateIndex
CREATE INDEX "SubmissionEntity_kind_normalisedValue_submissionId_idx" ON "SubmissionEntity"("kind", "normalisedValue", "submissionId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorUserId_id_idx" ON "AuditEvent"("actorUserId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorEmail_id_idx" ON "AuditEvent"("actorEmail", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_actorOrganisationId_id_idx" ON "AuditEvent"("actorOrganisationId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_recordType_recordId_id_idx" ON "AuditEvent"("recordType", "recordId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_recordOrganisationId_id_idx" ON "AuditEvent"("recordOrganisationId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_agreementId_id_idx" ON "AuditEvent"("agreementId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_outcome_id_idx" ON "AuditEvent"("outcome", "id");


-- The triage queue: ORDER BY COALESCE("riskLevel", 6) DESC, "submittedAt" DESC, "id" DESC, paged
-- with a row-value keyset ((rank, submittedAt, id) < (…)) that these indexes answer as an index
-- condition (app/modules/intelligence/triage.server.ts, triageCandidates). Not yet assessed (no
-- risk) ranks 6, above critical. Prisma cannot declare expression or partial indexes, so they
-- live here only (like the searchLexemes column).
-- Open work (received or being assessed): the default queue, a small part of the table.
CREATE INDEX "Submission_triage_open_idx" ON "Submission" ((COALESCE("riskLevel", 6)), "submittedAt", "id")
  WHERE "status" IN ('RECEIVED', 'BEING_ASSESSED');
-- Everything submitted ("All" in the queue's status filter).
CREATE INDEX "Submission_triage_submitted_idx" ON "Submission" ((COALESCE("riskLevel", 6)), "submittedAt", "id")
  WHERE "status" IN ('RECEIVED', 'BEING_ASSESSED', 'ACTIONED', 'CLOSED');
-- One status.
CREATE INDEX "Submission_triage_status_idx" ON "Submission" ("status", (COALESCE("riskLevel", 6)), "submittedAt", "id");

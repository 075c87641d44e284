-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "recordOrganisationId" UUID;

-- CreateIndex
CREATE INDEX "AuditEvent_recordOrganisationId_occurredAt_idx" ON "AuditEvent"("recordOrganisationId", "occurredAt");


-- Append-only audit trail (DPA 2018 s62; ICO: users cannot alter logs; ASVS 16.4.2).
-- Triggers refuse UPDATE and DELETE row by row, and TRUNCATE by statement, on the events and on
-- their signed checkpoints. They bind every role, the owner included, unless the owner disables
-- them on purpose (ALTER TABLE ... DISABLE TRIGGER), which the hash chain and signed checkpoints
-- then reveal. On PostgreSQL the application's own role is also granted only SELECT and INSERT
-- on these tables: see docs/audit-roles.md.
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit trail is append-only: % on "%" is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();

CREATE TRIGGER "AuditCheckpoint_append_only"
  BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();

CREATE TRIGGER "AuditCheckpoint_no_truncate"
  BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();

-- Intelligence search and references (issue 4).

-- Full-text search without pg_trgm: PostgreSQL's English text search stems narrative and location
-- into lexemes, kept as a generated text[] so Prisma can filter on it (`hasEvery` → `@>`) inside
-- the same WHERE as the access rules. A GIN index answers containment, so the cost follows the
-- number of matching rows, not the table size. The expression is immutable (explicit regconfig).
ALTER TABLE "Submission" ADD COLUMN "searchLexemes" TEXT[]
  GENERATED ALWAYS AS (
    tsvector_to_array(
      to_tsvector('english'::regconfig, coalesce("narrative", '') || ' ' || coalesce("locationDescription", ''))
    )
  ) STORED;

-- CreateIndex
CREATE INDEX "Submission_searchLexemes_idx" ON "Submission" USING GIN ("searchLexemes");

-- CreateIndex: keyset paging of search results and lists, newest first.
CREATE INDEX "Submission_submittedAt_id_idx" ON "Submission"("submittedAt" DESC, "id" DESC);

-- Reference numbers (INT-2026-000123, THR-2026-0001) come from sequences: unique under
-- concurrency and across app instances, with no lock held on a counter row.
CREATE SEQUENCE "submission_reference_seq";
CREATE SEQUENCE "threat_reference_seq";

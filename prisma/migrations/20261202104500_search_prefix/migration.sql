-- Search that finds (issue 10): prefix matching ("cuck" finds "cuckooing") through an index.
-- The existing GIN index on the "searchLexemes" array answers only whole lexemes (@>). The same
-- lexemes as a tsvector answer tsquery prefix terms ('cuck':*) from a GIN index, on PostgreSQL and
-- PGlite alike; array_to_tsvector is immutable, so it can be indexed. Prisma cannot declare an
-- expression index: it lives here only (like the triage indexes in query_plans).
CREATE INDEX "Submission_searchLexemes_tsvector_idx" ON "Submission" USING GIN (array_to_tsvector("searchLexemes"));

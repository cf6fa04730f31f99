-- Full-text search over open answers for the analysis pages (English stemming). The expression
-- must match analysis/search.server.ts exactly for the planner to use this index.
CREATE INDEX IF NOT EXISTS "analysis_answers_search_idx" ON "answers"
  USING gin (to_tsvector('english'::regconfig, coalesce("text", '') || ' ' || coalesce("interpretation", '')));

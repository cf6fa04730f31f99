-- Search by question and words in one GIN index needs btree_gin for the uuid column. On Supabase
-- extensions live in the "extensions" schema; elsewhere the default schema will do.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'extensions') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gin WITH SCHEMA extensions;
  ELSE
    CREATE EXTENSION IF NOT EXISTS btree_gin;
  END IF;
END
$$;--> statement-breakpoint
DROP INDEX "analysis_answer_documents_question_idx";--> statement-breakpoint
DROP INDEX "analysis_answer_documents_search_idx";--> statement-breakpoint
CREATE INDEX "analysis_answer_documents_search_idx" ON "analysis_answer_documents" USING gin ("question_id","document");
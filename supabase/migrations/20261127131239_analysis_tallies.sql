CREATE TABLE "analysis_answer_documents" (
	"answer_id" uuid PRIMARY KEY NOT NULL,
	"question_id" uuid NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_answer_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_answer_tallies" (
	"consultation_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"choice" text NOT NULL,
	"respondent_type" text NOT NULL,
	"channel" text NOT NULL,
	"consent" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "analysis_answer_tallies_pkey" PRIMARY KEY("consultation_id","question_id","measure","choice","respondent_type","channel","consent")
);
--> statement-breakpoint
ALTER TABLE "analysis_answer_tallies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_response_tallies" (
	"consultation_id" uuid NOT NULL,
	"day" date NOT NULL,
	"respondent_type" text NOT NULL,
	"channel" text NOT NULL,
	"bsl" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "analysis_response_tallies_pkey" PRIMARY KEY("consultation_id","day","respondent_type","channel","bsl")
);
--> statement-breakpoint
ALTER TABLE "analysis_response_tallies" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "analysis_answer_documents" ADD CONSTRAINT "analysis_answer_documents_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_tallies" ADD CONSTRAINT "analysis_answer_tallies_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_tallies" ADD CONSTRAINT "analysis_answer_tallies_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_response_tallies" ADD CONSTRAINT "analysis_response_tallies_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_answer_documents_question_idx" ON "analysis_answer_documents" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "analysis_answer_documents_search_idx" ON "analysis_answer_documents" USING gin ("document");--> statement-breakpoint
-- The dashboard's counts, kept by triggers: every change to a response or an answer adds what the
-- new rows count towards and takes away what the old rows counted towards, so the tallies always
-- equal a fresh count (analysis_rebuild_tallies gives one; the tests compare the two).

-- What one submitted answer counts towards, given its response's channel.
CREATE OR REPLACE FUNCTION public.analysis_answer_measures(answer_text text, answer_choices jsonb, answer_media uuid, answer_interpretation text, response_channel text)
RETURNS TABLE (measure text, choice text) LANGUAGE sql IMMUTABLE AS $$
  SELECT 'base', '' WHERE jsonb_typeof(answer_choices) = 'array' AND answer_choices <> '[]'::jsonb
  UNION ALL
  SELECT 'choice', c FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(answer_choices) = 'array' THEN answer_choices ELSE '[]'::jsonb END) AS c
  UNION ALL
  SELECT 'answered', '' WHERE coalesce(answer_text, '') <> '' OR coalesce(answer_interpretation, '') <> ''
  UNION ALL
  SELECT 'uninterpreted', '' WHERE (answer_media IS NOT NULL OR response_channel = 'bsl')
    AND coalesce(answer_interpretation, '') = '' AND coalesce(answer_text, '') = ''
    AND (jsonb_typeof(answer_choices) <> 'array' OR answer_choices = '[]'::jsonb)
$$;
--> statement-breakpoint
-- Answers inserted, changed or deleted: their counts move if their response is submitted, and
-- their words are stemmed for search. Statement-level with transition tables, so a bulk insert
-- costs one grouped upsert.
CREATE OR REPLACE FUNCTION public.analysis_tally_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Drafts are saved often and count towards nothing: leave at once unless a changed answer
  -- belongs to a submitted response (static SQL, so its plan is kept between calls).
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_answers n JOIN public.responses r ON r.id = n.response_id WHERE r.status = 'submitted') THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM new_answers n JOIN public.responses r ON r.id = n.response_id WHERE r.status = 'submitted')
      AND NOT EXISTS (SELECT 1 FROM old_answers o JOIN public.responses r ON r.id = o.response_id WHERE r.status = 'submitted') THEN RETURN NULL; END IF;
  ELSE
    IF NOT EXISTS (SELECT 1 FROM old_answers o JOIN public.responses r ON r.id = o.response_id WHERE r.status = 'submitted') THEN RETURN NULL; END IF;
  END IF;
  EXECUTE format($sql$
    INSERT INTO public.analysis_answer_tallies AS t (consultation_id, question_id, measure, choice, respondent_type, channel, consent, n)
    SELECT r.consultation_id, a.question_id, m.measure, m.choice, coalesce(r.respondent_type::text, 'not_given'), r.channel::text,
           coalesce(r.publish_consent::text, 'not_given'), sum(a.sign)
    FROM (%s) AS a
    JOIN public.responses r ON r.id = a.response_id AND r.status = 'submitted'
    CROSS JOIN LATERAL public.analysis_answer_measures(a.text, a.choices, a.media_id, a.interpretation, r.channel::text) AS m
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(a.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (consultation_id, question_id, measure, choice, respondent_type, channel, consent) DO UPDATE SET n = t.n + excluded.n
  $sql$, concat_ws(' UNION ALL ',
    CASE WHEN TG_OP <> 'INSERT' THEN 'SELECT -1 AS sign, response_id, question_id, text, choices, media_id, interpretation FROM old_answers' END,
    CASE WHEN TG_OP <> 'DELETE' THEN 'SELECT 1 AS sign, response_id, question_id, text, choices, media_id, interpretation FROM new_answers' END));
  IF TG_OP <> 'DELETE' THEN
    -- Submitted answers only (their response's trigger adds them when it is submitted), and only
    -- when their words changed.
    EXECUTE format($sql$
      INSERT INTO public.analysis_answer_documents AS d (answer_id, question_id, document)
      SELECT n.id, n.question_id, to_tsvector('english'::regconfig, coalesce(n.text, '') || ' ' || coalesce(n.interpretation, ''))
      FROM new_answers n
      JOIN public.responses r ON r.id = n.response_id AND r.status = 'submitted'
      WHERE (coalesce(n.text, '') <> '' OR coalesce(n.interpretation, '') <> '') %s
      ON CONFLICT (answer_id) DO UPDATE SET question_id = excluded.question_id, document = excluded.document
    $sql$, CASE WHEN TG_OP = 'UPDATE' THEN 'AND NOT EXISTS (SELECT 1 FROM old_answers o WHERE o.id = n.id AND o.question_id = n.question_id
      AND o.text IS NOT DISTINCT FROM n.text AND o.interpretation IS NOT DISTINCT FROM n.interpretation)' ELSE '' END);
  END IF;
  IF TG_OP = 'UPDATE' THEN
    EXECUTE $sql$
      DELETE FROM public.analysis_answer_documents d USING new_answers n
      WHERE d.answer_id = n.id AND coalesce(n.text, '') = '' AND coalesce(n.interpretation, '') = ''
    $sql$;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analysis_tally_answers_insert AFTER INSERT ON public.answers
  REFERENCING NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION public.analysis_tally_answers();
--> statement-breakpoint
CREATE TRIGGER analysis_tally_answers_update AFTER UPDATE ON public.answers
  REFERENCING OLD TABLE AS old_answers NEW TABLE AS new_answers FOR EACH STATEMENT EXECUTE FUNCTION public.analysis_tally_answers();
--> statement-breakpoint
CREATE TRIGGER analysis_tally_answers_delete AFTER DELETE ON public.answers
  REFERENCING OLD TABLE AS old_answers FOR EACH STATEMENT EXECUTE FUNCTION public.analysis_tally_answers();
--> statement-breakpoint
-- Responses submitted, withdrawn, changed or deleted: the profile moves, and on a change so do the
-- counts of the response's answers (submitting is a change: the answers were written as a draft).
-- Rows of a consultation being deleted are skipped; its tallies go with it.
CREATE OR REPLACE FUNCTION public.analysis_tally_responses() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := concat_ws(' UNION ALL ',
    CASE WHEN TG_OP <> 'INSERT' THEN 'SELECT -1 AS sign, * FROM old_responses' END,
    CASE WHEN TG_OP <> 'DELETE' THEN 'SELECT 1 AS sign, * FROM new_responses' END);
BEGIN
  -- Only submitted responses count: leave at once when no changed row is or was submitted.
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM new_responses WHERE status = 'submitted') THEN RETURN NULL; END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NOT EXISTS (SELECT 1 FROM new_responses WHERE status = 'submitted') AND NOT EXISTS (SELECT 1 FROM old_responses WHERE status = 'submitted') THEN RETURN NULL; END IF;
  ELSE
    IF NOT EXISTS (SELECT 1 FROM old_responses WHERE status = 'submitted') THEN RETURN NULL; END IF;
  END IF;
  EXECUTE format($sql$
    INSERT INTO public.analysis_response_tallies AS t (consultation_id, day, respondent_type, channel, bsl, n)
    SELECT r.consultation_id, (coalesce(r.submitted_at, r.created_at) AT TIME ZONE 'Europe/London')::date,
           coalesce(r.respondent_type::text, 'not_given'), r.channel::text, coalesce(r.is_bsl_user, false), sum(r.sign)
    FROM (%s) AS r JOIN public.consultations c ON c.id = r.consultation_id
    WHERE r.status = 'submitted'
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (consultation_id, day, respondent_type, channel, bsl) DO UPDATE SET n = t.n + excluded.n
  $sql$, changes);
  IF TG_OP = 'UPDATE' THEN
    EXECUTE format($sql$
      INSERT INTO public.analysis_answer_tallies AS t (consultation_id, question_id, measure, choice, respondent_type, channel, consent, n)
      SELECT r.consultation_id, a.question_id, m.measure, m.choice, coalesce(r.respondent_type::text, 'not_given'), r.channel::text,
             coalesce(r.publish_consent::text, 'not_given'), sum(r.sign)
      FROM (%s) AS r
      JOIN public.answers a ON a.response_id = r.id
      CROSS JOIN LATERAL public.analysis_answer_measures(a.text, a.choices, a.media_id, a.interpretation, r.channel::text) AS m
      WHERE r.status = 'submitted'
      GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(r.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
      ON CONFLICT (consultation_id, question_id, measure, choice, respondent_type, channel, consent) DO UPDATE SET n = t.n + excluded.n
    $sql$, changes);
    -- Words become searchable when their response is submitted and stop when it is withdrawn.
    EXECUTE $sql$
      INSERT INTO public.analysis_answer_documents AS d (answer_id, question_id, document)
      SELECT a.id, a.question_id, to_tsvector('english'::regconfig, coalesce(a.text, '') || ' ' || coalesce(a.interpretation, ''))
      FROM new_responses n JOIN old_responses o ON o.id = n.id JOIN public.answers a ON a.response_id = n.id
      WHERE n.status = 'submitted' AND o.status <> 'submitted' AND (coalesce(a.text, '') <> '' OR coalesce(a.interpretation, '') <> '')
      ON CONFLICT (answer_id) DO UPDATE SET question_id = excluded.question_id, document = excluded.document
    $sql$;
    EXECUTE $sql$
      DELETE FROM public.analysis_answer_documents d USING public.answers a, new_responses n, old_responses o
      WHERE o.id = n.id AND a.response_id = n.id AND d.answer_id = a.id AND o.status = 'submitted' AND n.status <> 'submitted'
    $sql$;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analysis_tally_responses_insert AFTER INSERT ON public.responses
  REFERENCING NEW TABLE AS new_responses FOR EACH STATEMENT EXECUTE FUNCTION public.analysis_tally_responses();
--> statement-breakpoint
CREATE TRIGGER analysis_tally_responses_update AFTER UPDATE ON public.responses
  REFERENCING OLD TABLE AS old_responses NEW TABLE AS new_responses FOR EACH STATEMENT EXECUTE FUNCTION public.analysis_tally_responses();
--> statement-breakpoint
CREATE TRIGGER analysis_tally_responses_delete AFTER DELETE ON public.responses
  REFERENCING OLD TABLE AS old_responses FOR EACH STATEMENT EXECUTE FUNCTION public.analysis_tally_responses();
--> statement-breakpoint
-- A submitted response's answers are deleted with it by their foreign key, after it is gone, when
-- the answers trigger can no longer see the response: take their counts away while it still can.
CREATE OR REPLACE FUNCTION public.analysis_untally_deleted_response() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'submitted' AND EXISTS (SELECT 1 FROM public.consultations WHERE id = OLD.consultation_id) THEN
    INSERT INTO public.analysis_answer_tallies AS t (consultation_id, question_id, measure, choice, respondent_type, channel, consent, n)
    SELECT OLD.consultation_id, a.question_id, m.measure, m.choice, coalesce(OLD.respondent_type::text, 'not_given'), OLD.channel::text,
           coalesce(OLD.publish_consent::text, 'not_given'), -count(*)
    FROM public.answers a
    CROSS JOIN LATERAL public.analysis_answer_measures(a.text, a.choices, a.media_id, a.interpretation, OLD.channel::text) AS m
    WHERE a.response_id = OLD.id
    GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (consultation_id, question_id, measure, choice, respondent_type, channel, consent) DO UPDATE SET n = t.n + excluded.n;
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER analysis_untally_deleted_response BEFORE DELETE ON public.responses
  FOR EACH ROW EXECUTE FUNCTION public.analysis_untally_deleted_response();
--> statement-breakpoint
-- Counts a consultation afresh: the backfill below, and the tests' check that the triggers agree.
CREATE OR REPLACE FUNCTION public.analysis_rebuild_tallies(consultation uuid) RETURNS void LANGUAGE sql AS $$
  DELETE FROM public.analysis_response_tallies WHERE consultation_id = consultation;
  DELETE FROM public.analysis_answer_tallies WHERE consultation_id = consultation;
  INSERT INTO public.analysis_response_tallies (consultation_id, day, respondent_type, channel, bsl, n)
  SELECT r.consultation_id, (coalesce(r.submitted_at, r.created_at) AT TIME ZONE 'Europe/London')::date,
         coalesce(r.respondent_type::text, 'not_given'), r.channel::text, coalesce(r.is_bsl_user, false), count(*)
  FROM public.responses r WHERE r.consultation_id = consultation AND r.status = 'submitted'
  GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO public.analysis_answer_tallies (consultation_id, question_id, measure, choice, respondent_type, channel, consent, n)
  SELECT r.consultation_id, a.question_id, m.measure, m.choice, coalesce(r.respondent_type::text, 'not_given'), r.channel::text,
         coalesce(r.publish_consent::text, 'not_given'), count(*)
  FROM public.responses r
  JOIN public.answers a ON a.response_id = r.id
  CROSS JOIN LATERAL public.analysis_answer_measures(a.text, a.choices, a.media_id, a.interpretation, r.channel::text) AS m
  WHERE r.consultation_id = consultation AND r.status = 'submitted'
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
$$;
--> statement-breakpoint
SELECT public.analysis_rebuild_tallies(id) FROM public.consultations;
--> statement-breakpoint
INSERT INTO public.analysis_answer_documents (answer_id, question_id, document)
SELECT a.id, a.question_id, to_tsvector('english'::regconfig, coalesce(a.text, '') || ' ' || coalesce(a.interpretation, ''))
FROM public.answers a JOIN public.responses r ON r.id = a.response_id
WHERE r.status = 'submitted' AND (coalesce(a.text, '') <> '' OR coalesce(a.interpretation, '') <> '');
--> statement-breakpoint
-- Search reads the stored vectors now; the expression index on answers is no longer used.
DROP INDEX IF EXISTS public.analysis_answers_search_idx;

-- The tally triggers leave at once for drafts: a respondent's every save fired them, and each
-- ran dynamic SQL that found nothing to count (about a tenth of the closing-day throughput).
-- The functions are otherwise as in *_analysis_documents_when_submitted.sql.
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

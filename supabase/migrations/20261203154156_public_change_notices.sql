-- Each change to a table that public pages read sends one notice on the channel `guth_changes`
-- naming the table (one per statement; Postgres folds repeats within a transaction and sends
-- them on commit). Every server process listens and forgets the public reads it kept from that
-- table (app/platform/public-reads.server.ts, docs/decisions/018).
CREATE OR REPLACE FUNCTION public.guth_notice_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('guth_changes', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER consultations_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.consultations FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER consultation_documents_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.consultation_documents FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER questions_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.questions FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER media_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.media FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER organisations_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.organisations FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER programmes_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.programmes FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER events_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.events FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER event_registrations_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.event_registrations FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();

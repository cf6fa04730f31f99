-- Deleting an account keeps the shape of every thread the person took part in (replies stay under
-- their parents) but removes what they wrote and who they were: their comments become "deleted"
-- placeholders with no text, earlier wordings go, and author_id is then set null by its foreign key.
CREATE OR REPLACE FUNCTION public.comments_erase_author() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.comment_revisions WHERE comment_id IN (SELECT id FROM public.comments WHERE author_id = OLD.id);
  UPDATE public.comments SET body = '', status = 'deleted', moderation_reason = NULL WHERE author_id = OLD.id;
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER users_erase_comments BEFORE DELETE ON public.users FOR EACH ROW EXECUTE FUNCTION public.comments_erase_author();

-- Change notices (see public_change_notices) for what an anonymous reader's comment threads show:
-- the comments, their subjects' settings and their authors' names.
CREATE TRIGGER comments_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.comments FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER comment_subjects_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.comment_subjects FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();--> statement-breakpoint
CREATE TRIGGER users_change_notice AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public.users FOR EACH STATEMENT EXECUTE FUNCTION public.guth_notice_change();

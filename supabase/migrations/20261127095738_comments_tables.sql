CREATE TYPE "public"."comment_flag_reason" AS ENUM('abusive', 'spam', 'off_topic', 'personal_information', 'other');--> statement-breakpoint
CREATE TYPE "public"."comment_status" AS ENUM('visible', 'hidden', 'deleted', 'pending');--> statement-breakpoint
CREATE TYPE "public"."comment_subject_type" AS ENUM('consultation', 'event', 'analysis_report');--> statement-breakpoint
CREATE TABLE "comment_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"blocked_by" uuid,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_blocks" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comment_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"reporter_id" uuid,
	"reason" "comment_flag_reason" NOT NULL,
	"details" text,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_flags" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comment_moderation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"comment_id" uuid,
	"user_id" uuid,
	"moderator_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_moderation_actions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comment_reply_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"comment_id" uuid NOT NULL,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_reply_notices" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comment_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_revisions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comment_subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" "comment_subject_type" NOT NULL,
	"subject_id" uuid NOT NULL,
	"premoderated" boolean DEFAULT false NOT NULL,
	"top_level_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_subjects" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comment_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"comment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comment_votes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" "comment_subject_type" NOT NULL,
	"subject_id" uuid NOT NULL,
	"anchor" text,
	"parent_id" uuid,
	"root_id" uuid NOT NULL,
	"depth" integer DEFAULT 0 NOT NULL,
	"path" text NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"status" "comment_status" DEFAULT 'visible' NOT NULL,
	"moderation_reason" text,
	"edited_at" timestamp with time zone,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"support_count" integer DEFAULT 0 NOT NULL,
	"open_flag_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "comment_blocks" ADD CONSTRAINT "comment_blocks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_blocks" ADD CONSTRAINT "comment_blocks_blocked_by_users_id_fk" FOREIGN KEY ("blocked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_flags" ADD CONSTRAINT "comment_flags_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_flags" ADD CONSTRAINT "comment_flags_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_moderation_actions" ADD CONSTRAINT "comment_moderation_actions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_moderation_actions" ADD CONSTRAINT "comment_moderation_actions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_moderation_actions" ADD CONSTRAINT "comment_moderation_actions_moderator_id_users_id_fk" FOREIGN KEY ("moderator_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reply_notices" ADD CONSTRAINT "comment_reply_notices_recipient_id_users_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_reply_notices" ADD CONSTRAINT "comment_reply_notices_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_revisions" ADD CONSTRAINT "comment_revisions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_votes" ADD CONSTRAINT "comment_votes_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_votes" ADD CONSTRAINT "comment_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comment_blocks_user_key" ON "comment_blocks" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comment_flags_comment_reporter_key" ON "comment_flags" USING btree ("comment_id","reporter_id");--> statement-breakpoint
CREATE INDEX "comment_flags_reporter_idx" ON "comment_flags" USING btree ("reporter_id");--> statement-breakpoint
CREATE INDEX "comment_moderation_actions_comment_idx" ON "comment_moderation_actions" USING btree ("comment_id");--> statement-breakpoint
CREATE INDEX "comment_reply_notices_pending_idx" ON "comment_reply_notices" USING btree ("recipient_id") WHERE "comment_reply_notices"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "comment_revisions_comment_idx" ON "comment_revisions" USING btree ("comment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "comment_subjects_subject_key" ON "comment_subjects" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "comment_votes_comment_user_key" ON "comment_votes" USING btree ("comment_id","user_id");--> statement-breakpoint
CREATE INDEX "comment_votes_user_idx" ON "comment_votes" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "comments_top_level_idx" ON "comments" USING btree ("subject_type","subject_id","anchor","created_at") WHERE "comments"."depth" = 0;--> statement-breakpoint
CREATE INDEX "comments_top_level_support_idx" ON "comments" USING btree ("subject_type","subject_id","anchor","support_count") WHERE "comments"."depth" = 0;--> statement-breakpoint
CREATE UNIQUE INDEX "comments_root_path_key" ON "comments" USING btree ("root_id","path");--> statement-breakpoint
CREATE INDEX "comments_parent_path_idx" ON "comments" USING btree ("parent_id","path");--> statement-breakpoint
CREATE INDEX "comments_author_idx" ON "comments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "comments_queue_idx" ON "comments" USING btree ("created_at") WHERE "comments"."status" = 'pending' or "comments"."open_flag_count" > 0;
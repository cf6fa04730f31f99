CREATE TYPE "public"."analysis_code_source" AS ENUM('human', 'suggested');--> statement-breakpoint
CREATE TYPE "public"."analysis_report_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."analysis_suggestion_status" AS ENUM('pending', 'accepted', 'rejected', 'merged');--> statement-breakpoint
CREATE TABLE "analysis_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"parent_id" uuid,
	"label" text NOT NULL,
	"description" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"doc" jsonb NOT NULL,
	"status" "analysis_report_status" DEFAULT 'draft' NOT NULL,
	"snapshot" jsonb,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_reports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_answer_codes" (
	"answer_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"source" "analysis_code_source" DEFAULT 'human' NOT NULL,
	"applied_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analysis_answer_codes_answer_id_code_id_pk" PRIMARY KEY("answer_id","code_id")
);
--> statement-breakpoint
ALTER TABLE "analysis_answer_codes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_answer_reviews" (
	"answer_id" uuid PRIMARY KEY NOT NULL,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_answer_reviews" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_campaign_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"representative_answer_id" uuid,
	"text" text NOT NULL,
	"size" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_campaign_groups" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_campaign_members" (
	"group_id" uuid NOT NULL,
	"answer_id" uuid NOT NULL,
	"similarity" real NOT NULL,
	CONSTRAINT "analysis_campaign_members_group_id_answer_id_pk" PRIMARY KEY("group_id","answer_id")
);
--> statement-breakpoint
ALTER TABLE "analysis_campaign_members" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_redactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"answer_id" uuid NOT NULL,
	"passage" text NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_redactions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "analysis_theme_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"label" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"answer_ids" jsonb NOT NULL,
	"size" integer NOT NULL,
	"status" "analysis_suggestion_status" DEFAULT 'pending' NOT NULL,
	"code_id" uuid,
	"merged_into" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "analysis_theme_suggestions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "analysis_codes" ADD CONSTRAINT "analysis_codes_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_codes" ADD CONSTRAINT "analysis_codes_parent_id_analysis_codes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."analysis_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_codes" ADD CONSTRAINT "analysis_codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_reports" ADD CONSTRAINT "analysis_reports_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_codes" ADD CONSTRAINT "analysis_answer_codes_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_codes" ADD CONSTRAINT "analysis_answer_codes_code_id_analysis_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."analysis_codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_codes" ADD CONSTRAINT "analysis_answer_codes_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_reviews" ADD CONSTRAINT "analysis_answer_reviews_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_answer_reviews" ADD CONSTRAINT "analysis_answer_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_campaign_groups" ADD CONSTRAINT "analysis_campaign_groups_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_campaign_groups" ADD CONSTRAINT "analysis_campaign_groups_representative_answer_id_answers_id_fk" FOREIGN KEY ("representative_answer_id") REFERENCES "public"."answers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_campaign_members" ADD CONSTRAINT "analysis_campaign_members_group_id_analysis_campaign_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."analysis_campaign_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_campaign_members" ADD CONSTRAINT "analysis_campaign_members_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_redactions" ADD CONSTRAINT "analysis_redactions_answer_id_answers_id_fk" FOREIGN KEY ("answer_id") REFERENCES "public"."answers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_redactions" ADD CONSTRAINT "analysis_redactions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theme_suggestions" ADD CONSTRAINT "analysis_theme_suggestions_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theme_suggestions" ADD CONSTRAINT "analysis_theme_suggestions_code_id_analysis_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."analysis_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theme_suggestions" ADD CONSTRAINT "analysis_theme_suggestions_merged_into_analysis_theme_suggestions_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."analysis_theme_suggestions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_theme_suggestions" ADD CONSTRAINT "analysis_theme_suggestions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "analysis_codes_question_idx" ON "analysis_codes" USING btree ("question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_codes_label_key" ON "analysis_codes" USING btree ("question_id","parent_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_reports_consultation_key" ON "analysis_reports" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "analysis_answer_codes_code_idx" ON "analysis_answer_codes" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "analysis_campaign_groups_question_idx" ON "analysis_campaign_groups" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "analysis_campaign_members_answer_idx" ON "analysis_campaign_members" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "analysis_redactions_answer_idx" ON "analysis_redactions" USING btree ("answer_id");--> statement-breakpoint
CREATE INDEX "analysis_theme_suggestions_question_idx" ON "analysis_theme_suggestions" USING btree ("question_id","status");
CREATE TYPE "public"."document_kind" AS ENUM('consultation_paper', 'easy_read', 'large_print', 'impact_assessment', 'other');--> statement-breakpoint
CREATE TYPE "public"."publish_consent" AS ENUM('with_name', 'anonymous', 'not_published');--> statement-breakpoint
CREATE TYPE "public"."question_kind" AS ENUM('text', 'long_text', 'single', 'multiple', 'scale', 'yes_no');--> statement-breakpoint
CREATE TYPE "public"."respondent_type" AS ENUM('individual', 'organisation');--> statement-breakpoint
CREATE TYPE "public"."response_channel" AS ENUM('web', 'bsl', 'email', 'post', 'event');--> statement-breakpoint
CREATE TYPE "public"."response_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TABLE "answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"text" text,
	"choices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"media_id" uuid,
	"interpretation" text,
	"interpreted_by" uuid,
	"interpreted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "answers" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consultation_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_documents" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"body" jsonb,
	"team" text NOT NULL,
	"contact_email" text NOT NULL,
	"postal_address" text,
	"organisation_id" uuid,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"retracted_at" timestamp with time zone,
	"analysis_published_at" timestamp with time zone,
	"questions_locked_at" timestamp with time zone,
	"opened_notified_at" timestamp with time zone,
	"closed_notified_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"section" jsonb,
	"kind" "question_kind" NOT NULL,
	"prompt" jsonb NOT NULL,
	"help" jsonb,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"follow_up_of" uuid,
	"char_limit" integer,
	"bsl_media_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "questions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"status" "response_status" DEFAULT 'draft' NOT NULL,
	"channel" "response_channel" DEFAULT 'web' NOT NULL,
	"respondent_type" "respondent_type",
	"name" text,
	"organisation_name" text,
	"email" text,
	"publish_consent" "publish_consent",
	"contact_consent" boolean,
	"is_bsl_user" boolean,
	"language" text DEFAULT 'en' NOT NULL,
	"draft_token_hash" text,
	"resume_token_hash" text,
	"idempotency_key" text,
	"entered_by" uuid,
	"user_id" uuid,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "responses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "answers" ADD CONSTRAINT "answers_interpreted_by_users_id_fk" FOREIGN KEY ("interpreted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_documents" ADD CONSTRAINT "consultation_documents_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_follow_up_of_questions_id_fk" FOREIGN KEY ("follow_up_of") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "answers_response_question_key" ON "answers" USING btree ("response_id","question_id");--> statement-breakpoint
CREATE INDEX "answers_question_idx" ON "answers" USING btree ("question_id");--> statement-breakpoint
CREATE INDEX "consultation_documents_consultation_idx" ON "consultation_documents" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_slug_key" ON "consultations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "consultations_closes_at_idx" ON "consultations" USING btree ("closes_at");--> statement-breakpoint
CREATE INDEX "questions_consultation_idx" ON "questions" USING btree ("consultation_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_reference_key" ON "responses" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_idempotency_key" ON "responses" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_draft_token_key" ON "responses" USING btree ("draft_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_resume_token_key" ON "responses" USING btree ("resume_token_hash");--> statement-breakpoint
CREATE INDEX "responses_consultation_status_idx" ON "responses" USING btree ("consultation_id","status","submitted_at");
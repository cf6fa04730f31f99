CREATE TYPE "public"."analysis_run_kind" AS ENUM('themes', 'campaigns');--> statement-breakpoint
CREATE TYPE "public"."analysis_run_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "analysis_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"question_id" uuid NOT NULL,
	"kind" "analysis_run_kind" NOT NULL,
	"status" "analysis_run_status" DEFAULT 'queued' NOT NULL,
	"found" integer,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "analysis_runs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "analysis_runs_active_key" ON "analysis_runs" USING btree ("question_id","kind") WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "analysis_runs_question_idx" ON "analysis_runs" USING btree ("question_id","kind","created_at");
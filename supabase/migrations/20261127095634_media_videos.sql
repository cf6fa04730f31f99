CREATE TYPE "public"."media_purpose" AS ENUM('answer', 'response', 'consultation', 'question');--> statement-breakpoint
CREATE TYPE "public"."media_status" AS ENUM('uploading', 'processing', 'ready', 'rejected');--> statement-breakpoint
CREATE TABLE "media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "media_purpose" NOT NULL,
	"consultation_id" uuid NOT NULL,
	"response_id" uuid,
	"question_id" uuid,
	"uploaded_by" uuid,
	"upload_id" text,
	"file_name" text,
	"storage_key" text,
	"web_key" text,
	"poster_key" text,
	"captions_key" text,
	"transcript" text,
	"mime" text,
	"bytes" bigint,
	"duration_seconds" double precision,
	"width" integer,
	"height" integer,
	"status" "media_status" DEFAULT 'uploading' NOT NULL,
	"reason" text,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "media" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_question_id_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media" ADD CONSTRAINT "media_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "media_upload_id_key" ON "media" USING btree ("upload_id");--> statement-breakpoint
CREATE INDEX "media_response_idx" ON "media" USING btree ("response_id");--> statement-breakpoint
CREATE INDEX "media_consultation_purpose_idx" ON "media" USING btree ("consultation_id","purpose");
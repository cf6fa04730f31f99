CREATE TYPE "public"."consultation_alert_kind" AS ENUM('opening', 'new');--> statement-breakpoint
CREATE TABLE "consultation_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "consultation_alert_kind" NOT NULL,
	"email" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"consultation_id" uuid,
	"topics" text[] DEFAULT '{}'::text[] NOT NULL,
	"token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consultation_alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP INDEX "event_registrations_live_email_key";--> statement-breakpoint
DROP INDEX "event_registrations_event_status_idx";--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD COLUMN "occurrence_start" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "title_gd" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "summary_gd" text;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "description_gd" jsonb;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "name_gd" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "description_gd" text;--> statement-breakpoint
ALTER TABLE "consultation_alerts" ADD CONSTRAINT "consultation_alerts_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_alerts_token_key" ON "consultation_alerts" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "consultation_alerts_live_key" ON "consultation_alerts" USING btree ("kind",coalesce("consultation_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("email")) WHERE "consultation_alerts"."unsubscribed_at" is null;--> statement-breakpoint
CREATE INDEX "consultation_alerts_consultation_idx" ON "consultation_alerts" USING btree ("consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_email_key" ON "event_registrations" USING btree ("event_id",coalesce("occurrence_start", '-infinity'::timestamptz),lower("email")) WHERE "event_registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "event_registrations_event_status_idx" ON "event_registrations" USING btree ("event_id","occurrence_start","status","ordinal");--> statement-breakpoint
-- Bookings made before occurrences were bookable one by one were for a repeating event's first date.
UPDATE "event_registrations" r SET "occurrence_start" = e."starts_at" FROM "events" e WHERE e."id" = r."event_id" AND e."rrule" IS NOT NULL;

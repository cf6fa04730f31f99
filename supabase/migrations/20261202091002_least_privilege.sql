-- Least privilege for the API roles. Supabase grants anon and authenticated ALL on public tables
-- and leaves the rows to RLS, but TRUNCATE ignores RLS (SET ROLE anon; TRUNCATE users CASCADE
-- empties the table), and REFERENCES, TRIGGER and, from Postgres 17, MAINTAIN (LOCK, VACUUM,
-- REINDEX) are of no use to PostgREST either. They keep what PostgREST needs, SELECT, INSERT,
-- UPDATE and DELETE, still behind RLS. REVOKE ALL and GRANT the four says that on Postgres 15 as
-- well as 17+ (naming MAINTAIN would fail on 15). service_role stays as Supabase has it.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM anon, authenticated;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO anon, authenticated;--> statement-breakpoint
-- nextval needs USAGE; UPDATE would also allow setval, which could make later inserts collide.
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM anon, authenticated;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO anon, authenticated;--> statement-breakpoint
-- Default privileges belong to the role that creates the tables, which is the role running the
-- migrations: postgres on Supabase (whose own defaults for postgres are GRANT ALL), the
-- DATABASE_URL or PGlite owner elsewhere. Without FOR ROLE this is right in both places.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM anon, authenticated;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO anon, authenticated;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM anon, authenticated;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO anon, authenticated;

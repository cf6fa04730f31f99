import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Connection } from './db.server'

const root = process.cwd()
const MIGRATIONS_DIR = path.join(root, 'supabase/migrations')
const BOOTSTRAP_DIR = path.join(root, 'supabase/bootstrap')
// Any constant will do: it only has to be the same for every instance of Guth.
const MIGRATION_LOCK = 4_870_112

function sqlFiles(dir: string) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }))
}

/**
 * Brings the database up to date: Supabase's own objects first (off Supabase only), then each
 * migration once, recorded where the Supabase CLI records them so `supabase db push` agrees.
 */
export async function migrate(connection: Connection, options: { bootstrap: boolean }) {
  return connection.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    if (options.bootstrap) {
      for (const file of sqlFiles(BOOTSTRAP_DIR)) await tx.exec(file.text)
    }
    await tx.exec(`
      CREATE SCHEMA IF NOT EXISTS supabase_migrations;
      CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (
        version text PRIMARY KEY, statements text[], name text
      );`)
    const done = new Set(
      (await tx.query<{ version: string }>('SELECT version FROM supabase_migrations.schema_migrations')).map(
        (row) => row.version,
      ),
    )
    const applied: string[] = []
    for (const file of sqlFiles(MIGRATIONS_DIR)) {
      const match = /^(\d{14})_(.+)\.sql$/.exec(file.name)
      if (!match || done.has(match[1]!)) continue
      await tx.exec(file.text)
      await tx.query('INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ($1, $2)', [
        match[1],
        match[2],
      ])
      applied.push(file.name)
    }
    return applied
  })
}

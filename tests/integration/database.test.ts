import { expect, test } from 'vitest'
import { migrate } from '~/platform/migrate.server'
import { useTestDatabase } from '../helpers/db'

const database = useTestDatabase()

async function publicTables() {
  return database.current.query<{ name: string; rls: boolean }>(`
    SELECT c.relname AS name, c.relrowsecurity AS rls
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`)
}

test('migrations are recorded where the Supabase CLI looks and never run twice', async () => {
  const rows = await database.current.query<{ version: string }>(
    'SELECT version FROM supabase_migrations.schema_migrations',
  )
  expect(rows.length).toBeGreaterThan(0)
  expect(await migrate(database.current, { bootstrap: true })).toEqual([])
})

test('every public table has row level security enabled', async () => {
  const tables = await publicTables()
  expect(tables.map((t) => t.name)).toContain('users')
  expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([])
})

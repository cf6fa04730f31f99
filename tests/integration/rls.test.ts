import { expect, test } from 'vitest'
import { seedDemoContent } from '../../scripts/seed/demo'
import { withTestDatabase } from '../helpers/db'

const database = withTestDatabase()

async function publicTables() {
  const rows = await database.current.query<{ name: string; rls: boolean }>(`
    SELECT c.relname AS name, c.relrowsecurity AS rls
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    ORDER BY c.relname`)
  return rows
}

test('every public table has row level security enabled', async () => {
  const tables = await publicTables()
  expect(tables.map((t) => t.name)).toEqual(
    expect.arrayContaining(['users', 'sessions', 'organisations', 'memberships', 'user_roles', 'audit_log']),
  )
  expect(tables.filter((t) => !t.rls).map((t) => t.name)).toEqual([])
})

test('the anon role (the browser-visible Supabase key) reads nothing from any public table', async () => {
  await seedDemoContent()
  const tables = await publicTables()
  const visible = await database.current.transaction(async (tx) => {
    const counts: Record<string, number> = {}
    for (const { name } of tables) {
      // As the database owner the seeded rows are there; as anon they must not be.
      const [owner] = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name}"`)
      await tx.exec('SET LOCAL ROLE anon')
      const [anon] = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM public."${name}"`)
      await tx.exec('RESET ROLE')
      if (name === 'users' || name === 'organisations') expect(Number(owner!.n)).toBeGreaterThan(0)
      counts[name] = Number(anon!.n)
    }
    return counts
  })
  expect(Object.entries(visible).filter(([, n]) => n > 0)).toEqual([])
})

test('anon cannot write to public tables either', async () => {
  await expect(
    database.current.transaction(async (tx) => {
      await tx.exec('SET LOCAL ROLE anon')
      await tx.query(`INSERT INTO public.organisations (slug, name) VALUES ('x', '{"en":"X"}')`)
    }),
  ).rejects.toThrow(/row-level security/)
})

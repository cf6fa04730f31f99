import { readdirSync } from 'node:fs'
import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { organisations, userRoles, users } from '~/modules/accounts/schema'
import { migrate } from '~/platform/migrate.server'
import { demoAccounts, demoOrganisations, seedDemoContent } from '../../scripts/seed/demo'
import { createEmptyDatabase, withTestDatabase } from '../helpers/db'

const database = withTestDatabase()

test('migrations are recorded where the Supabase CLI looks and never run twice', async () => {
  const rows = await database.current.query<{ version: string }>(
    'SELECT version FROM supabase_migrations.schema_migrations',
  )
  expect(rows.length).toBeGreaterThan(0)
  expect(await migrate(database.current, { bootstrap: true })).toEqual([])
})

test('instances starting together on an empty database migrate it once between them', async () => {
  const empty = await createEmptyDatabase()
  try {
    const migrations = readdirSync('supabase/migrations').filter((name) => /^\d{14}_.+\.sql$/.test(name)).sort()
    const instances = [1, 2, 3].map(() => empty.connect())
    const results = await Promise.all(instances.map((instance) => migrate(instance, { bootstrap: true })))
    expect(results.map((applied) => applied.length).sort((a, b) => a - b)).toEqual([0, 0, migrations.length])
    expect(results.flat()).toEqual(migrations)
    const recorded = await instances[0]!.query<{ n: number }>('SELECT count(DISTINCT version)::int AS n FROM supabase_migrations.schema_migrations')
    expect(recorded[0]!.n).toBe(migrations.length)
  } finally {
    await empty.dispose()
  }
}, 120_000)

test('the demo seed can run twice and gives the documented accounts their roles', async () => {
  await seedDemoContent()
  await seedDemoContent()
  const db = database.current.db
  const [orgs] = await db.select({ n: count() }).from(organisations)
  expect(orgs!.n).toBe(demoOrganisations.length)
  const [people] = await db.select({ n: count() }).from(users)
  expect(people!.n).toBe(demoAccounts.length)
  const adminRoles = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(users.email, 'admin@guth.example'))
  expect(adminRoles.map((r) => r.role)).toEqual(['admin'])
})

test('the same email in another case is the same person', async () => {
  await expect(
    database.current.db.insert(users).values({ email: 'ADMIN@guth.example' }),
  ).rejects.toThrow()
})

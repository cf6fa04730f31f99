import { count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { organisations, userRoles, users } from '~/modules/accounts/schema'
import { migrate } from '~/platform/migrate.server'
import { demoAccounts, demoOrganisations, seedDemoContent } from '../../scripts/seed/demo'
import { withTestDatabase } from '../helpers/db'

const database = withTestDatabase()

test('migrations are recorded where the Supabase CLI looks and never run twice', async () => {
  const rows = await database.current.query<{ version: string }>(
    'SELECT version FROM supabase_migrations.schema_migrations',
  )
  expect(rows.length).toBeGreaterThan(0)
  expect(await migrate(database.current, { bootstrap: true })).toEqual([])
})

test('instances starting together migrate once between them', async () => {
  const results = await Promise.all([1, 2, 3].map(() => migrate(database.current, { bootstrap: true })))
  expect(results.flat()).toEqual([])
})

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

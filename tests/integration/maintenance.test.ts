import { expect, test } from 'vitest'
import { analyseEmbeddedDatabase } from '~/platform/maintenance.server'
import { getConnection } from '~/platform/db.server'
import { withTestDatabase } from '../helpers/db'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { givenResponses } from '../helpers/responses'

withTestDatabase()

// The embedded database has no autovacuum, so Guth analyses it (at start and hourly); a Postgres
// server is left to its own autovacuum.
test('the embedded database gets planner statistics; a Postgres server is left to autovacuum', async () => {
  const { consultation, questions } = await givenAnalysedConsultation()
  await givenResponses(consultation.id, questions.map((q) => q.id), Array.from({ length: 40 }, (_, i) => ({ answers: { 1: `Answer number ${i}` } })))
  const analysed = async () =>
    (await getConnection().query<{ n: number }>(`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'answers'`))[0]!.n
  expect(await analysed()).toBe(0)
  await analyseEmbeddedDatabase()
  if (getConnection().kind === 'pglite') expect(await analysed()).toBeGreaterThan(0)
  else expect(await analysed()).toBe(0)
})

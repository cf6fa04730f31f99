import { afterEach, beforeEach, expect, test } from 'vitest'
import { type Connection, setConnection } from '~/platform/db.server'
import { analyseEmbeddedDatabase } from '~/platform/maintenance.server'
import { givenAnalysedConsultation } from '../helpers/consultations'
import { createTestDatabase, type TestDatabase } from '../helpers/db'
import { givenResponses } from '../helpers/responses'

// The embedded database has no autovacuum, so Guth analyses it (at start and hourly); a Postgres
// server is left to its own autovacuum. Both branches run on an embedded database of their own
// (a server's autovacuum could gather statistics at any moment); the second one is told it is a
// server, which is all analyseEmbeddedDatabase decides by. Statistics outlive the rows they
// describe, so each test has a database of its own.
let database: TestDatabase
beforeEach(async () => {
  database = await createTestDatabase({ embedded: true })
  setConnection(database)
}, 60_000)
afterEach(async () => {
  setConnection(undefined)
  await database.dispose()
})

/** Forty answers in a new consultation; the number of planner statistics about answers. */
async function givenAnswersNeverAnalysed() {
  const { consultation, questions } = await givenAnalysedConsultation()
  await givenResponses(consultation.id, questions.map((q) => q.id), Array.from({ length: 40 }, (_, i) => ({ answers: { 1: `Answer number ${i}` } })))
  return async () => (await database.query<{ n: number }>(`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'answers'`))[0]!.n
}

test('the embedded database gets planner statistics', async () => {
  const analysed = await givenAnswersNeverAnalysed()
  expect(await analysed()).toBe(0)
  await analyseEmbeddedDatabase(database)
  expect(await analysed()).toBeGreaterThan(0)
})

test('a Postgres server is left to autovacuum', async () => {
  const analysed = await givenAnswersNeverAnalysed()
  expect(await analysed()).toBe(0)
  const sent: string[] = []
  const server: Connection = {
    ...database,
    kind: 'postgres',
    exec: async (text) => void sent.push(text),
    query: async (text) => (sent.push(text), []),
  }
  await analyseEmbeddedDatabase(server)
  expect(sent).toEqual([])
  expect(await analysed()).toBe(0)
})

import { afterAll, expect, test } from 'vitest'
import { loadCommentThread, loadThreadPage } from '~/modules/comments/queries.server'
import { type Connection, getConnection, setConnection } from '~/platform/db.server'
import { stopJobs } from '~/platform/jobs.server'
import { withTestDatabase } from '../helpers/db'
import { givenPerson } from '../helpers/people'
import { givenDiscussion, say } from '../helpers/comments'
import { seedThreads } from '~/modules/comments/synthetic.server'

const database = withTestDatabase()
afterAll(() => stopJobs())

/**
 * Counts every statement sent while `work` runs: on PGlite at the client itself (Drizzle's and raw
 * queries alike), on Postgres at the connection's query function.
 */
async function countQueries(work: () => Promise<unknown>) {
  const connection = getConnection()
  let count = 0
  const pglite = connection.pglite
  if (pglite) {
    const { query, exec } = pglite
    pglite.query = ((...args: Parameters<typeof query>) => (count++, query.apply(pglite, args))) as typeof query
    pglite.exec = ((...args: Parameters<typeof exec>) => (count++, exec.apply(pglite, args))) as typeof exec
    try {
      await work()
    } finally {
      Object.assign(pglite, { query, exec })
    }
    return count
  }
  const counting: Connection = { ...connection, query: (text, params) => (count++, connection.query(text, params)) }
  setConnection(counting)
  try {
    await work()
  } finally {
    setConnection(database.current)
  }
  return count
}

test('a page of comments takes the same number of queries for a small thread as for a thousand-comment one', async () => {
  const [small, large] = [await givenDiscussion(), await givenDiscussion()]
  const reader = await givenPerson({ name: 'Reader' })
  const author = await givenPerson({ name: 'Author' })
  const root = await say(author, small.id, 'Small thread')
  const reply = await say(reader, small.id, 'One reply', { parentId: root })
  const seeded = await seedThreads(getConnection(), { subjectId: large.id, authorIds: [author.id, reader.id], comments: 1500, roots: 30 })

  const smallPage = await countQueries(() => loadThreadPage(reader, { type: 'consultation', id: small.id }))
  const largePage = await countQueries(() => loadThreadPage(reader, { type: 'consultation', id: large.id }))
  expect(largePage).toBe(smallPage)
  expect(smallPage).toBeGreaterThanOrEqual(3)
  expect(smallPage).toBeLessThanOrEqual(4)

  const largeThreads = await loadThreadPage(reader, { type: 'consultation', id: large.id }, { sort: 'supported' })
  expect(largeThreads.threads).toHaveLength(20)
  // The end of a 150-comment chain: its permalink shows where the thread began and the nearest parents.
  const smallPermalink = await countQueries(() => loadCommentThread(reader, reply))
  const largePermalink = await countQueries(() => loadCommentThread(reader, seeded.deepestId))
  expect((await loadCommentThread(reader, seeded.deepestId))!.ancestors.map((c) => c.depth)).toEqual([0, expect.any(Number), expect.any(Number), expect.any(Number)])
  expect(largePermalink).toBe(smallPermalink)
})

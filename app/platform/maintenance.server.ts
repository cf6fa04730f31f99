import { type Connection, getConnection } from './db.server'
import { defineJob } from './jobs.server'

// PGlite has no autovacuum. Without statistics its planner takes every table for a small one and
// picks plans that crawl once a consultation has tens of thousands of answers (the analysis pages
// went from 4 to 79 pages a second at 30,000 respondents once analysed). A Postgres server
// analyses by itself; the embedded database is analysed after the demo content goes in and every
// hour (statistics are kept in its data directory, so a restart does not need them again).

export async function analyseEmbeddedDatabase(connection: Connection = getConnection()) {
  if (connection.kind === 'pglite') await connection.exec('analyze')
}

export const analyseEmbeddedDatabaseJob = defineJob({
  name: 'database-analyze',
  cron: '41 * * * *',
  run: () => analyseEmbeddedDatabase(),
})

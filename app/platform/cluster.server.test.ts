import { expect, test } from 'vitest'
import { planWebProcesses } from './cluster.server'

const postgres = 'postgres://db/guth'

test('WEB_CONCURRENCY runs that many web processes in production on Postgres', () => {
  expect(planWebProcesses({ WEB_CONCURRENCY: 3, DATABASE_URL: postgres, NODE_ENV: 'production' })).toEqual({ processes: 3 })
  expect(planWebProcesses({ WEB_CONCURRENCY: 1, DATABASE_URL: undefined, NODE_ENV: 'production' })).toEqual({ processes: 1 })
})

test('the embedded database and the development server run one process, and say why', () => {
  expect(planWebProcesses({ WEB_CONCURRENCY: 2, DATABASE_URL: undefined, NODE_ENV: 'production' })).toEqual({
    processes: 1,
    warning: 'WEB_CONCURRENCY=2 needs DATABASE_URL: the embedded database (PGlite) belongs to one process, so one web process runs',
  })
  expect(planWebProcesses({ WEB_CONCURRENCY: 2, DATABASE_URL: postgres, NODE_ENV: 'development' })).toEqual({
    processes: 1,
    warning: 'WEB_CONCURRENCY=2 applies to the production server; the development server runs one process',
  })
})

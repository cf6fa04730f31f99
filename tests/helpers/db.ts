import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { type Connection, connectPglite, connectPostgres, setConnection } from '~/platform/db.server'
import { migrate } from '~/platform/migrate.server'

export interface TestDatabase extends Connection {
  dispose(): Promise<void>
}

/**
 * A fresh, migrated database of its own for one test file: in-memory PGlite by default, or a
 * scratch database on the real Postgres server named by TEST_DATABASE_URL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const connection = connectPglite()
    await migrate(connection, { bootstrap: true })
    return { ...connection, dispose: () => connection.close() }
  }
  const name = `guth_test_${randomBytes(6).toString('hex')}`
  const admin = connectPostgres(serverUrl, { max: 1 })
  await admin.exec(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const connection = connectPostgres(url.toString(), { max: 5 })
  await migrate(connection, { bootstrap: true })
  return {
    ...connection,
    async dispose() {
      await connection.close()
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    },
  }
}

/** Gives the test file its own database and makes it the one the app's modules use. */
export function withTestDatabase() {
  const handle = {} as { current: TestDatabase }
  beforeAll(async () => {
    handle.current = await createTestDatabase()
    setConnection(handle.current)
  }, 60_000)
  afterAll(async () => {
    setConnection(undefined)
    await handle.current?.dispose()
  })
  return handle
}

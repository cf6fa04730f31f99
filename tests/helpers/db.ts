import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { type Connection, connectPglite, connectPostgres, setConnection } from '~/platform/db.server'
import { migrate } from '~/platform/migrate.server'

export interface TestDatabase extends Connection {
  dispose(): Promise<void>
}

/**
 * A fresh, migrated database of its own for one test file: in-memory PGlite by default (always,
 * with `embedded`), or a scratch database on the real Postgres server named by TEST_DATABASE_URL.
 */
export async function createTestDatabase(options: { embedded?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl || options.embedded) {
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

export interface EmptyDatabase {
  /** A new connection, as another instance of Guth would open (PGlite: the one connection). */
  connect(): Connection
  dispose(): Promise<void>
}

/**
 * A database with nothing in it, not even Supabase's bootstrap: a fresh PGlite data directory, or
 * a fresh database on the Postgres server named by TEST_DATABASE_URL.
 */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'guth-empty-'))
    // PGlite allows one process per data directory, so instances of one process share it.
    const connection = connectPglite(path.join(dir, 'pglite'))
    return {
      connect: () => connection,
      async dispose() {
        await connection.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const name = `guth_empty_${randomBytes(6).toString('hex')}`
  const admin = connectPostgres(serverUrl, { max: 1 })
  await admin.exec(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const opened: Connection[] = []
  return {
    connect() {
      const connection = connectPostgres(url.toString(), { max: 1 })
      opened.push(connection)
      return connection
    },
    async dispose() {
      await Promise.all(opened.map((c) => c.close()))
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

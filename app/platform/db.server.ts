import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { getEnv } from './env.server'
import * as schema from './schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

/** One database, whichever engine: Drizzle for queries, raw SQL for migrations and jobs. */
export interface Connection {
  kind: 'pglite' | 'postgres'
  db: Database
  /** Runs one or more statements without parameters (migrations, bootstrap). */
  exec(sqlText: string): Promise<void>
  query<T = Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<T[]>
  /** Runs `work` in one transaction; `exec` and `query` inside it use the same session. */
  transaction<T>(work: (tx: Pick<Connection, 'exec' | 'query'>) => Promise<T>): Promise<T>
  close(): Promise<void>
  pglite?: PGlite
  /** The Postgres server's URL (for pg-boss's own pool); absent on PGlite. */
  url?: string
}

export function connectPglite(dataDir?: string): Connection {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true })
  // btree_gin: analysis search indexes a question id and words together (as on the server).
  const client = new PGlite({ dataDir, extensions: { btree_gin } })
  const wrap = (c: Pick<PGlite, 'exec' | 'query'>) => ({
    exec: async (text: string) => void (await c.exec(text)),
    query: async <T,>(text: string, params?: unknown[]) => (await c.query<T>(text, params)).rows,
  })
  return {
    kind: 'pglite',
    db: drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Database,
    ...wrap(client),
    transaction: (work) => client.transaction((tx) => work(wrap(tx))),
    close: () => client.close(),
    pglite: client,
  }
}

export function connectPostgres(url: string, options: { max?: number } = {}): Connection {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} })
  const wrap = (s: postgres.Sql | postgres.TransactionSql) => ({
    exec: async (text: string) => void (await s.unsafe(text).simple()),
    query: async <T,>(text: string, params?: unknown[]) =>
      (await s.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
  })
  return {
    kind: 'postgres',
    db: drizzlePostgres(sql, { schema, casing: 'snake_case' }) as unknown as Database,
    ...wrap(sql),
    transaction: (work) => sql.begin((tx) => work(wrap(tx))) as never,
    close: () => sql.end({ timeout: 5 }),
    url,
  }
}

// Vite's dev server and tsx can load this module twice; the connection must still be one
// (PGlite allows a single process per data directory).
const holder = globalThis as typeof globalThis & { __guthConnection?: Connection }

export function getConnection(): Connection {
  if (!holder.__guthConnection) {
    const env = getEnv()
    holder.__guthConnection = env.DATABASE_URL
      ? connectPostgres(env.DATABASE_URL)
      : connectPglite(path.resolve(env.DATA_DIR, 'pglite'))
  }
  return holder.__guthConnection
}

export function getDb(): Database {
  return getConnection().db
}

/** Tests and scripts install their own connection (in-memory PGlite, a scratch Postgres database). */
export function setConnection(connection: Connection | undefined) {
  holder.__guthConnection = connection
}

export async function closeConnection() {
  const connection = holder.__guthConnection
  holder.__guthConnection = undefined
  await connection?.close()
}

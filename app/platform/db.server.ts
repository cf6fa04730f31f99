import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { getEnv } from './env.server'
// No relational schema: queries name their tables (nothing uses db.query.*), so platform knows no module.
export type Database = PgDatabase<PgQueryResultHKT>

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
  /**
   * Calls `onNotice` with each notification's payload on `channel`, and `onListening` each time
   * listening (re)starts: notices sent while the connection was down are lost, so whatever
   * depends on them starts afresh there.
   */
  listen(channel: string, onNotice: (payload: string) => void, onListening: () => void): Promise<void>
  /**
   * Calls `listener` with the table each insert, update or delete this process sends names ('*'
   * for a TRUNCATE), as it
   * is sent: a change notice from a Postgres server arrives a moment after the commit, and the
   * code that wrote may read again before then. (PGlite delivers notices as it commits.)
   */
  onWrite(listener: (table: string) => void): void
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
    db: drizzlePglite(client, { casing: 'snake_case' }) as unknown as Database,
    ...wrap(client),
    transaction: (work) => client.transaction((tx) => work(wrap(tx))),
    close: () => client.close(),
    // One process owns the embedded database, so its notices never go missing.
    listen: async (channel, onNotice, onListening) => {
      await client.listen(channel, onNotice)
      onListening()
    },
    onWrite: () => {},
    pglite: client,
  }
}

const WRITE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?([a-z_]+)"?/i

export function connectPostgres(url: string, options: { max?: number } = {}): Connection {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => {} })
  const writeListeners = new Set<(table: string) => void>()
  // Every statement goes through `unsafe` (drizzle's and ours), in and out of transactions.
  const watchWrites = <S extends postgres.Sql | postgres.TransactionSql>(client: S): S => {
    const unsafe = client.unsafe.bind(client)
    client.unsafe = ((text: string, ...rest: never[]) => {
      // TRUNCATE may name several tables: '*' stands for all of them.
      const table = WRITE.exec(text)?.[1] ?? (/^\s*truncate\b/i.test(text) ? '*' : undefined)
      if (table) for (const listener of writeListeners) listener(table)
      return unsafe(text, ...rest)
    }) as S['unsafe']
    return client
  }
  watchWrites(sql)
  const begin = sql.begin.bind(sql) as (...args: unknown[]) => Promise<unknown>
  sql.begin = ((...args: unknown[]) => {
    const work = args.pop() as (tx: postgres.TransactionSql) => unknown
    return begin(...args, (tx: postgres.TransactionSql) => work(watchWrites(tx)))
  }) as typeof sql.begin
  const wrap = (s: postgres.Sql | postgres.TransactionSql) => ({
    exec: async (text: string) => void (await s.unsafe(text).simple()),
    query: async <T,>(text: string, params?: unknown[]) =>
      (await s.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
  })
  return {
    kind: 'postgres',
    db: drizzlePostgres(sql, { casing: 'snake_case' }) as unknown as Database,
    ...wrap(sql),
    transaction: (work) => sql.begin((tx) => work(wrap(tx))) as never,
    close: () => sql.end({ timeout: 5 }),
    listen: async (channel, onNotice, onListening) => void (await sql.listen(channel, onNotice, onListening)),
    onWrite: (listener) => void writeListeners.add(listener),
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

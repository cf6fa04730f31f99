import { param, type SQL, sql } from 'drizzle-orm'
import { type Connection, getDb } from '~/platform/db.server'

type Db = ReturnType<typeof getDb>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

/**
 * A Drizzle transaction seen as the raw `query` pg-boss's send needs, so jobs (emails, reminders)
 * are enqueued in the same transaction as the change they are about and exist only if it commits.
 */
export function asJobSession(tx: Tx): Pick<Connection, 'query'> {
  return {
    async query<T>(text: string, values: unknown[] = []) {
      const chunks: SQL[] = []
      for (const [index, part] of text.split(/\$(\d+)/).entries()) {
        chunks.push(index % 2 ? sql`${param(values[Number(part) - 1])}` : sql.raw(part))
      }
      const result = (await tx.execute(sql.join(chunks))) as unknown as T[] | { rows: T[] }
      return Array.isArray(result) ? result : result.rows
    },
  }
}

import { type Connection, getConnection } from './db.server'
import { logWarning } from './log.server'

/**
 * What public pages read most and what rarely changes (a consultation, its documents and
 * questions, the events calendar), kept in this process until the database says one of the
 * tables it came from changed (docs/decisions/018). A trigger on each of those tables sends a
 * notice naming it on `guth_changes` (migration public_change_notices); every process listens.
 */
export type PublicTable =
  | 'consultations'
  | 'consultation_documents'
  | 'questions'
  | 'media'
  | 'organisations'
  | 'programmes'
  | 'events'
  | 'event_registrations'
  | 'comments'
  | 'comment_subjects'
  | 'users'

const CHANNEL = 'guth_changes'
// A read is also forgotten after a minute, in case a notice is missed, and the store is bounded.
const MAX_AGE_MS = 60_000
const MAX_ENTRIES = 2_000

interface Entry {
  tables: readonly PublicTable[]
  value: Promise<unknown>
  at: number
}

interface Store {
  entries: Map<string, Entry>
  /** Resolves once the process listens; until then nothing is kept. */
  listening: Promise<boolean>
  ready: boolean
}

// One store per connection: tests and scripts swap connections, and each database has its own rows.
const stores = new WeakMap<Connection, Store>()

function storeFor(connection: Connection) {
  let store = stores.get(connection)
  if (!store) {
    const created: Store = { entries: new Map(), ready: false, listening: Promise.resolve(false) }
    const forget = (table: string) => {
      if (table === '*') return created.entries.clear()
      for (const [key, entry] of created.entries) if (entry.tables.includes(table as PublicTable)) created.entries.delete(key)
    }
    connection.onWrite(forget)
    created.listening = connection
      .listen(
        CHANNEL,
        forget,
        () => {
          created.entries.clear()
          created.ready = true
        },
      )
      .then(() => true)
      .catch((error: unknown) => {
        logWarning('public reads are not kept: could not listen for changes', { reason: error instanceof Error ? error.message : String(error) })
        return false
      })
    store = created
    stores.set(connection, store)
  }
  return store
}

/** The time, to the minute, for reads that depend on it: they are kept for that minute at most. */
export const thisMinute = (now = Date.now()) => new Date(Math.floor(now / 60_000) * 60_000)

/**
 * The value `load` gives for `key`, read once and kept until one of `tables` changes. The value
 * is shared by every request, so it is frozen: code that tried to change it would fail its tests.
 * `key` must name everything the read depends on besides those tables' rows (its arguments, the
 * time where it matters).
 */
export async function publicRead<T>(tables: readonly PublicTable[], key: string, load: () => Promise<T>): Promise<T> {
  const store = storeFor(getConnection())
  if (!store.ready && !(await store.listening)) return load()
  const now = Date.now()
  const kept = store.entries.get(key)
  if (kept && now - kept.at < MAX_AGE_MS) return kept.value as Promise<T>
  const value = load().then(deepFreeze)
  const entry: Entry = { tables, value, at: now }
  // Nothing found is not kept: made-up addresses must not push out what people read.
  const forget = () => store.entries.get(key) === entry && store.entries.delete(key)
  value.then((loaded) => loaded ?? forget(), forget)
  if (store.entries.size >= MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!)
  store.entries.set(key, entry)
  return value
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value as object)) deepFreeze(inner)
  }
  return value
}

const derived = new WeakMap<object, Map<string, unknown>>()

/**
 * What a page works out from a kept read (the events list's cards, the month grid), kept with that
 * read and gone with it: `source` must be a value publicRead gave, so it is frozen and a change to
 * its tables replaces it. The result is frozen too, as every request shares it.
 */
export function keptWith<T>(source: object, key: string, compute: () => T): T {
  if (!Object.isFrozen(source)) return compute()
  let values = derived.get(source)
  if (!values) derived.set(source, (values = new Map()))
  if (!values.has(key)) values.set(key, deepFreeze(compute()))
  return values.get(key) as T
}

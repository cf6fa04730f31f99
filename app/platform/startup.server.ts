import { getConnection } from './db.server'
import { getEnv } from './env.server'
import { logInfo } from './log.server'
import { migrate } from './migrate.server'

/** Migrates; off Supabase, first recreates what Supabase would already have (roles, auth schema). */
export async function prepareDatabase() {
  const applied = await migrate(getConnection(), { bootstrap: !getEnv().usesSupabase })
  if (applied.length) logInfo('database migrated', { applied })
}

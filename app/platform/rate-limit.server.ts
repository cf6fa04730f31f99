import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { rateLimits } from './tables'

export interface RateLimit {
  /** What is being limited, e.g. `sign-in:email`; the subject (an email, an IP) is added per call. */
  name: string
  limit: number
  windowSeconds: number
}

export type RateLimitResult = { ok: true } | { ok: false; retryAt: Date }

/**
 * Counts one more try in the current fixed window and says whether it is allowed. One atomic
 * upsert, so concurrent requests on any number of app instances are counted exactly.
 */
export async function hitRateLimit(rule: RateLimit, subject: string, now = new Date()): Promise<RateLimitResult> {
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const [row] = await getDb()
    .insert(rateLimits)
    .values({ key: `${rule.name}:${subjectKey(subject)}`, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits })
  if ((row?.hits ?? 0) <= rule.limit) return { ok: true }
  return { ok: false, retryAt: new Date(windowStart.getTime() + windowMs) }
}

// A subject is whatever someone typed or sent: a long one is hashed, so the key always fits its index.
function subjectKey(subject: string) {
  const key = subject.toLowerCase()
  return key.length <= 200 ? key : `sha256:${createHash('sha256').update(key).digest('hex')}`
}

/** Checks several limits; the first one exceeded decides when to try again. */
export async function hitRateLimits(checks: [RateLimit, string][], now = new Date()): Promise<RateLimitResult> {
  let blocked: RateLimitResult = { ok: true }
  for (const [rule, subject] of checks) {
    const result = await hitRateLimit(rule, subject, now)
    if (!result.ok && (blocked.ok || result.retryAt > blocked.retryAt)) blocked = result
  }
  return blocked
}

/** Old windows are useless; the hourly clean-up job removes them. */
export async function purgeRateLimits(olderThan: Date) {
  await getDb().delete(rateLimits).where(sql`${rateLimits.windowStart} < ${olderThan}`)
}

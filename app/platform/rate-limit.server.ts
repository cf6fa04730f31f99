import { createHash } from 'node:crypto'
import { and, eq, gt, sql } from 'drizzle-orm'
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

export interface Backoff {
  /** What is being limited, e.g. `sign-in-request:email`. */
  name: string
  /** Tries within the sliding window that need no wait. */
  free: number
  windowSeconds: number
  /** The wait after the last try once `free` is used up; it doubles with each further try. */
  firstWaitSeconds: number
  maxWaitSeconds: number
}

/**
 * A sliding window with a growing wait instead of a lock-out: each allowed try is one row (its
 * time in `window_start`); once `free` tries fall in the window, the next must wait
 * firstWait·2ⁿ after the latest. Refused tries are not counted, so the time given stays true.
 * All rules pass or none is counted, under a lock per key, so concurrent tries count exactly.
 */
export async function hitBackoffs(checks: [Backoff, string][], now = new Date()): Promise<RateLimitResult> {
  const keyed = checks
    .map(([rule, subject]) => ({ rule, key: `${rule.name}:${subjectKey(subject)}` }))
    .sort((a, b) => a.key.localeCompare(b.key))
  return getDb().transaction(async (tx) => {
    let retryAt: Date | null = null
    for (const { rule, key } of keyed) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`)
      const since = new Date(now.getTime() - rule.windowSeconds * 1000)
      const [seen] = await tx
        .select({ tries: sql<number>`coalesce(sum(${rateLimits.hits}), 0)::int`, latest: sql<string | null>`max(${rateLimits.windowStart})` })
        .from(rateLimits)
        .where(and(eq(rateLimits.key, key), gt(rateLimits.windowStart, since)))
      const over = (seen?.tries ?? 0) - rule.free
      if (over < 0 || !seen?.latest) continue
      const waitSeconds = Math.min(rule.firstWaitSeconds * 2 ** over, rule.maxWaitSeconds)
      const allowedAt = new Date(new Date(seen.latest).getTime() + waitSeconds * 1000)
      if (allowedAt > now && (!retryAt || allowedAt > retryAt)) retryAt = allowedAt
    }
    if (retryAt) return { ok: false as const, retryAt }
    for (const { key } of keyed) {
      await tx
        .insert(rateLimits)
        .values({ key, windowStart: now, hits: 1 })
        .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    }
    return { ok: true as const }
  })
}

/** Forgets the tries counted for a subject (e.g. once its owner has proved who they are). */
export async function clearBackoff(rule: Backoff, subject: string) {
  await getDb().delete(rateLimits).where(eq(rateLimits.key, `${rule.name}:${subjectKey(subject)}`))
}

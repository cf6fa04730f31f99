import { createHash, randomBytes } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import type { Language } from '~/platform/i18n/config'
import { consultationAlerts } from './schema'

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')

export type AlertRequest = { email: string; language: Language } & ({ kind: 'opening'; consultationId: string } | { kind: 'new'; topics: string[] })

/**
 * Records an alert waiting for its address to be confirmed and returns the token for the
 * confirmation link. An address that already has a live alert gets a fresh token on the same
 * row, so the caller answers the same either way (no address enumeration).
 */
export async function requestAlert(request: AlertRequest) {
  const token = randomBytes(32).toString('base64url')
  const email = request.email.trim()
  const consultationId = request.kind === 'opening' ? request.consultationId : null
  const topics = request.kind === 'new' ? request.topics : []
  const db = getDb()
  const [existing] = await db
    .select({ id: consultationAlerts.id })
    .from(consultationAlerts)
    .where(
      and(
        eq(consultationAlerts.kind, request.kind),
        consultationId ? eq(consultationAlerts.consultationId, consultationId) : isNull(consultationAlerts.consultationId),
        sql`lower(${consultationAlerts.email}) = lower(${email})`,
        isNull(consultationAlerts.unsubscribedAt),
      ),
    )
  if (existing) {
    await db.update(consultationAlerts).set({ tokenHash: hashOf(token), language: request.language, topics }).where(eq(consultationAlerts.id, existing.id))
  } else {
    await db.insert(consultationAlerts).values({ kind: request.kind, email, language: request.language, consultationId, topics, tokenHash: hashOf(token) })
  }
  return token
}

/** The live alert a link's token names, or null. Reading it changes nothing (mail scanners prefetch links). */
export async function findAlert(token: string) {
  const [alert] = await getDb()
    .select()
    .from(consultationAlerts)
    .where(and(eq(consultationAlerts.tokenHash, hashOf(token)), isNull(consultationAlerts.unsubscribedAt)))
  return alert ?? null
}

/** Confirms the address (double opt-in); confirming twice is the same as once. */
export async function confirmAlert(token: string) {
  const [alert] = await getDb()
    .update(consultationAlerts)
    .set({ confirmedAt: sql`coalesce(${consultationAlerts.confirmedAt}, now())` })
    .where(and(eq(consultationAlerts.tokenHash, hashOf(token)), isNull(consultationAlerts.unsubscribedAt)))
    .returning({ id: consultationAlerts.id })
  return Boolean(alert)
}

/** Stops the alert the token names, without an account (the one-click unsubscribe). */
export async function unsubscribeAlert(token: string) {
  const [alert] = await getDb()
    .update(consultationAlerts)
    .set({ unsubscribedAt: new Date() })
    .where(and(eq(consultationAlerts.tokenHash, hashOf(token)), isNull(consultationAlerts.unsubscribedAt)))
    .returning({ id: consultationAlerts.id })
  return Boolean(alert)
}

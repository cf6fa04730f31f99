import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { isLanguage, type Language } from '~/platform/i18n/config'
import { consultationAlerts, consultations } from './schema'
import { isConsultationTopic } from './topics'

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url')

export type AlertRequest = { email: string; language: Language } & ({ kind: 'opening'; consultationId: string } | { kind: 'new'; topics: string[] })
export type Alert = typeof consultationAlerts.$inferSelect

// What a confirmed alert is to become once its new link is confirmed, carried in the link itself
// (the hash covers it): asking again must not change what someone already confirmed.
type Pending = { topics: string[]; language: Language }
const encodePending = (pending: Pending) => Buffer.from(JSON.stringify(pending)).toString('base64url')

function pendingIn(token: string): Pending | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<Pending>
    if (!Array.isArray(value.topics) || !value.topics.every(isConsultationTopic) || !isLanguage(value.language)) return null
    return { topics: value.topics, language: value.language }
  } catch {
    return null
  }
}

/**
 * Records an alert waiting for its address to be confirmed and returns the token for the
 * confirmation link. An address that already has a live alert gets a fresh token on the same
 * row, so the caller answers the same either way (no address enumeration); a confirmed alert
 * keeps its topics and language until the new link is confirmed.
 */
export async function requestAlert(request: AlertRequest) {
  const random = randomBytes(32).toString('base64url')
  const email = request.email.trim()
  const consultationId = request.kind === 'opening' ? request.consultationId : null
  const topics = request.kind === 'new' ? request.topics : []
  const db = getDb()
  const [existing] = await db
    .select({ id: consultationAlerts.id, confirmedAt: consultationAlerts.confirmedAt })
    .from(consultationAlerts)
    .where(
      and(
        eq(consultationAlerts.kind, request.kind),
        consultationId ? eq(consultationAlerts.consultationId, consultationId) : isNull(consultationAlerts.consultationId),
        sql`lower(${consultationAlerts.email}) = lower(${email})`,
        isNull(consultationAlerts.unsubscribedAt),
      ),
    )
  if (existing?.confirmedAt) {
    const token = `${random}.${encodePending({ topics, language: request.language })}`
    await db.update(consultationAlerts).set({ tokenHash: hashOf(token) }).where(eq(consultationAlerts.id, existing.id))
    return token
  }
  if (existing) {
    await db.update(consultationAlerts).set({ tokenHash: hashOf(random), language: request.language, topics }).where(eq(consultationAlerts.id, existing.id))
  } else {
    await db.insert(consultationAlerts).values({ kind: request.kind, email, language: request.language, consultationId, topics, tokenHash: hashOf(random) })
  }
  return random
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
  const pending = pendingIn(token)
  const [alert] = await getDb()
    .update(consultationAlerts)
    .set({ confirmedAt: sql`coalesce(${consultationAlerts.confirmedAt}, now())`, ...(pending ?? {}) })
    .where(and(eq(consultationAlerts.tokenHash, hashOf(token)), isNull(consultationAlerts.unsubscribedAt)))
    .returning({ id: consultationAlerts.id })
  return Boolean(alert)
}

// The unsubscribe link signs the alert's id, so every email's link keeps working however often
// the confirmation token changes. Its own prefix keeps it from standing in for another signature.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const stopSignature = (alertId: string) => createHmac('sha256', getEnv().SESSION_SECRET).update(`alert-unsubscribe:${alertId}`).digest('base64url')

/** The one-click unsubscribe link every alert email carries (List-Unsubscribe and in the text). */
export function alertUnsubscribeUrl(alertId: string) {
  return `${getEnv().PUBLIC_URL}/alerts/unsubscribe/${alertId}.${stopSignature(alertId)}`
}

/** The alert id an unsubscribe link names, or null for a link we did not sign. */
export function readAlertUnsubscribeToken(token: string) {
  const [alertId, given, ...rest] = token.split('.')
  if (rest.length || !UUID.test(alertId ?? '')) return null
  const expected = Buffer.from(stopSignature(alertId!))
  const actual = Buffer.from(given ?? '')
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? alertId! : null
}

/** The alert an unsubscribe link names, stopped or not; null if the link is not ours or the alert is gone. */
export async function findAlertToStop(token: string) {
  const alertId = readAlertUnsubscribeToken(token)
  if (!alertId) return null
  const [alert] = await getDb().select().from(consultationAlerts).where(eq(consultationAlerts.id, alertId))
  return alert ?? null
}

/**
 * Stops the alert, without an account: by its signed unsubscribe link (the one-click unsubscribe)
 * or by its confirmation token. Says whether this call stopped it (false once already stopped).
 */
export async function unsubscribeAlert(token: string) {
  const alertId = readAlertUnsubscribeToken(token)
  const [alert] = await getDb()
    .update(consultationAlerts)
    .set({ unsubscribedAt: new Date() })
    .where(and(alertId ? eq(consultationAlerts.id, alertId) : eq(consultationAlerts.tokenHash, hashOf(token)), isNull(consultationAlerts.unsubscribedAt)))
    .returning({ id: consultationAlerts.id })
  return Boolean(alert)
}

/** What an alert is about, for its pages: the consultation (opening) or the topics (new). */
export async function describeAlert(alert: Alert) {
  const [consultation] = alert.consultationId
    ? await getDb().select({ slug: consultations.slug, title: consultations.title, opensAt: consultations.opensAt }).from(consultations).where(eq(consultations.id, alert.consultationId))
    : []
  return { kind: alert.kind, topics: alert.topics, consultation: consultation ?? null, confirmed: Boolean(alert.confirmedAt), stopped: Boolean(alert.unsubscribedAt) }
}

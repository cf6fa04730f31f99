import { createHmac, timingSafeEqual } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { type EmailChoice, notificationChoices } from './forms-profile'
import { users } from './schema'

const preference = {
  replies: 'notifyReplies',
  eventUpdates: 'notifyEventUpdates',
  milestones: 'notifyMilestones',
} as const satisfies Record<EmailChoice, keyof typeof users.$inferSelect>

const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// Its own prefix, so this signature can never stand in for another made with the same secret.
const signature = (choice: EmailChoice, userId: string) =>
  createHmac('sha256', getEnv().SESSION_SECRET).update(`unsubscribe:${choice}:${userId}`).digest('base64url')

/**
 * The link in an email that turns that kind of email off for the person without signing in. It
 * signs who and which kind, so nothing is stored and only the person's mailbox holds the link.
 */
export function unsubscribeUrl(userId: string, choice: EmailChoice) {
  return `${getEnv().PUBLIC_URL}/unsubscribe/${choice}.${userId}.${signature(choice, userId)}`
}

/** Who and which kind of email a link names, or null for a link we did not make. */
export function readUnsubscribeToken(token: string) {
  const [choice, userId, given, ...rest] = token.split('.')
  if (rest.length || !notificationChoices.includes(choice as EmailChoice) || !USER_ID.test(userId ?? '')) return null
  const expected = Buffer.from(signature(choice as EmailChoice, userId!))
  const actual = Buffer.from(given ?? '')
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null
  return { choice: choice as EmailChoice, userId: userId! }
}

/** Which kind of email the link turns off and whether the person still gets it; null if the link is not ours or the account is gone. */
export async function findUnsubscribe(token: string) {
  const link = readUnsubscribeToken(token)
  if (!link) return null
  const [row] = await getDb().select({ on: users[preference[link.choice]] }).from(users).where(eq(users.id, link.userId))
  return row ? { choice: link.choice, on: row.on } : null
}

/** Turns that kind of email off for the person the link names. Saying it twice is the same as once. */
export async function unsubscribe(token: string) {
  const link = readUnsubscribeToken(token)
  if (!link) return { ok: false as const, reason: 'not_found' as const }
  const updated = await getDb()
    .update(users)
    .set({ [preference[link.choice]]: false })
    .where(eq(users.id, link.userId))
    .returning({ id: users.id })
  return updated.length ? { ok: true as const, choice: link.choice } : { ok: false as const, reason: 'not_found' as const }
}

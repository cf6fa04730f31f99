import { createCookie, redirect } from '@remix-run/node'
import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { sessions, userRoles, users } from './schema'

const SESSION_DAYS = 30

function sessionCookie() {
  const env = getEnv()
  return createCookie('guth_session', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: env.PUBLIC_URL.startsWith('https:'),
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 3600,
  })
}

export interface SignedInUser {
  id: string
  email: string
  displayName: string | null
  locale: 'en' | 'gd'
  roles: ('moderator' | 'official' | 'admin')[]
  sessionId: string
  sessionVerifiedAt: Date
}

async function sessionIdFrom(request: Request): Promise<string | undefined> {
  // A tampered or foreign cookie fails its signature and reads as "no session".
  const value = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && /^[0-9a-f-]{36}$/.test(value) ? value : undefined
}

/** The person behind this request's session, or null. Expired and revoked sessions are nobody. */
export async function findSessionUser(request: Request): Promise<SignedInUser | null> {
  const sessionId = await sessionIdFrom(request)
  if (!sessionId) return null
  const db = getDb()
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      sessionVerifiedAt: sessions.verifiedAt,
      // One query per request: this runs on every page.
      roles: sql<SignedInUser['roles']>`coalesce((select array_agg(${userRoles.role}::text) from ${userRoles} where ${userRoles.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date())))
  if (!row) return null
  return { ...row, sessionId }
}

/**
 * Starts a new session for the person, ending the one this browser had (so a session id
 * planted before sign-in is worthless after it). Returns the Set-Cookie header.
 */
export async function startSession(request: Request, userId: string) {
  const previous = await sessionIdFrom(request)
  const db = getDb()
  const [session] = await db.transaction(async (tx) => {
    if (previous) await tx.delete(sessions).where(eq(sessions.id, previous))
    await tx.update(users).set({ lastSignedInAt: new Date() }).where(eq(users.id, userId))
    return tx
      .insert(sessions)
      .values({
        userId,
        expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000),
        userAgent: request.headers.get('user-agent')?.slice(0, 300) ?? null,
      })
      .returning({ id: sessions.id })
  })
  return sessionCookie().serialize(session!.id)
}

/** Ends this browser's session. Returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request) {
  const sessionId = await sessionIdFrom(request)
  if (sessionId) await getDb().delete(sessions).where(eq(sessions.id, sessionId))
  return sessionCookie().serialize('', { maxAge: 0 })
}

/** Ends every session the person has, on every device. */
export async function endAllSessions(userId: string) {
  await getDb().delete(sessions).where(eq(sessions.userId, userId))
  return sessionCookie().serialize('', { maxAge: 0 })
}

export async function markSessionVerified(sessionId: string) {
  await getDb().update(sessions).set({ verifiedAt: new Date() }).where(eq(sessions.id, sessionId))
}

export async function purgeExpiredSessions(now = new Date()) {
  await getDb().delete(sessions).where(lt(sessions.expiresAt, now))
}

/** Sends someone who is not signed in to the sign-in page, and back here afterwards. */
export function signInRedirect(request: Request) {
  const url = new URL(request.url)
  const back = url.pathname + url.search
  return redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`)
}

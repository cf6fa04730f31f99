import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm'
import { getAuthGateway } from '~/platform/auth-gateway.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import type { Language } from '~/platform/i18n/config'
import { type Backoff, clearBackoff, hitBackoffs } from '~/platform/rate-limit.server'
import { safeRedirectPath } from '~/platform/redirect'
import { recordAudit } from './audit.server'
import { signInAttempts, users } from './schema'
import { startSession } from './sessions.server'

const ATTEMPT_MINUTES = 10
export const MAX_TRIES = 5

// Asking for codes is limited, guessing is limited per attempt (MAX_TRIES); see decision 013.
export const limits = {
  requestPerEmail: { name: 'sign-in-request:email', free: 3, windowSeconds: 24 * 3600, firstWaitSeconds: 30, maxWaitSeconds: 3600 },
  requestPerIp: { name: 'sign-in-request:ip', free: 30, windowSeconds: 15 * 60, firstWaitSeconds: 30, maxWaitSeconds: 15 * 60 },
} satisfies Record<string, Backoff>

export type SignInFailure =
  | { ok: false; reason: 'rate_limited'; retryAt: Date }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'too_many_tries' }
  | { ok: false; reason: 'wrong_code'; triesLeft: number }

/**
 * Sends a code and a link to the address. Everyone gets the same answer and the same kind of
 * attempt, so nobody can learn from it whether an address has an account.
 */
export async function requestSignIn(input: {
  email: string
  redirectTo: unknown
  language: Language
  ip: string
  isBot: boolean
  request: Request
  now?: Date
}): Promise<{ ok: true; attemptId: string } | Extract<SignInFailure, { reason: 'rate_limited' }>> {
  const email = input.email.trim().toLowerCase()
  const now = input.now ?? new Date()
  const limited = await hitBackoffs(
    [
      [limits.requestPerEmail, email],
      [limits.requestPerIp, input.ip],
    ],
    now,
  )
  if (!limited.ok) return { ok: false, reason: 'rate_limited', retryAt: limited.retryAt }
  const db = getDb()
  const [attempt] = await db
    .insert(signInAttempts)
    .values({
      email,
      redirectTo: safeRedirectPath(input.redirectTo),
      expiresAt: new Date(now.getTime() + ATTEMPT_MINUTES * 60_000),
    })
    .returning({ id: signInAttempts.id })
  // A filled honeypot gets the same page and no email, and leaves the person's last code alive.
  if (!input.isBot) {
    await db
      .update(signInAttempts)
      .set({ expiresAt: now })
      .where(and(eq(signInAttempts.email, email), isNull(signInAttempts.usedAt), ne(signInAttempts.id, attempt!.id), gt(signInAttempts.expiresAt, now)))
    const gateway = await getAuthGateway()
    const confirmUrl = `${getEnv().PUBLIC_URL}/sign-in/confirm?attempt=${attempt!.id}`
    const hashes = await gateway.sendSignIn({
      email,
      language: input.language,
      attemptId: attempt!.id,
      confirmUrl,
      request: input.request,
    })
    await db.update(signInAttempts).set(hashes).where(eq(signInAttempts.id, attempt!.id))
  }
  return { ok: true, attemptId: attempt!.id }
}

/**
 * An attempt that can still be used, or why not. Counts the try before checking it. No limit by
 * IP here: a valid code must always work, and MAX_TRIES per attempt already bounds guessing.
 */
async function claimTry(attemptId: string) {
  const [attempt] = await getDb()
    .update(signInAttempts)
    .set({ tries: sql`${signInAttempts.tries} + 1` })
    .where(and(eq(signInAttempts.id, attemptId), isNull(signInAttempts.usedAt), gt(signInAttempts.expiresAt, new Date())))
    .returning()
  if (!attempt) return { ok: false as const, reason: 'expired' as const }
  if (attempt.tries > MAX_TRIES) return { ok: false as const, reason: 'too_many_tries' as const }
  return { ok: true as const, attempt }
}

async function completeSignIn(
  request: Request,
  attempt: typeof signInAttempts.$inferSelect,
  identity: { email: string; externalId?: string; headers?: Headers },
  language: Language,
) {
  const db = getDb()
  // Single use: only the first of two simultaneous tries gets through.
  const [claimed] = await db
    .update(signInAttempts)
    .set({ usedAt: new Date() })
    .where(and(eq(signInAttempts.id, attempt.id), isNull(signInAttempts.usedAt)))
    .returning({ id: signInAttempts.id })
  if (!claimed) return { ok: false as const, reason: 'expired' as const }
  const userId = await findOrCreateUser(identity, language)
  // Whoever proved the address is its owner: their earlier requests no longer make them wait.
  await clearBackoff(limits.requestPerEmail, attempt.email)
  // The identity provider's own cookies (Supabase's session) travel with Guth's session cookie.
  const headers = new Headers(identity.headers)
  headers.append('Set-Cookie', await startSession(request, userId))
  await recordAudit({ actorId: userId, action: 'account.signed_in', subjectType: 'user', subjectId: userId })
  return { ok: true as const, headers, redirectTo: safeRedirectPath(attempt.redirectTo) }
}

async function findOrCreateUser(identity: { email: string; externalId?: string }, language: Language) {
  const db = getDb()
  const email = identity.email.toLowerCase()
  const [existing] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`)
  if (existing) return existing.id
  const [created] = await db
    .insert(users)
    .values({ ...(identity.externalId ? { id: identity.externalId } : {}), email, locale: language })
    .onConflictDoNothing()
    .returning({ id: users.id })
  if (created) return created.id
  const [raced] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`)
  return raced!.id
}

export async function verifySignInCode(input: {
  attemptId: string
  code: string
  language: Language
  request: Request
}) {
  const claimed = await claimTry(input.attemptId)
  if (!claimed.ok) return claimed
  const { attempt } = claimed
  const gateway = await getAuthGateway()
  const result = await gateway.verifyCode({
    email: attempt.email,
    code: input.code,
    attemptId: attempt.id,
    codeHash: attempt.codeHash,
    request: input.request,
  })
  if (!result.ok) {
    if (result.reason === 'expired') return { ok: false as const, reason: 'expired' as const }
    const triesLeft = MAX_TRIES - attempt.tries
    if (triesLeft <= 0) return { ok: false as const, reason: 'too_many_tries' as const }
    return { ok: false as const, reason: 'wrong_code' as const, triesLeft }
  }
  return completeSignIn(input.request, attempt, result, input.language)
}

export async function verifySignInLink(input: {
  attemptId: string
  token: string
  language: Language
  request: Request
}) {
  const claimed = await claimTry(input.attemptId)
  if (!claimed.ok) return claimed
  const gateway = await getAuthGateway()
  const result = await gateway.verifyLink({
    email: claimed.attempt.email,
    token: input.token,
    linkHash: claimed.attempt.linkHash,
    request: input.request,
  })
  // A link is all or nothing: a wrong one is treated as a used or expired one.
  if (!result.ok) return { ok: false as const, reason: 'expired' as const }
  return completeSignIn(input.request, claimed.attempt, result, input.language)
}

export async function purgeOldSignInAttempts(now = new Date()) {
  await getDb()
    .delete(signInAttempts)
    .where(lt(signInAttempts.expiresAt, new Date(now.getTime() - 24 * 3600_000)))
}

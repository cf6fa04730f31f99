import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { browserRequest } from '../../tests/helpers/requests'
import { createSupabaseGateway } from './auth-gateway.supabase.server'
import { setEnvForTests } from './env.server'

// A stand-in for Supabase Auth (GoTrue) at https://guth-test.supabase.co/auth/v1, answering as
// the real one does. auth-js sends X-Supabase-Api-Version: 2024-01-01, so errors come back in
// that version's shape ({ code, message }); the older shape is tried where it matters.
const AUTH = 'https://guth-test.supabase.co/auth/v1'
const COOKIE = 'sb-guth-test-auth-token'
const EMAIL = 'ada@example.org'
const CODE = '424242'
const LINK_TOKEN_HASH = `pkce_${randomBytes(28).toString('hex')}`
const CONFIRM_URL = 'http://localhost:3000/sign-in/confirm?attempt=attempt-1'

type User = ReturnType<typeof makeUser>
type Session = ReturnType<typeof issueSession>

function makeUser(email: string, metadata: Record<string, unknown> = {}) {
  const now = new Date().toISOString()
  return {
    id: randomUUID(),
    aud: 'authenticated',
    role: 'authenticated',
    email,
    email_confirmed_at: now,
    phone: '',
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: { email, email_verified: true, ...metadata },
    identities: [],
    created_at: now,
    updated_at: now,
    is_anonymous: false,
  }
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** A session as /verify and /token return it; the access token is a JWT with a junk signature. */
function issueSession(user: User, expiresIn = 3600) {
  const now = Math.floor(Date.now() / 1000)
  const claims = { aud: 'authenticated', exp: now + expiresIn, iat: now, sub: user.id, email: user.email, role: 'authenticated', session_id: randomUUID() }
  const session = {
    access_token: [b64url({ alg: 'HS256', typ: 'JWT' }), b64url(claims), 'junk-signature'].join('.'),
    token_type: 'bearer',
    expires_in: expiresIn,
    expires_at: now + expiresIn,
    refresh_token: randomBytes(9).toString('base64url'),
    user,
  }
  accessTokens.set(session.access_token, { userId: user.id, exp: claims.exp })
  refreshTokens.set(session.refresh_token, user.id)
  return session
}

const authError = (status: number, code: string, message: string) =>
  HttpResponse.json({ code, message }, { status, headers: { 'X-Supabase-Api-Version': '2024-01-01' } })

const users = new Map<string, User>()
const accessTokens = new Map<string, { userId: string; exp: number }>()
const refreshTokens = new Map<string, string>()
let calls: { method: string; url: URL; headers: Headers; body: Record<string, unknown> | null }[] = []

async function record(request: Request) {
  const body = request.method === 'GET' || request.method === 'DELETE' ? null : await request.clone().json().catch(() => null)
  calls.push({ method: request.method, url: new URL(request.url), headers: request.headers, body })
  return body as Record<string, unknown>
}
const callsTo = (pathname: string) => calls.filter((call) => call.url.pathname === `/auth/v1${pathname}`)

function signedInUser(request: Request) {
  const token = accessTokens.get(request.headers.get('Authorization')?.replace(/^Bearer /, '') ?? '')
  if (!token || token.exp * 1000 < Date.now()) return 'bad_jwt' as const
  return users.get(token.userId) ?? ('user_not_found' as const)
}

const server = setupServer(
  http.post(`${AUTH}/otp`, async ({ request }) => {
    await record(request)
    return HttpResponse.json({})
  }),
  http.post(`${AUTH}/verify`, async ({ request }) => {
    const body = await record(request)
    const user = [...users.values()].find((u) => u.email === EMAIL)
    const right = body.token_hash ? body.token_hash === LINK_TOKEN_HASH : body.email === EMAIL && body.token === CODE
    if (!user || !right) return authError(403, 'otp_expired', 'Token has expired or is invalid')
    return HttpResponse.json(issueSession(user))
  }),
  http.get(`${AUTH}/user`, async ({ request }) => {
    await record(request)
    const user = signedInUser(request)
    if (user === 'bad_jwt') return authError(403, 'bad_jwt', 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired')
    if (user === 'user_not_found') return authError(403, 'user_not_found', 'User from sub claim in JWT does not exist')
    return HttpResponse.json(user)
  }),
  http.post(`${AUTH}/token`, async ({ request }) => {
    const body = await record(request)
    const user = users.get(refreshTokens.get(String(body.refresh_token)) ?? '')
    if (new URL(request.url).searchParams.get('grant_type') !== 'refresh_token' || !user) {
      return authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found')
    }
    refreshTokens.delete(String(body.refresh_token))
    return HttpResponse.json(issueSession(user))
  }),
  http.post(`${AUTH}/logout`, async ({ request }) => {
    await record(request)
    const user = signedInUser(request)
    if (typeof user === 'string') return authError(403, user, 'Session not found or user gone')
    return new HttpResponse(null, { status: 204 })
  }),
  http.get(`${AUTH}/admin/users/:id`, async ({ request, params }) => {
    await record(request)
    const user = users.get(String(params.id))
    return user ? HttpResponse.json(user) : authError(404, 'user_not_found', 'User not found')
  }),
  http.delete(`${AUTH}/admin/users/:id`, async ({ request, params }) => {
    await record(request)
    return users.delete(String(params.id)) ? HttpResponse.json({}) : authError(404, 'user_not_found', 'User not found')
  }),
)

const gateway = createSupabaseGateway()
let ada: User

beforeAll(() => {
  setEnvForTests({
    SUPABASE_URL: 'https://guth-test.supabase.co',
    SUPABASE_ANON_KEY: 'anon-key',
    SUPABASE_SERVICE_ROLE_KEY: 'service-key',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'guth-supabase-')),
  })
  server.listen({ onUnhandledRequest: 'error' })
})
beforeEach(() => {
  ada = makeUser(EMAIL)
  users.set(ada.id, ada)
})
afterEach(() => {
  server.resetHandlers()
  users.clear()
  accessTokens.clear()
  refreshTokens.clear()
  calls = []
  vi.restoreAllMocks()
})
afterAll(() => {
  server.close()
  setEnvForTests({})
})

/** The session cookie(s) as @supabase/ssr writes them: base64url JSON, split into .0, .1… past 3180 characters. */
function sessionCookies(session: Session) {
  const value = `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`
  if (value.length <= 3180) return [`${COOKIE}=${value}`]
  return (value.match(/.{1,3180}/g) ?? []).map((chunk, i) => `${COOKIE}.${i}=${chunk}`)
}

/** The session Set-Cookie headers hand the browser, joined back from its chunks. */
function sessionIn(headers: Headers | undefined): Session | null {
  const chunks = (headers?.getSetCookie() ?? [])
    .map((line) => line.split(';')[0]!.split('='))
    .filter(([name, value]) => (name === COOKIE || name!.startsWith(`${COOKIE}.`)) && value)
    .map(([, value]) => value)
  if (chunks.length === 0) return null
  return JSON.parse(Buffer.from(chunks.join('').replace(/^base64-/, ''), 'base64url').toString('utf8')) as Session
}

const cleared = (headers: Headers | undefined) =>
  (headers?.getSetCookie() ?? []).filter((line) => line.startsWith(`${COOKIE}=;`) && /Max-Age=0/i.test(line))

const signIn = () =>
  gateway.verifyCode({ email: EMAIL, code: CODE, attemptId: 'attempt-1', codeHash: null, request: browserRequest('/sign-in/code/attempt-1') })

test('asking for a code sends Supabase the address, lets it create the user, and points the link at Guth’s confirm page', async () => {
  const hashes = await gateway.sendSignIn({
    email: EMAIL,
    language: 'gd',
    attemptId: 'attempt-1',
    confirmUrl: CONFIRM_URL,
    request: browserRequest('/sign-in'),
  })

  expect(hashes).toEqual({ codeHash: null, linkHash: null })
  const [otp] = callsTo('/otp')
  expect(otp?.body).toMatchObject({ email: EMAIL, create_user: true, data: { locale: 'gd' } })
  expect(otp?.url.searchParams.get('redirect_to')).toBe(CONFIRM_URL)
  expect(otp?.headers.get('apikey')).toBe('anon-key')
})

test('when Supabase holds back the email for its own rate limit, the person sees the usual page and a warning is logged', async () => {
  server.use(http.post(`${AUTH}/otp`, () => authError(429, 'over_email_send_rate_limit', 'email rate limit exceeded')))
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

  const hashes = await gateway.sendSignIn({ email: EMAIL, language: 'en', attemptId: 'a', confirmUrl: CONFIRM_URL, request: browserRequest('/sign-in') })

  expect(hashes).toEqual({ codeHash: null, linkHash: null })
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('over_email_send_rate_limit'))
})

test('any other refusal to send the email is an unexpected failure', async () => {
  server.use(http.post(`${AUTH}/otp`, () => authError(500, 'unexpected_failure', 'Error sending magic link email')))
  await expect(
    gateway.sendSignIn({ email: EMAIL, language: 'en', attemptId: 'a', confirmUrl: CONFIRM_URL, request: browserRequest('/sign-in') }),
  ).rejects.toThrow(/send a sign-in email/)
})

test('the right code signs in as Supabase’s user, confirmed with getUser, and hands the browser Supabase’s session cookie', async () => {
  const result = await signIn()

  expect(result).toMatchObject({ ok: true, email: EMAIL, externalId: ada.id })
  const session = sessionIn(result.ok ? result.headers : undefined)
  expect(session?.user.id).toBe(ada.id)
  expect(callsTo('/verify')[0]?.body).toMatchObject({ email: EMAIL, token: CODE, type: 'email' })
  expect(callsTo('/user').map((call) => call.headers.get('Authorization'))).toEqual([`Bearer ${session?.access_token}`])
  const cookie = result.ok ? result.headers?.getSetCookie().find((line) => line.startsWith(`${COOKIE}=base64-`)) : undefined
  expect(cookie).toMatch(/; Path=\/; .*HttpOnly; SameSite=Lax/)
  expect(result.ok && result.headers?.get('Cache-Control')).toMatch(/no-store/)
})

test.each([
  ['current error shape', () => authError(403, 'otp_expired', 'Token has expired or is invalid')],
  ['older error shape', () => HttpResponse.json({ code: 403, error_code: 'otp_expired', msg: 'Token has expired or is invalid' }, { status: 403 })],
])('a wrong or expired code is simply wrong (Guth counts the tries), with no cookies (%s)', async (_shape, answer) => {
  server.use(http.post(`${AUTH}/verify`, answer))

  const result = await gateway.verifyCode({ email: EMAIL, code: '000000', attemptId: 'a', codeHash: null, request: browserRequest('/') })

  expect(result).toEqual({ ok: false, reason: 'wrong' })
  expect(callsTo('/user')).toHaveLength(0)
})

test('Supabase failing while a code is checked is an unexpected failure, not a wrong code', async () => {
  server.use(http.post(`${AUTH}/verify`, () => authError(503, 'unexpected_failure', 'Service unavailable')))
  await expect(signIn()).rejects.toThrow(/verify a sign-in/)
})

test('the emailed link signs in with its token hash; a used or old one has expired', async () => {
  const verifyLink = (token: string) =>
    gateway.verifyLink({ email: EMAIL, token, linkHash: null, request: browserRequest('/sign-in/confirm?attempt=attempt-1') })

  const result = await verifyLink(LINK_TOKEN_HASH)
  expect(result).toMatchObject({ ok: true, email: EMAIL, externalId: ada.id })
  expect(sessionIn(result.ok ? result.headers : undefined)?.user.email).toBe(EMAIL)
  expect(callsTo('/verify')[0]?.body).toMatchObject({ token_hash: LINK_TOKEN_HASH, type: 'email' })
  expect(callsTo('/verify')[0]?.body).not.toHaveProperty('email')

  expect(await verifyLink(`pkce_${'0'.repeat(56)}`)).toEqual({ ok: false, reason: 'expired' })
})

test('a link that proves another address does not finish this attempt', async () => {
  const result = await gateway.verifyLink({ email: 'grace@example.org', token: LINK_TOKEN_HASH, linkHash: null, request: browserRequest('/') })
  expect(result).toEqual({ ok: false, reason: 'expired' })
})

test.each([
  ['in one cookie', {}],
  ['in chunks (.0, .1)', { bio: 'x'.repeat(4000) }],
])('a session whose access token has expired is refreshed with its refresh token and stays signed in (%s)', async (_how, metadata) => {
  const user = makeUser(EMAIL, metadata)
  users.set(user.id, user)
  const expired = issueSession(user, -60)
  expect(sessionCookies(expired).length > 1).toBe(Object.keys(metadata).length > 0)

  const confirmed = await gateway.confirmIdentity(browserRequest('/', sessionCookies(expired)))

  expect(confirmed.ok).toBe(true)
  expect(callsTo('/token')).toHaveLength(1)
  expect(callsTo('/token')[0]?.url.searchParams.get('grant_type')).toBe('refresh_token')
  expect(callsTo('/token')[0]?.body).toEqual({ refresh_token: expired.refresh_token })
  const renewed = sessionIn(confirmed.headers)
  expect(renewed?.refresh_token).not.toBe(expired.refresh_token)
  expect(callsTo('/user').map((call) => call.headers.get('Authorization'))).toEqual([`Bearer ${renewed?.access_token}`])
})

test('a session that is still fresh is confirmed without new cookies', async () => {
  const confirmed = await gateway.confirmIdentity(browserRequest('/', sessionCookies(issueSession(ada))))
  expect(confirmed.ok).toBe(true)
  expect(confirmed.headers?.getSetCookie()).toEqual([])
  expect(callsTo('/token')).toHaveLength(0)
})

test.each([
  ['its access token still valid', 3600],
  ['its access token expired, so the refresh fails too', -60],
])('someone whose Supabase user was deleted is no longer confirmed, and the Supabase cookie is cleared (%s)', async (_how, expiresIn) => {
  const session = issueSession(ada, expiresIn)
  users.delete(ada.id)
  // auth-js warns (console.warn) about the dead refresh token when it tries it.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)

  const confirmed = await gateway.confirmIdentity(browserRequest('/', sessionCookies(session)))

  expect(confirmed.ok).toBe(false)
  expect(cleared(confirmed.headers)).toHaveLength(1)
})

test('someone without any Supabase session is not confirmed', async () => {
  expect((await gateway.confirmIdentity(browserRequest('/'))).ok).toBe(false)
  expect(calls).toHaveLength(0)
})

test('while Supabase is unreachable a session is kept, with a warning, rather than signing people out', async () => {
  server.use(http.get(`${AUTH}/user`, () => authError(503, 'unexpected_failure', 'Service unavailable')))
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

  const confirmed = await gateway.confirmIdentity(browserRequest('/', sessionCookies(issueSession(ada))))

  expect(confirmed.ok).toBe(true)
  expect(cleared(confirmed.headers)).toEqual([])
  expect(warn).toHaveBeenCalledOnce()
})

test('signing out everywhere revokes every Supabase session and clears the cookie', async () => {
  const signedIn = await signIn()
  const cookies = (signedIn.ok && signedIn.headers?.getSetCookie()) || []

  const headers = await gateway.signOut(browserRequest('/sign-out', cookies), 'global')

  const [logout] = callsTo('/logout')
  expect(logout?.url.searchParams.get('scope')).toBe('global')
  expect(logout?.headers.get('Authorization')).toBe(`Bearer ${sessionIn(signedIn.ok ? signedIn.headers : undefined)?.access_token}`)
  expect(cleared(headers)).toHaveLength(1)
})

test('signing out here clears the cookie even when Supabase cannot be reached; everywhere cannot pretend to have worked', async () => {
  server.use(http.post(`${AUTH}/logout`, () => HttpResponse.error()))
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  const cookies = sessionCookies(issueSession(ada))

  expect(cleared(await gateway.signOut(browserRequest('/sign-out', cookies), 'local'))).toHaveLength(1)
  await expect(gateway.signOut(browserRequest('/sign-out', cookies), 'global')).rejects.toThrow(/sign out everywhere/)
})

test('deleting an account deletes its Supabase user with the service role key; one already gone is fine', async () => {
  await gateway.deleteIdentity({ email: EMAIL, externalId: ada.id })

  expect(users.has(ada.id)).toBe(false)
  const deleted = callsTo(`/admin/users/${ada.id}`).find((call) => call.method === 'DELETE')
  expect(deleted?.headers.get('Authorization')).toBe('Bearer service-key')
  expect(deleted?.headers.get('apikey')).toBe('service-key')

  await expect(gateway.deleteIdentity({ email: EMAIL, externalId: ada.id })).resolves.toBeUndefined()
  await expect(gateway.deleteIdentity({ email: 'no-one@example.org' })).resolves.toBeUndefined()
})

test('a failure to delete the Supabase user is not hidden', async () => {
  server.use(http.delete(`${AUTH}/admin/users/:id`, () => authError(500, 'unexpected_failure', 'Database error deleting user')))
  await expect(gateway.deleteIdentity({ email: EMAIL, externalId: ada.id })).rejects.toThrow(/delete a user/)
})

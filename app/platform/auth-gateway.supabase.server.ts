import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr'
import { type AuthError, type VerifyOtpParams, createClient, isAuthRetryableFetchError } from '@supabase/supabase-js'
import type { AuthGateway, Verification } from './auth-gateway.server'
import { getEnv } from './env.server'
import { logWarning } from './log.server'

/**
 * A Supabase client for one request: it reads Supabase's session from the request's cookies
 * and collects in `headers` the Set-Cookie values it wants sent back (a new, refreshed or
 * cleared session, chunked as @supabase/ssr sees fit).
 */
function requestClient(request: Request) {
  const env = getEnv()
  const headers = new Headers()
  const supabase = createServerClient(env.SUPABASE_URL!, env.SUPABASE_ANON_KEY!, {
    // Only the server ever reads these cookies, so scripts in the page need not see them.
    cookieOptions: { httpOnly: true, secure: env.PUBLIC_URL.startsWith('https:') },
    cookies: {
      getAll: () => parseCookieHeader(request.headers.get('Cookie') ?? ''),
      setAll(cookies, cacheHeaders) {
        for (const { name, value, options } of cookies) {
          const cookie = serializeCookieHeader(name, value, options)
          // A failed check followed by a sign-out can clear the same cookie twice.
          if (!headers.getSetCookie().includes(cookie)) headers.append('Set-Cookie', cookie)
        }
        // A response carrying someone's Supabase session must not be cached by a proxy.
        for (const [name, value] of Object.entries(cacheHeaders)) headers.set(name, value)
      },
    },
  })
  return { supabase, headers }
}

/** Supabase is down, overloaded or rate limiting Guth's server: nothing the person did. */
function isOutage(error: AuthError) {
  return isAuthRetryableFetchError(error) || !error.status || error.status === 429 || error.status >= 500
}

function unexpected(what: string, error: AuthError) {
  return new Error(`Supabase Auth failed to ${what}: ${error.status ?? '-'} ${error.code ?? ''} ${error.message}`, { cause: error })
}

/** Checks a code or a link with Supabase, then asks Supabase who the new session belongs to. */
async function verify(request: Request, params: VerifyOtpParams, email: string, failure: 'wrong' | 'expired'): Promise<Verification> {
  const { supabase, headers } = requestClient(request)
  const verified = await supabase.auth.verifyOtp(params)
  if (verified.error) {
    if (isOutage(verified.error)) throw unexpected('verify a sign-in', verified.error)
    // Supabase answers a wrong and an expired code alike (403 otp_expired); Guth counts tries itself.
    return { ok: false, reason: failure }
  }
  // The session in the answer is only taken for proof once Supabase vouches for it.
  const { data, error } = await supabase.auth.getUser()
  if (error) throw unexpected('read the user it just signed in', error)
  // An attempt proves the address it was started for: another address's link does not finish it.
  if (!data.user.email || data.user.email.toLowerCase() !== email.toLowerCase()) return { ok: false, reason: failure }
  return { ok: true, email: data.user.email, externalId: data.user.id, headers }
}

/** Supabase Auth proves email ownership (code and link by its mail); Guth keeps its own session. */
export function createSupabaseGateway(): AuthGateway {
  return {
    kind: 'supabase',

    async sendSignIn({ email, language, confirmUrl, request }) {
      const { supabase } = requestClient(request)
      const { error } = await supabase.auth.signInWithOtp({
        email,
        options: { shouldCreateUser: true, emailRedirectTo: confirmUrl, data: { locale: language } },
      })
      if (error?.status === 429 || error?.code === 'over_email_send_rate_limit') {
        // Guth rate-limits sign-in requests itself, and the page must look the same either way.
        logWarning('Supabase Auth did not send a sign-in email (rate limited)', { code: error.code })
      } else if (error) {
        throw unexpected('send a sign-in email', error)
      }
      return { codeHash: null, linkHash: null }
    },

    verifyCode: ({ email, code, request }) => verify(request, { email, token: code, type: 'email' }, email, 'wrong'),

    // The email template links to Guth's confirm page: {{ .RedirectTo }}&token={{ .TokenHash }}
    verifyLink: ({ email, token, request }) => verify(request, { token_hash: token, type: 'email' }, email, 'expired'),

    async confirmIdentity(request) {
      const { supabase, headers } = requestClient(request)
      // Refreshes an expired access token first; setAll then receives the new cookies.
      const { error } = await supabase.auth.getUser()
      if (!error) return { ok: true, headers }
      if (isOutage(error)) {
        // Nobody is signed out because Supabase is briefly unreachable; the next check asks again.
        logWarning('Supabase Auth could not confirm a session; keeping it', { status: error.status, code: error.code })
        return { ok: true, headers }
      }
      // Gone, revoked or never there: Supabase's cookies go with Guth's session.
      await supabase.auth.signOut({ scope: 'local' })
      return { ok: false, headers }
    },

    async signOut(request, scope) {
      const { supabase, headers } = requestClient(request)
      const { error } = await supabase.auth.signOut({ scope })
      // A local sign-out clears the cookies before calling Supabase; a global one that never
      // reached Supabase has signed nobody out, and must not look as if it had.
      if (error && scope === 'global' && isOutage(error)) throw unexpected('sign out everywhere', error)
      if (error) logWarning('Supabase Auth sign-out failed', { scope, status: error.status, code: error.code })
      return headers
    },

    async deleteIdentity({ externalId }) {
      if (!externalId) return
      const env = getEnv()
      const admin = createClient(env.SUPABASE_URL!, env.SUPABASE_SERVICE_ROLE_KEY!, {
        auth: { persistSession: false, autoRefreshToken: false },
      })
      const { error } = await admin.auth.admin.deleteUser(externalId)
      // Already gone is the outcome wanted.
      if (error && error.status !== 404) throw unexpected('delete a user', error)
    },
  }
}

import { randomBytes, timingSafeEqual } from 'node:crypto'
import { getEnv } from './env.server'

export const CSRF_COOKIE = 'guth_csrf'
export const CSRF_FIELD = 'csrf'

const TOKEN = /^[A-Za-z0-9_-]{43}$/

function readCookie(header: string | null | undefined, name: string) {
  const match = header?.split(/;\s*/).find((part) => part.startsWith(`${name}=`))
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined
}

/**
 * The token for this browser's forms: the one in its `guth_csrf` cookie (kept for the browser
 * session), or a new one whose HttpOnly cookie is added to `headers`. Only a response that renders
 * a form asks for it, so feeds, calendar files, embeds and downloads, which a CDN may cache for
 * everyone, never set a cookie.
 */
export function csrfTokenFor(request: Request, headers: Headers) {
  const existing = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
  if (existing && TOKEN.test(existing)) return existing
  const token = randomBytes(32).toString('base64url')
  const secure = getEnv().PUBLIC_URL.startsWith('https:') ? '; Secure' : ''
  headers.append('Set-Cookie', `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`)
  return token
}

/** Throws 403 unless the form carries the token from this browser's cookie. */
export function assertCsrf(request: Request, form: FormData) {
  const expected = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
  const given = form.get(CSRF_FIELD)
  const ok =
    typeof expected === 'string' &&
    typeof given === 'string' &&
    expected.length === given.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(given))
  if (!ok) throw new Response('The form has expired', { status: 403, statusText: 'csrf' })
}

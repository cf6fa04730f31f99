import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { getEnv } from './env.server'

export const CSRF_COOKIE = 'guth_csrf'
export const CSRF_FIELD = 'csrf'

const TOKEN = /^[A-Za-z0-9_-]{43}$/
// An anonymous form's token names its six-hour period; a form stays good for a day after that.
const PERIOD_MS = 6 * 3600_000
const PERIODS_VALID = 5

function readCookie(header: string | null | undefined, name: string) {
  const match = header?.split(/;\s*/).find((part) => part.startsWith(`${name}=`))
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined
}

// Every anonymous page needs the current period's signature: work it out once per period.
const signatures = new Map<string, string>()
function periodSignature(period: number) {
  const secret = getEnv().SESSION_SECRET
  const key = `${secret}:${period}`
  let signature = signatures.get(key)
  if (!signature) {
    signature = createHmac('sha256', secret).update(`csrf-anonymous:${period}`).digest('base64url')
    if (signatures.size >= PERIODS_VALID + 1) signatures.delete(signatures.keys().next().value!)
    signatures.set(key, signature)
  }
  return signature
}
const anonymousToken = (now: number) => {
  const period = Math.floor(now / PERIOD_MS)
  return `${period}.${periodSignature(period)}`
}

/**
 * The token for this page's forms (docs/decisions/017). A signed-in person's is the one in their
 * `guth_csrf` cookie (kept for the browser session; the cookie is added to `headers` when
 * missing). Anyone else gets the site's signed token for the current six hours and no cookie, so
 * public pages are the same for every anonymous reader and a CDN may keep them.
 */
export function csrfTokenFor(request: Request, headers: Headers, { signedIn }: { signedIn: boolean }, now = Date.now()) {
  const existing = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
  if (existing && TOKEN.test(existing)) return existing
  if (!signedIn) return anonymousToken(now)
  const token = randomBytes(32).toString('base64url')
  const secure = getEnv().PUBLIC_URL.startsWith('https:') ? '; Secure' : ''
  headers.append('Set-Cookie', `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`)
  return token
}

const sameString = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

/**
 * Whether the browser says the form was sent from one of this site's pages. Browsers send
 * Sec-Fetch-Site (all current ones) or Origin with every cross-site form; a request with neither
 * comes from a program, not from a page another site showed to someone.
 */
function fromThisSite(request: Request) {
  const site = request.headers.get('sec-fetch-site')
  if (site) return site === 'same-origin' || site === 'none'
  const origin = request.headers.get('origin')
  return origin === null || origin === new URL(getEnv().PUBLIC_URL).origin
}

function isCurrentAnonymousToken(given: string, now: number) {
  const [period, signature] = given.split('.')
  const current = Math.floor(now / PERIOD_MS)
  const asked = Number(period)
  if (!Number.isInteger(asked) || asked > current || asked <= current - PERIODS_VALID || !signature) return false
  return sameString(signature, periodSignature(asked))
}

/**
 * Throws 403 unless the form carries the token from this browser's cookie, or, for a browser
 * without one, a current anonymous token on a form this site's own page sent.
 */
export function assertCsrf(request: Request, form: FormData, now = Date.now()) {
  const expected = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
  const given = form.get(CSRF_FIELD)
  const ok =
    typeof given === 'string' &&
    (typeof expected === 'string' ? sameString(expected, given) : fromThisSite(request) && isCurrentAnonymousToken(given, now))
  if (!ok) throw new Response('The form has expired', { status: 403, statusText: 'csrf' })
}

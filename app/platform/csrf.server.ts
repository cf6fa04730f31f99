import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

export const CSRF_COOKIE = 'guth_csrf'
export const CSRF_FIELD = 'csrf'

function readCookie(header: string | null | undefined, name: string) {
  const match = header?.split(/;\s*/).find((part) => part.startsWith(`${name}=`))
  return match ? decodeURIComponent(match.slice(name.length + 1)) : undefined
}

/**
 * Gives every browser a random token in an HttpOnly cookie (set once, kept for the browser
 * session) and hands it to the page renderer, which puts it in every mutating form.
 */
export function csrfCookie(options: { secure: boolean }) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    let token = readCookie(req.headers.cookie, CSRF_COOKIE)
    if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
      token = randomBytes(32).toString('base64url')
      res.append(
        'Set-Cookie',
        `${CSRF_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax${options.secure ? '; Secure' : ''}`,
      )
      // Make the new token visible to this very request too.
      req.headers.cookie = [req.headers.cookie, `${CSRF_COOKIE}=${token}`].filter(Boolean).join('; ')
    }
    res.locals.csrfToken = token
    next()
  }
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

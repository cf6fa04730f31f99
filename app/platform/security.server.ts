import { randomBytes, randomUUID } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

export interface SecurityOptions {
  production: boolean
  https: boolean
  /** Where signed media URLs point (Supabase Storage), so the video player may follow them. */
  mediaOrigin?: string
}

/** Content-Security-Policy with a fresh nonce per response; no inline script runs without it. */
export function contentSecurityPolicy(nonce: string, { production, https, mediaOrigin }: SecurityOptions, { frameable = false } = {}) {
  const media = mediaOrigin ? ` ${mediaOrigin}` : ''
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    "font-src 'self'",
    production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // Only the embeddable event list (/embed/…) may be shown inside other sites' pages.
    frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ]
  if (production && https) directives.push('upgrade-insecure-requests')
  return directives.join('; ')
}

/** Request id, CSP nonce and the security headers every response carries. */
export function securityHeaders(options: SecurityOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.requestId = randomUUID()
    res.locals.cspNonce = randomBytes(16).toString('base64')
    // In development Vite injects its own inline client, so the policy only reports there.
    const cspHeader = options.production ? 'Content-Security-Policy' : 'Content-Security-Policy-Report-Only'
    const frameable = req.path.startsWith('/embed/')
    res.setHeader(cspHeader, contentSecurityPolicy(res.locals.cspNonce, options, { frameable }))
    res.setHeader('X-Request-Id', res.locals.requestId)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    if (!frameable) res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', frameable ? 'cross-origin' : 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(self), microphone=(self), geolocation=(), payment=()')
    if (options.production && options.https) {
      res.setHeader('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
    }
    next()
  }
}

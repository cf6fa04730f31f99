import type { AppLoadContext } from '@remix-run/node'
import { startSession } from '~/modules/accounts/sessions.server'

// The CSRF token a signed-in visitor's cookie and forms carry in route tests (docs/decisions/017).
export const CSRF = 'c'.repeat(43)

/** What the server hands a route's loader and action. */
export const routeContext = { cspNonce: '', requestId: 'test', csrfToken: CSRF, clientIp: '127.0.0.1' } as AppLoadContext

/** The Cookie header of a fresh session for the person, with its CSRF cookie. */
export async function cookieFor(userId: string) {
  const setCookie = await startSession(new Request('http://localhost/'), userId)
  return `${setCookie.split(';')[0]}; guth_csrf=${CSRF}`
}

export type Loader = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>

/** The status a loader answers a GET of `path` with, and where it redirects to, if it does. */
export async function loaderOutcome(loader: Loader, path: string, params: Record<string, string>, cookie?: string) {
  try {
    const result = await loader({ request: new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }), params, context: routeContext })
    if (result instanceof Response) return { status: result.status, location: result.headers.get('location') }
    return { status: (result as { init?: { status?: number } } | null)?.init?.status ?? 200, location: null }
  } catch (error) {
    if (!(error instanceof Response)) throw error
    return { status: error.status, location: error.headers.get('location') }
  }
}

/** The loader's status as a route table writes it: "200", "404", or "302 /sign-in?…" for a redirect. */
export async function statusOf(loader: Loader, path: string, params: Record<string, string>, cookie?: string) {
  const { status, location } = await loaderOutcome(loader, path, params, cookie)
  return status === 302 ? `302 ${location}` : String(status)
}

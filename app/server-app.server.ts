import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { getConnection } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { logError, logFailedRequest, type RequestFailure } from '~/platform/log.server'
import { gateBuild } from '~/platform/request-gate.server'
import { securityHeaders } from '~/platform/security.server'
import { TUS_PATH, tusHandler } from '~/modules/media/index.server'
import { fastRoutes } from '~/fast-routes.server'

export interface AppOptions {
  /** The Remix build, or a function that loads it per request (Vite in development). */
  build: ServerBuild | (() => Promise<ServerBuild>)
  /** Serve the hashed client files from build/client (production). */
  clientDir?: string
  /** Express middleware that goes before Remix (Vite's in development). */
  before?: express.RequestHandler[]
}

/** The whole web application, ready to listen: `server.ts` runs it, tests mount it in-process. */
export function createApp({ build, clientDir, before = [] }: AppOptions) {
  const env = getEnv()
  const production = env.NODE_ENV === 'production'
  const app = express()
  app.disable('x-powered-by')
  // Behind a load balancer, the client's address comes from X-Forwarded-For (rate limits use it).
  app.set('trust proxy', env.TRUST_PROXY)
  const mediaOrigin = env.SUPABASE_URL ? new URL(env.SUPABASE_URL).origin : undefined
  app.use(securityHeaders({ production, https: env.PUBLIC_URL.startsWith('https:'), mediaOrigin }))
  // One log line for each request that ends in a 5xx, whatever part of the app answered it.
  app.use((req, res, next) => {
    const failure: RequestFailure = {}
    const started = performance.now()
    res.locals.failure = failure
    res.on('finish', () => {
      if (res.statusCode < 500) return
      const route = req.path.startsWith(TUS_PATH) ? TUS_PATH : undefined
      logFailedRequest({ method: req.method, requestId: res.locals.requestId, status: res.statusCode, ms: Math.round(performance.now() - started), route }, failure)
    })
    next()
  })
  // Resumable BSL video uploads: streamed to disk, never compressed or buffered.
  app.all([TUS_PATH, `${TUS_PATH}/*`], tusHandler())
  // Pages and stored feeds arrive compressed already (entry.server.tsx, precompressed.server.ts);
  // this covers the rest: data for client navigation, exports, JSON. Off when a proxy does it.
  if (env.COMPRESSION === 'on') app.use(compression())

  // Health: the process answers and the database responds. No framework, no page.
  app.get('/healthz', async (_req, res) => {
    try {
      await getConnection().query('SELECT 1')
      res.type('text/plain').set('Cache-Control', 'no-store').send('ok')
    } catch (error) {
      logError(error, { route: '/healthz' })
      res.status(503).type('text/plain').send('database unavailable')
    }
  })

  for (const [routePath, answer] of fastRoutes) app.get(routePath, answerFast(answer))

  if (clientDir) {
    // Hashed file names change with their content, so browsers may keep them for a year.
    app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
    app.use(express.static(clientDir, { maxAge: '1h' }))
  }
  for (const middleware of before) app.use(middleware)

  // An address that does not decode (a broken %-escape, a lone surrogate) names no page: the
  // site's own 404 page answers, in the reader's language, instead of the framework's bare 400.
  app.use((req, _res, next) => {
    try {
      decodeURIComponent(req.path)
    } catch {
      req.url = '/page-not-found'
    }
    next()
  })
  // A form sent from another site's page. Remix would abort it with an exception (a 500); it is
  // the same refusal as a form without its token: the "form expired" page, 403.
  app.use((req, _res, next) => {
    if (!SAFE_METHODS.has(req.method) && fromAnotherOrigin(req.headers)) {
      req.method = 'GET'
      // The Remix adapter reads originalUrl.
      req.url = req.originalUrl = '/errors/403?reason=csrf'
    }
    next()
  })
  app.all(
    '*',
    createRequestHandler({
      build: typeof build === 'function' ? async () => gateBuild(await build()) : gateBuild(build),
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
        clientIp: req.ip ?? 'unknown',
        peer: { address: req.socket.remoteAddress ?? '', forwarded: isForwarded(req.headers) },
        failure: res.locals.failure,
        closeConnection: () => res.setHeader('Connection', 'close'),
      }),
    }),
  )
  return app
}

/** Express glue for a fast route: a Fetch Request in, its Response out. */
function answerFast(answer: (typeof fastRoutes)[number][1]): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      const request = new Request(new URL(req.originalUrl, getEnv().PUBLIC_URL), { headers })
      const response = await answer(request, req.params as Record<string, string>)
      // A refusal (a bad filter, no such event) is the Remix route's to answer: the request gate
      // turns it into the site's error page in the reader's language.
      if (response.status >= 400) return next()
      res.status(response.status)
      response.headers.forEach((value, name) => res.setHeader(name, value))
      res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined)
    } catch (error) {
      // The Remix resource route for the same address answers instead, and reports the failure.
      if (res.headersSent) return next(error)
      logError(error, { route: req.path, fastRoute: true })
      next()
    }
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

// Remix's own test before an action (server-runtime's throwIfPotentialCSRFAttack): the Origin's
// host against X-Forwarded-Host, else Host.
function fromAnotherOrigin(headers: express.Request['headers']) {
  const origin = headers.origin
  if (!origin) return false
  const host = (typeof headers['x-forwarded-host'] === 'string' ? headers['x-forwarded-host'].split(',')[0]!.trim() : '') || headers.host
  if (origin === 'null' || !host) return true
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

// Any sign that a proxy stands between the person and this process.
function isForwarded(headers: express.Request['headers']) {
  return Object.keys(headers).some((name) => name === 'forwarded' || name.startsWith('x-forwarded-') || name === 'x-real-ip' || name === 'via')
}

/**
 * Requests Node refuses before any route sees them (an address or headers over 16 KB, bytes that
 * are not HTTP) get a short page in both languages instead of a bare status line: with no
 * headers read, the reader's language is not known.
 */
export function answerClientErrors(server: import('node:http').Server) {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy()
    const tooLong = error.code === 'HPE_HEADER_OVERFLOW'
    const [status, reason] = tooLong ? [431, 'Request Header Fields Too Large'] : [400, 'Bad Request']
    const body = tooLong ? CLIENT_ERROR_PAGES.tooLong : CLIENT_ERROR_PAGES.bad
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    )
  })
}

const clientErrorPage = (en: [string, string], gd: [string, string]) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${en[0]}</title></head>` +
  `<body><main><h1>${en[0]}</h1><p>${en[1]}</p><div lang="gd"><h2>${gd[0]}</h2><p>${gd[1]}</p></div><p><a href="/">Guth</a></p></main></body></html>`

const CLIENT_ERROR_PAGES = {
  tooLong: clientErrorPage(
    ['This web address is too long', 'Go back and try a shorter search, or start again from the home page.'],
    ['Tha an seòladh-lìn seo ro fhada', 'Till air ais is feuch lorg nas giorra, no tòisich às ùr on duilleag-dhachaigh.'],
  ),
  bad: clientErrorPage(
    ['Sorry, something went wrong', 'Your browser sent a request we could not read. Go back and try again.'],
    ['Tha sinn duilich, chaidh rudeigin ceàrr', 'Chuir am brabhsair agad iarrtas nach b’ urrainn dhuinn a leughadh. Till air ais is feuch a-rithist.'],
  ),
}

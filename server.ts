import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import { getConnection, closeConnection } from '~/platform/db.server'
import { ConfigError, getEnv } from '~/platform/env.server'
import { isJobWorkerInline, startWorkers, stopJobs } from '~/platform/jobs.server'
import { logError, logInfo } from '~/platform/log.server'
import { csrfCookie } from '~/platform/csrf.server'
import { securityHeaders } from '~/platform/security.server'
import { analyseEmbeddedDatabase } from '~/platform/maintenance.server'
import { isDatabaseEmpty, prepareDatabase } from '~/platform/startup.server'
import { TUS_PATH, tusHandler } from '~/modules/media/tus.server'
import '~/jobs.server'

async function main() {
  const env = getEnv()
  const production = env.NODE_ENV === 'production'
  await prepareDatabase()
  if (!env.DATABASE_URL && (await isDatabaseEmpty())) {
    const { seedDemoContent } = await import('./scripts/seed/demo')
    await seedDemoContent()
    logInfo('embedded database was empty: demo content added (see README for the demo accounts)')
    // Statistics persist in the data directory; only freshly added content needs them now.
    await analyseEmbeddedDatabase()
  }
  if (isJobWorkerInline()) await startWorkers()

  const app = express()
  app.disable('x-powered-by')
  // Behind a load balancer, the client's address comes from X-Forwarded-For (rate limits use it).
  app.set('trust proxy', env.TRUST_PROXY)
  const mediaOrigin = env.SUPABASE_URL ? new URL(env.SUPABASE_URL).origin : undefined
  app.use(securityHeaders({ production, https: env.PUBLIC_URL.startsWith('https:'), mediaOrigin }))
  // Resumable BSL video uploads: streamed to disk, never compressed or buffered.
  app.all([TUS_PATH, `${TUS_PATH}/*`], tusHandler())
  app.use(compression())

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

  let build: ServerBuild | (() => Promise<ServerBuild>)
  if (production) {
    const client = path.resolve('build/client')
    // Hashed file names change with their content, so browsers may keep them for a year.
    app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }))
    app.use(express.static(client, { maxAge: '1h' }))
    build = (await import(path.resolve('build/server/index.js'))) as ServerBuild
  } else {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    app.use(vite.middlewares)
    build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  }

  app.use(csrfCookie({ secure: env.PUBLIC_URL.startsWith('https:') }))
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
        csrfToken: res.locals.csrfToken,
        clientIp: req.ip ?? 'unknown',
      }),
    }),
  )

  const server = app.listen(env.PORT, env.HOST, () =>
    logInfo(`Guth is listening on ${env.PUBLIC_URL}`, { host: env.HOST, port: env.PORT }),
  )

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    logInfo('shutting down', { signal })
    // Finish the requests in flight, then the jobs, then the database.
    await new Promise((resolve) => server.close(resolve))
    await stopJobs().catch((error) => logError(error))
    await closeConnection().catch((error) => logError(error))
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

main().catch((error) => {
  // A configuration mistake is one clear line, not a stack trace.
  if (error instanceof ConfigError) console.error(error.message)
  else logError(error, { phase: 'startup' })
  process.exit(1)
})

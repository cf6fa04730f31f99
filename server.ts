import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import { closeConnection } from '~/platform/db.server'
import { ConfigError, getEnv } from '~/platform/env.server'
import { isJobWorkerInline, startWorkers, stopJobs } from '~/platform/jobs.server'
import { logError, logInfo, logWarning } from '~/platform/log.server'
import { analyseEmbeddedDatabase } from '~/platform/maintenance.server'
import { isDatabaseEmpty, prepareDatabase } from '~/platform/startup.server'
import { answerClientErrors, createApp } from '~/server-app.server'
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

  let app
  if (production) {
    const build = (await import(path.resolve('build/server/index.js'))) as ServerBuild
    app = createApp({ build, clientDir: path.resolve('build/client') })
  } else {
    const vite = await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
    const build = () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
    app = createApp({ build, before: [vite.middlewares] })
  }

  const server = app.listen(env.PORT, env.HOST, () => {
    logInfo(`Guth is listening on ${env.PUBLIC_URL}`, { host: env.HOST, port: env.PORT })
    if (!env.SMTP_URL) {
      logWarning(
        `NO SMTP_URL: emails, sign-in codes included, are kept in ${path.resolve(env.DATA_DIR, 'mail')} and shown at ${env.PUBLIC_URL}/dev/mail to this machine only. Set SMTP_URL before anyone else uses this install.`,
      )
    }
  })
  // A port already taken, or one we may not use: one line, not a stack trace.
  answerClientErrors(server)
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reasons: Record<string, string> = {
      EADDRINUSE: `port ${env.PORT} on ${env.HOST} is already in use (another Guth, or another program); stop it or set PORT`,
      EACCES: `not allowed to listen on port ${env.PORT}; use a port above 1023 or set PORT`,
      EADDRNOTAVAIL: `HOST ${env.HOST} is not an address of this machine`,
    }
    console.error(`Guth could not start: ${reasons[error.code ?? ''] ?? error.message}`)
    process.exit(1)
  })

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
  // A configuration mistake, or a database that cannot be reached, is one clear line.
  if (error instanceof ConfigError) console.error(error.message)
  else console.error(`Guth could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

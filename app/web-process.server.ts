import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import { closeConnection } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import { logError, logInfo, logWarning } from '~/platform/log.server'
import { analyseEmbeddedDatabase } from '~/platform/maintenance.server'
import { hasNoPeople } from '~/modules/accounts/index.server'
import { prepareDatabase } from '~/platform/startup.server'
import { answerClientErrors, createApp } from '~/server-app.server'
import '~/jobs.server'

export interface WebProcessOptions {
  /** Migrate (and, on an empty embedded database, seed) first; false when the primary already has. */
  prepare: boolean
  /** Work the background jobs in this process. */
  workJobs: boolean
  /** Print the start-up notices (one process of several prints them for all). */
  announce: boolean
  /** This process's number among several web processes, for the log. */
  webProcess?: number
}

/** One web server process: the Express app on PORT, until SIGTERM or SIGINT. */
export async function runWebProcess({ prepare, workJobs, announce, webProcess }: WebProcessOptions) {
  const env = getEnv()
  const production = env.NODE_ENV === 'production'
  if (prepare) {
    await prepareDatabase()
    if (!env.DATABASE_URL && (await hasNoPeople())) {
      const { seedDemoContent } = await import('../scripts/seed/demo')
      await seedDemoContent()
      logInfo('embedded database was empty: demo content added (see README for the demo accounts)')
      // Statistics persist in the data directory; only freshly added content needs them now.
      await analyseEmbeddedDatabase()
    }
  }
  if (workJobs) await startWorkers()

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
    const where = { host: env.HOST, port: env.PORT, pid: process.pid, ...(webProcess !== undefined && { webProcess, jobs: workJobs }) }
    logInfo(`Guth is listening on ${env.PUBLIC_URL}`, where)
    if (announce && !env.SMTP_URL) {
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
    logInfo('shutting down', { signal, pid: process.pid })
    // Finish the requests in flight, then the jobs, then the database.
    await new Promise((resolve) => server.close(resolve))
    await stopJobs().catch((error) => logError(error))
    await closeConnection().catch((error) => logError(error))
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

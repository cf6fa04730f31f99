import { fileURLToPath } from 'node:url'
import { planWebProcesses, superviseWebProcesses, webProcessSlot } from '~/platform/cluster.server'
import { closeConnection } from '~/platform/db.server'
import { ConfigError, getEnv } from '~/platform/env.server'
import { isJobWorkerInline } from '~/platform/jobs.server'
import { logWarning } from '~/platform/log.server'
import { prepareDatabase } from '~/platform/startup.server'

// The entry: one web process, or (WEB_CONCURRENCY on Postgres) a primary that prepares the
// database and keeps N web processes running. The app itself is loaded only where it serves, so
// the primary stays small.
async function start() {
  const env = getEnv()
  const slot = webProcessSlot()
  if (slot !== undefined) {
    const { runWebProcess } = await import('~/web-process.server')
    // The jobs go to the first web process, not the primary: the primary then runs no app code
    // that could take it down, and a job that crashes its process is restarted like any web
    // process (pg-boss's heartbeat hands the job back). The others only queue jobs.
    return runWebProcess({ prepare: false, workJobs: slot === 0 && isJobWorkerInline(), announce: slot === 0, webProcess: slot + 1 })
  }
  if (env.NODE_ENV === 'production' && !env.DATABASE_URL) {
    logWarning('Postgres (DATABASE_URL) is the production database; the embedded PGlite database is for trying Guth out and for development')
  }
  const { processes: size, warning } = planWebProcesses(env)
  if (warning) logWarning(warning)
  if (size === 1) {
    const { runWebProcess } = await import('~/web-process.server')
    return runWebProcess({ prepare: true, workJobs: isJobWorkerInline(), announce: true })
  }
  // Migrations run once, here, before any web process starts.
  await prepareDatabase()
  await closeConnection()
  superviseWebProcesses({ size, exec: fileURLToPath(import.meta.url) })
}

start().catch((error) => {
  // A configuration mistake, or a database that cannot be reached, is one clear line.
  if (error instanceof ConfigError) console.error(error.message)
  else console.error(`Guth could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})

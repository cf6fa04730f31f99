import { closeConnection } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { startWorkers, stopJobs } from '~/platform/jobs.server'
import { logInfo } from '~/platform/log.server'
import { prepareDatabase } from '~/platform/startup.server'
import '~/jobs.server'

// A worker on its own needs a shared database: the embedded one belongs to the web process.
if (!getEnv().DATABASE_URL) {
  console.error('npm run worker needs DATABASE_URL; with the embedded database the web process works the jobs itself.')
  process.exit(1)
}
await prepareDatabase()
await startWorkers()
logInfo('worker started')
const stop = async () => {
  await stopJobs()
  await closeConnection()
  process.exit(0)
}
process.once('SIGTERM', () => void stop())
process.once('SIGINT', () => void stop())

import type { Server } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import type { ServerBuild } from '@remix-run/node'
import { connectPglite, type Connection, setConnection } from '~/platform/db.server'
import { setEnvForTests } from '~/platform/env.server'
import { stopJobs } from '~/platform/jobs.server'
import { migrate } from '~/platform/migrate.server'
import { freePort } from '../../helpers/server'

export interface InProcessApp {
  baseUrl: string
  build: ServerBuild
  connection: Connection
  dataDir: string
  stop(): Promise<void>
}

// Node's own loader, not Vitest's: the production bundle runs as `server.ts` runs it, and shares
// the connection and environment held on globalThis with the source modules.
const nativeRequire = createRequire(import.meta.url)

/**
 * The production build and the whole Express app in this process, on an in-memory database
 * seeded with the demo content, so a test can count rows in the very database the app writes.
 * No job worker runs: queued jobs wait in pg-boss's own schema and change no public table.
 */
export async function startInProcessApp(): Promise<InProcessApp> {
  const work = mkdtempSync(path.join(tmpdir(), 'guth-fuzz-'))
  const dataDir = path.join(work, 'data')
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  setEnvForTests({
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SUPABASE_URL: '',
    SMTP_URL: '',
    JOBS_WORKER: 'off',
  })
  const connection = connectPglite()
  await migrate(connection, { bootstrap: true })
  setConnection(connection)
  const { seedDemoContent } = await import('../../../scripts/seed/demo')
  await seedDemoContent()

  const build = nativeRequire(path.resolve('build/server/index.js')) as ServerBuild
  const { answerClientErrors, createApp } = await import('~/server-app.server')
  const app = createApp({ build, clientDir: path.resolve('build/client') })
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(port, '127.0.0.1', () => resolve(listening))
  })
  answerClientErrors(server)
  return {
    baseUrl,
    build,
    connection,
    dataDir,
    async stop() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await stopJobs().catch(() => {})
      setConnection(undefined)
      await connection.close()
      rmSync(work, { recursive: true, force: true })
    },
  }
}

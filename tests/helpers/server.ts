import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface RunningServer {
  baseUrl: string
  dataDir: string
  /** What the server has printed so far (stdout and stderr). */
  log(): string
  stop(): Promise<void>
}

export async function freePort() {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline && server.exitCode === null) {
    if (await fetch(url).then((r) => r.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The Guth server did not start:\n${readFileSync(logFile, 'utf8')}`)
}

/** The production build on its own empty embedded database (seeded on start), on a free port. */
export async function startProductionServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const work = mkdtempSync(path.join(tmpdir(), 'guth-server-'))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const logFile = path.join(work, 'server.log')
  const log = createWriteStream(logFile)
  const dataDir = path.join(work, 'data')
  const server = spawn('tsx', ['server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.pipe(log)
  server.stderr!.pipe(log)
  await waitForHealth(`${baseUrl}/healthz`, server, logFile)
  return {
    baseUrl,
    dataDir,
    log: () => readFileSync(logFile, 'utf8'),
    async stop() {
      if (server.exitCode === null) {
        server.kill('SIGTERM')
        await new Promise((resolve) => server.once('exit', resolve))
      }
      rmSync(work, { recursive: true, force: true })
    },
  }
}

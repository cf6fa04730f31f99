import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { startSmtpCapture } from '../helpers/smtp'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    mailDir: string
  }
}

async function freePort() {
  return new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break
    const ok = await fetch(url).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The Guth server did not start:\n${readFileSync(logFile, 'utf8')}`)
}

/** Starts the production build on an empty embedded database, with a real SMTP server to catch mail. */
export default async function setup(project: TestProject) {
  const work = mkdtempSync(path.join(tmpdir(), 'guth-e2e-'))
  const mailDir = path.join(work, 'mail-captured')
  const smtp = await startSmtpCapture({ saveTo: mailDir })
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const logFile = path.join(work, 'server.log')
  const log = createWriteStream(logFile)
  const server = spawn('tsx', ['server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: path.join(work, 'data'),
      SMTP_URL: smtp.url,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.pipe(log)
  server.stderr!.pipe(log)
  await waitForHealth(`${baseUrl}/healthz`, server, logFile)
  project.provide('baseUrl', baseUrl)
  project.provide('mailDir', mailDir)
  return async () => {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    await smtp.close()
    rmSync(work, { recursive: true, force: true })
  }
}

import { type ChildProcess, spawn } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { once } from 'node:events'
import { createServer } from 'node:net'
import path from 'node:path'

type Env = Record<string, string>

// Children run on this process's Node (the project's Node 24), whatever `node` is on PATH.
function runToEnd(args: string[], env: Env, timeoutMs: number) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  return new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) resolve()
      else reject(new Error(`${args.join(' ')} failed (${signal ?? `exit ${code}`})`))
    })
  })
}

// Seeding the analysis benchmark's consultation takes about 3 ms a respondent on a 2-core machine
// (30,000: 70–110 s); waits on the seed allow 5.
const analysisSeedMs = () => 5 * (Number(process.env.SEED_ANALYSIS_BENCH) || 0)

export function buildProductionBundle() {
  return runToEnd([path.resolve('node_modules/.bin/remix'), 'vite:build'], { NODE_ENV: 'production' }, 5 * 60_000)
}

/** Migrates and seeds a database the server will not seed itself (a real Postgres server). */
export function seedDemoContent(env: Env) {
  return runToEnd(['--import', 'tsx', 'scripts/seed.ts'], env, 2 * 60_000 + analysisSeedMs())
}

export function freeLoopbackPort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer().once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export interface ServerProcess {
  baseUrl: string
  /** The server's own process (with WEB_CONCURRENCY on Postgres, the primary of its web processes). */
  pid: number
  waitUntilHealthy(): Promise<void>
  stop(): Promise<void>
}

async function waitForHealth(url: string, server: ChildProcess, logFile: string) {
  // An empty embedded database is seeded before the server answers.
  const deadline = Date.now() + 120_000 + analysisSeedMs()
  while (Date.now() < deadline && server.exitCode === null) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`The server did not become healthy. Its log:\n${readFileSync(logFile, 'utf8').slice(-4_000)}`)
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return
  const exited = once(server, 'exit')
  server.kill('SIGTERM')
  const timer = setTimeout(() => server.kill('SIGKILL'), 20_000)
  await exited
  clearTimeout(timer)
}

/**
 * Node options that make the server write a V8 CPU profile into BENCH_CPU_PROFILE (a directory)
 * when it stops: open it in Chrome DevTools, or `npx tsx bench/profile-summary.ts <file>`.
 */
export const profileNodeArgs = () => {
  const dir = process.env.BENCH_CPU_PROFILE
  return dir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(dir)] : []
}

/** Starts `server.ts` in production mode on 127.0.0.1; its log goes to `logFile`. `nodeArgs` go to Node itself. */
export async function launchServer(env: Env, logFile: string, { nodeArgs = [] }: { nodeArgs?: string[] } = {}): Promise<ServerProcess> {
  const port = await freeLoopbackPort()
  const baseUrl = `http://127.0.0.1:${port}`
  const log = createWriteStream(logFile)
  const server = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server.ts'], {
    env: { ...process.env, ...env, NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches only this runner, which then stops the server once.
    detached: true,
  })
  server.stdout!.pipe(log)
  server.stderr!.pipe(log)
  return {
    baseUrl,
    pid: server.pid!,
    waitUntilHealthy: () => waitForHealth(`${baseUrl}/healthz`, server, logFile),
    stop: () => stopServer(server),
  }
}

import cluster, { type Worker } from 'node:cluster'
import type { Env } from './env.server'
import { logInfo, logWarning } from './log.server'

const SLOT_FLAG = '--web-process='

/**
 * How many web processes to run: WEB_CONCURRENCY on Postgres in production, otherwise one, with
 * the one line of warning that says why.
 */
export function planWebProcesses(env: Pick<Env, 'WEB_CONCURRENCY' | 'DATABASE_URL' | 'NODE_ENV'>): { processes: number; warning?: string } {
  const wanted = env.WEB_CONCURRENCY
  if (wanted === 1) return { processes: 1 }
  if (!env.DATABASE_URL) {
    return { processes: 1, warning: `WEB_CONCURRENCY=${wanted} needs DATABASE_URL: the embedded database (PGlite) belongs to one process, so one web process runs` }
  }
  // Vite's development server (and its hot-reload socket) is one per machine.
  if (env.NODE_ENV !== 'production') {
    return { processes: 1, warning: `WEB_CONCURRENCY=${wanted} applies to the production server; the development server runs one process` }
  }
  return { processes: wanted }
}

/** In a web process started by `superviseWebProcesses`: its slot, 0 to N−1. */
export function webProcessSlot(): number | undefined {
  if (!cluster.isWorker) return undefined
  const flag = process.argv.find((arg) => arg.startsWith(SLOT_FLAG))
  return flag ? Number(flag.slice(SLOT_FLAG.length)) : undefined
}

const RESTART_FIRST_MS = 1_000
const RESTART_MAX_MS = 30_000
// A process that served this long before it died starts again at the shortest pause.
const HEALTHY_AFTER_MS = 60_000

/**
 * Keeps `size` web processes serving one port (node:cluster shares the listening socket). One
 * that dies is replaced after a pause that doubles while its slot keeps failing. If a slot's first
 * process dies before it ever listened, the server could not start (port, configuration,
 * database): all stop with exit code 1, as a single process would. SIGTERM or SIGINT asks each
 * process to finish its requests and stop; the primary exits when all have.
 */
export function superviseWebProcesses({ size, exec }: { size: number; exec: string }) {
  const running = new Map<number, Worker>()
  const served = new Set<number>()
  const failures = Array.from({ length: size }, () => 0)
  const pending = new Set<NodeJS.Timeout>()
  let stopping = false
  let exitCode = 0

  const stop = (code: number, signal?: string) => {
    if (stopping) return
    stopping = true
    if (signal) logInfo('stopping web processes', { signal, pid: process.pid })
    exitCode = code
    for (const timer of pending) clearTimeout(timer)
    pending.clear()
    // Each process stops itself: server.close, then jobs, then the database.
    for (const worker of running.values()) worker.process.kill('SIGTERM')
    if (running.size === 0) process.exit(exitCode)
  }

  const start = (slot: number) => {
    // The slot travels as an argument: the replacement of a process takes over its slot (and so
    // its part, such as working the jobs).
    cluster.setupPrimary({ exec, args: [`${SLOT_FLAG}${slot}`] })
    const worker = cluster.fork()
    const startedAt = Date.now()
    let listening = false
    running.set(slot, worker)
    worker.once('listening', () => {
      listening = true
      served.add(slot)
    })
    worker.once('exit', (code, signal) => {
      running.delete(slot)
      if (stopping) {
        if (running.size === 0) process.exit(exitCode)
        return
      }
      // A first start that failed said why on its way out; the others go too.
      if (!listening && !served.has(slot)) return stop(1)
      const failed = listening && Date.now() - startedAt > HEALTHY_AFTER_MS ? 0 : (failures[slot] ?? 0)
      failures[slot] = failed + 1
      const pauseMs = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** failed)
      logWarning('web process stopped unexpectedly; starting another', { webProcess: slot + 1, pid: worker.process.pid, code, signal, restartInSeconds: pauseMs / 1000 })
      const timer = setTimeout(() => {
        pending.delete(timer)
        start(slot)
      }, pauseMs)
      pending.add(timer)
    })
  }

  logInfo('starting web processes', { processes: size, pid: process.pid })
  for (let slot = 0; slot < size; slot++) start(slot)
  process.on('SIGTERM', () => stop(0, 'SIGTERM'))
  process.on('SIGINT', () => stop(0, 'SIGINT'))
}

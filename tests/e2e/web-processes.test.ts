import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, expect, test } from 'vitest'
import { connectPostgres } from '~/platform/db.server'
import { formToken } from '../helpers/http-session'
import { freePort } from '../helpers/server'
import { poll, waitForCapturedMail } from '../helpers/smtp'

// WEB_CONCURRENCY: on Postgres, several web processes share the port; the embedded database
// keeps to one. The processes are told apart by the operating system (who holds which socket),
// since no response says which process answered.

interface Started {
  process: ChildProcess
  baseUrl: string
  port: number
  dataDir: string
  log(): string
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const undo of cleanups.splice(0).reverse()) await undo()
})

async function startServer(env: Record<string, string>): Promise<Started> {
  const work = mkdtempSync(path.join(tmpdir(), 'guth-web-processes-'))
  cleanups.push(() => rmSync(work, { recursive: true, force: true }))
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const dataDir = path.join(work, 'data')
  let output = ''
  // Node itself, not a wrapper, so this pid is the server's.
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.on('data', (chunk) => (output += chunk))
  server.stderr!.on('data', (chunk) => (output += chunk))
  cleanups.push(() => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
  })
  for (const deadline = Date.now() + 90_000; ; ) {
    if (await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false)) break
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`The server did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { process: server, baseUrl, port, dataDir, log: () => output }
}

/** The web processes `pid` started: its children that run server.ts (tsx's esbuild is another). */
function webProcessesOf(pid: number) {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // The fields after the command name, which is in parentheses and may hold spaces: state, ppid…
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
        return parent === pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('server.ts')
      } catch {
        return false
      }
    })
    .map(Number)
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Which of `pids` holds the server side of the loopback connection from `clientPort` to `serverPort`. */
function processServing(serverPort: number, clientPort: number, pids: number[]) {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0')
  const line = readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .find((fields) => fields[1]?.endsWith(`:${hex(serverPort)}`) && fields[2]?.endsWith(`:${hex(clientPort)}`))
  const socket = `socket:[${line?.[9]}]`
  return pids.find((pid) => {
    try {
      return readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === socket)
    } catch {
      return false
    }
  })
}

/** A request on `agent`'s one kept-alive connection; says which of `pids` answered it. */
function send(server: Started, agent: http.Agent, pids: number[], options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; pid: number | undefined }>((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port: server.port, agent, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (response) => {
      // The agent takes the socket back once the body has been read.
      const clientPort = response.socket.localPort!
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => {
        const pid = processServing(server.port, clientPort, pids)
        resolve({ status: response.statusCode!, headers: response.headers, body, pid })
      })
    })
    request.on('error', reject)
    request.end(options.body)
  })
}

/** Asks for a sign-in code for `email` as a browser without JavaScript would, on one connection. */
async function askForCode(server: Started, pids: number[], email: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  try {
    const form = await send(server, agent, pids, { path: '/sign-in' })
    const cookie = (form.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ')
    const csrf = formToken(form.body) ?? ''
    const asked = await send(server, agent, pids, {
      path: '/sign-in',
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ csrf, email }).toString(),
    })
    expect(asked.status).toBe(303)
    expect(asked.pid).toBe(form.pid)
    return asked.pid
  } finally {
    agent.destroy()
  }
}

const logLines = (log: string, message: string) => log.split('\n').filter((line) => line.includes(message))

async function stop(server: Started) {
  const exited = once(server.process, 'exit')
  server.process.kill('SIGTERM')
  const [code] = await exited
  return code as number | null
}

test('on the embedded database WEB_CONCURRENCY=2 runs one process, and the log says why and that Postgres is for production', async () => {
  const server = await startServer({ WEB_CONCURRENCY: '2' })
  expect((await fetch(`${server.baseUrl}/`)).status).toBe(200)
  expect(webProcessesOf(server.process.pid!)).toEqual([])
  expect(logLines(server.log(), 'WEB_CONCURRENCY=2 needs DATABASE_URL')).toHaveLength(1)
  expect(logLines(server.log(), 'Postgres (DATABASE_URL) is the production database')).toHaveLength(1)
  expect(await stop(server)).toBe(0)
}, 120_000)

// The Postgres server is there only in the run that has one (`npm test` with TEST_DATABASE_URL).
const postgresUrl = process.env.TEST_DATABASE_URL
if (postgresUrl) {
  test('on Postgres WEB_CONCURRENCY=2 serves from two processes, both queue jobs, and SIGTERM stops them all', async () => {
    const name = `guth_test_${randomBytes(6).toString('hex')}`
    const admin = connectPostgres(postgresUrl, { max: 1 })
    await admin.exec(`CREATE DATABASE ${name}`)
    cleanups.push(async () => {
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.close()
    })
    const url = new URL(postgresUrl)
    url.pathname = `/${name}`
    const server = await startServer({ DATABASE_URL: url.href, SESSION_SECRET: randomBytes(32).toString('hex'), WEB_CONCURRENCY: '2' })
    const primary = server.process.pid!
    // /healthz answers once the first listens; the second may still be starting.
    const listening = (count: number) => async () => (logLines(server.log(), 'Guth is listening').length === count ? true : undefined)
    await poll(listening(2), 30_000, 'both web processes to listen')
    const workers = webProcessesOf(primary)
    expect(workers).toHaveLength(2)
    // The empty database was migrated once, by the primary, before the web processes started.
    expect(logLines(server.log(), '"database migrated"')).toHaveLength(1)

    // Connections take turns between the processes; each asks for a code, and the one process
    // that works the jobs mails them all.
    const emails = ['ailsa', 'ruairidh', 'morag', 'calum'].map((person) => `${person}@example.org`)
    const answeredBy = new Set<number | undefined>()
    for (const email of emails) answeredBy.add(await askForCode(server, workers, email))
    expect([...answeredBy].sort()).toEqual([...workers].sort())
    for (const email of emails) await waitForCapturedMail(path.join(server.dataDir, 'mail'), email)

    // A web process that dies is replaced, and the log says so.
    process.kill(workers[1]!, 'SIGKILL')
    await poll(listening(3), 30_000, 'a replacement web process')
    expect(logLines(server.log(), 'web process stopped unexpectedly')).toHaveLength(1)
    const replaced = webProcessesOf(primary)
    expect(replaced).toHaveLength(2)
    expect(replaced).not.toContain(workers[1])
    expect((await fetch(`${server.baseUrl}/sign-in`)).status).toBe(200)

    expect(await stop(server)).toBe(0)
    expect([...workers, ...replaced].filter(isRunning)).toEqual([])
    expect(logLines(server.log(), '"shutting down"')).toHaveLength(2)
  }, 120_000)
}

import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { SMTPServer } from 'smtp-server'

// One run of `npm run bench:mail` (bench/mail.ts starts one process per run): a backlog of
// receipts drains to a local SMTP sink while sign-in codes are asked for, and every message is
// counted by its Message-ID. Prints one JSON line with the figures.
// Arguments: --backend pglite|postgres --workers N [--kill]   (BENCH_MAILS, BENCH_DATABASE_URL)
const argument = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1]
const backend = argument('backend') === 'postgres' ? 'postgres' : 'pglite'
const workers = Number(argument('workers') ?? 1)
const kill = process.argv.includes('--kill')
const backlog = Number(process.env.BENCH_MAILS ?? 10_000)
const databaseUrl = process.env.BENCH_DATABASE_URL ?? ''

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** The sink: takes every message, remembers its Message-ID and when a sign-in code arrived. */
async function startSink() {
  const seen = new Map<string, number>()
  const codes = new Map<string, number>()
  let bulk = 0
  let firstBulkAt = 0
  let lastBulkAt = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 100,
    onData(stream, _session, callback) {
      let head = ''
      let tail = ''
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8')
        tail = (tail + chunk.toString('utf8')).slice(-200)
      })
      stream.on('end', () => {
        // A sender killed mid-message leaves it unfinished (no closing MIME boundary): a mail
        // server would not take it, so neither does the count.
        if (!/\r\n--[^\r\n]+--\s*$/.test(tail)) return callback(new Error('incomplete message'))
        const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `missing-${Math.random()}`
        seen.set(id, (seen.get(id) ?? 0) + 1)
        const code = /^Subject:\s*code (\d+)/im.exec(head)?.[1]
        if (code) codes.set(code, performance.now())
        else {
          bulk += 1
          firstBulkAt ||= performance.now()
          lastBulkAt = performance.now()
        }
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    seen,
    codes,
    get bulk() {
      return bulk
    },
    get drainMs() {
      return lastBulkAt - firstBulkAt
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function main() {
  const sink = await startSink()
  const dataDir = mkdtempSync(path.join(tmpdir(), 'guth-bench-mail-'))
  Object.assign(process.env, {
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    PUBLIC_URL: 'http://127.0.0.1:3000',
    SMTP_URL: sink.url,
    DATABASE_URL: backend === 'postgres' ? databaseUrl : '',
    SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-00',
  })
  const { getConnection } = await import('~/platform/db.server')
  const { prepareDatabase } = await import('~/platform/startup.server')
  const { prepareMailQueue, queueMail } = await import('~/platform/mail.server')
  const { startWorkers, stopJobs } = await import('~/platform/jobs.server')
  await import('~/jobs.server')
  await prepareDatabase()
  await prepareMailQueue()

  const receipt = (i: number) => ({ to: `respondent-${i}@example.org`, subject: `Your response ${i}`, text: `Thank you for responding. Reference ${i}.`, html: `<p>Thank you for responding. Reference ${i}.</p>`, category: 'receipt' as const })
  const queueStarted = performance.now()
  for (let i = 0; i < backlog; i += 250) {
    await getConnection().transaction(async (tx) => {
      for (let j = i; j < Math.min(backlog, i + 250); j++) await queueMail(receipt(j), { transaction: tx })
    })
  }
  const queueSeconds = (performance.now() - queueStarted) / 1000

  // Workers: in this process on PGlite (it belongs to one process), `npm run worker` processes on Postgres.
  const children: ChildProcess[] = []
  const startChild = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], { env: process.env, stdio: ['ignore', 'ignore', 'inherit'] })
    children.push(child)
    return child
  }
  if (backend === 'pglite') await startWorkers()
  else for (let i = 0; i < workers; i++) startChild()

  // A sign-in code every 250 ms while the backlog drains.
  const asked = new Map<string, number>()
  let code = 0
  const asking = setInterval(() => {
    const n = String(code++)
    asked.set(n, performance.now())
    void queueMail({ to: `person-${n}@example.org`, subject: `code ${n}`, text: `Your code is ${n}`, html: `<p>Your code is ${n}</p>`, category: 'sign-in' })
  }, 250)

  let killed = false
  const deadline = Date.now() + 20 * 60_000
  while (sink.bulk < backlog && Date.now() < deadline) {
    if (kill && !killed && sink.bulk >= backlog * 0.3) {
      // Mid-batch: SIGKILL, no chance to finish or mark anything; a new worker takes over.
      killed = true
      children[0]!.kill('SIGKILL')
      setTimeout(startChild, 1_000)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  clearInterval(asking)
  // Time for the last codes, and for any duplicate a retried job would send.
  await new Promise((resolve) => setTimeout(resolve, kill ? 70_000 : 5_000))

  const latencies = [...asked].filter(([n]) => sink.codes.has(n)).map(([n, at]) => sink.codes.get(n)! - at)
  const [counts] = await getConnection().query<{ sent: number; other: number }>(`SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent, count(*) FILTER (WHERE status <> 'sent')::int AS other FROM mail_deliveries`)
  const queued = backlog + asked.size
  const distinct = sink.seen.size
  const received = [...sink.seen.values()].reduce((a, b) => a + b, 0)
  const result = {
    backend,
    workers,
    kill,
    backlog,
    queueSeconds: Math.round(queueSeconds * 10) / 10,
    mailsPerMinute: Math.round((sink.bulk / Math.max(1, sink.drainMs)) * 60_000),
    drainSeconds: Math.round(sink.drainMs / 100) / 10,
    codes: asked.size,
    codeP50Ms: Math.round(percentile(latencies, 50)),
    codeP99Ms: Math.round(percentile(latencies, 99)),
    codeMaxMs: Math.round(Math.max(0, ...latencies)),
    queued,
    lost: queued - distinct,
    duplicated: received - distinct,
    deliveriesSent: counts?.sent ?? 0,
    deliveriesNotSent: counts?.other ?? 0,
  }
  for (const child of children) child.kill('SIGTERM')
  await stopJobs()
  await sink.close()
  rmSync(dataDir, { recursive: true, force: true })
  console.log(JSON.stringify(result))
  process.exit(0)
}

void main()

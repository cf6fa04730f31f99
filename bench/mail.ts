import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createScratchDatabase } from './lib/database'

// Email at closing-day scale: a backlog of BENCH_MAILS receipts (default 10,000) drains to a local
// SMTP sink, on PGlite and (with BENCH_DATABASE_URL) on Postgres with one and two worker processes,
// and once with a worker killed mid-batch. Sign-in codes are asked for all the while.
// Usage: npm run bench:mail   (BENCH_MAILS, BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test)
const serverUrl = process.env.BENCH_DATABASE_URL
const runs: { backend: 'pglite' | 'postgres'; workers: number; kill?: boolean }[] = [
  { backend: 'pglite', workers: 1 },
  ...(serverUrl
    ? [
        { backend: 'postgres' as const, workers: 1 },
        { backend: 'postgres' as const, workers: 2 },
        { backend: 'postgres' as const, workers: 2, kill: true },
      ]
    : []),
]

async function main() {
  if (!serverUrl) console.log('BENCH_DATABASE_URL is not set: PGlite only.')
  const results: Record<string, unknown>[] = []
  for (const run of runs) {
    const scratch = run.backend === 'postgres' ? await createScratchDatabase(serverUrl!) : null
    const label = `${run.backend}, ${run.workers} worker${run.workers > 1 ? 's' : ''}${run.kill ? ', one killed mid-batch' : ''}`
    console.log(`\n▶ ${label}`)
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/mail-run.ts', '--backend', run.backend, '--workers', String(run.workers), ...(run.kill ? ['--kill'] : [])], {
        env: { ...process.env, BENCH_DATABASE_URL: scratch?.url ?? '' },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      })
      const line = child.stdout.split('\n').reverse().find((l) => l.startsWith('{"backend"'))
      if (!line) throw new Error(`the run printed no figures (exit ${child.status})`)
      const figures = JSON.parse(line) as Record<string, unknown>
      results.push({ run: label, ...figures })
      console.log(figures)
    } finally {
      await scratch?.drop()
    }
  }
  console.log('\nrun | mails/min | drain s | code p50 ms | code p99 ms | lost | duplicated')
  for (const r of results) console.log(`${r.run} | ${r.mailsPerMinute} | ${r.drainSeconds} | ${r.codeP50Ms} | ${r.codeP99Ms} | ${r.lost} | ${r.duplicated}`)
  const dir = path.resolve('bench/results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(path.join(dir, 'mail.json'), `${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`)
}

void main()

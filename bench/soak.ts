import autocannon from 'autocannon'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createScratchDatabase } from './lib/database'
import { describeRun } from './lib/report'
import { buildProductionBundle, launchServer, seedDemoContent } from './lib/server'
import { cleanupSteps, runBench } from './lib/cleanups'

// Soak: public pages under steady load for BENCH_SOAK_MINUTES (default 10). Does the server's
// memory level off? RSS every 10 s, and two heap snapshots compared by what they hold.
// Usage: npm run bench:soak -- [--no-build]   (BENCH_SOAK_MINUTES, BENCH_DATABASE_URL)
const minutes = Number(process.env.BENCH_SOAK_MINUTES ?? 10)
const postgresUrl = process.env.BENCH_DATABASE_URL
const connections = 10
const sampleEverySeconds = 10

const { cleanups, cleanUp } = cleanupSteps()

/** The server process's resident memory, in MB (VmRSS of /proc/<pid>/status). */
function rssMb(pid: number) {
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb) / 1024
}

/** Least-squares slope of RSS against time, in MB a minute. */
function slopePerMinute(samples: { seconds: number; rssMb: number }[]) {
  if (samples.length < 2) return 0
  const meanT = samples.reduce((sum, s) => sum + s.seconds, 0) / samples.length
  const meanR = samples.reduce((sum, s) => sum + s.rssMb, 0) / samples.length
  const covariance = samples.reduce((sum, s) => sum + (s.seconds - meanT) * (s.rssMb - meanR), 0)
  const variance = samples.reduce((sum, s) => sum + (s.seconds - meanT) ** 2, 0)
  return variance ? (covariance / variance) * 60 : 0
}

// Autocannon's `requests`: each connection sends the pages in turn, round and round.
function drive(baseUrl: string, pages: string[], seconds: number) {
  const options = {
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    headers: { 'accept-encoding': 'gzip, br', 'accept-language': 'en' },
    requests: pages.map((page) => ({ method: 'GET', path: page })),
  }
  return autocannon(options)
}

/**
 * Has the server write a heap snapshot (it runs with --heapsnapshot-signal=SIGUSR2) and waits
 * until it is written: the server blocks while writing, so its next /healthz answer means done.
 */
async function takeHeapSnapshot(pid: number, dir: string, baseUrl: string) {
  const before = new Set(readdirSync(dir))
  process.kill(pid, 'SIGUSR2')
  let file: string | undefined
  for (const deadline = Date.now() + 60_000; !file && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    file = readdirSync(dir).find((name) => name.endsWith('.heapsnapshot') && !before.has(name))
  }
  if (!file) throw new Error('The server wrote no heap snapshot within a minute')
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
    if (await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(60_000) }).then((r) => r.ok, () => false)) return path.join(dir, file)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
  throw new Error('The server did not answer after writing its heap snapshot')
}

interface SnapshotSummary {
  nodes: number
  bytes: number
  /** Live objects after the snapshot's own garbage collection, by constructor (or `(type)`). */
  byConstructor: Map<string, { count: number; bytes: number }>
}

/**
 * Totals of a .heapsnapshot without parsing it whole (it can be hundreds of MB): the header and
 * the strings as JSON, the flat `nodes` array read number by number. Edges are skipped.
 */
function summariseSnapshot(file: string): SnapshotSummary {
  const buffer = readFileSync(file)
  const nodesKey = buffer.indexOf('"nodes":[')
  const header = JSON.parse(`${buffer.toString('utf8', 0, nodesKey).replace(/,\s*$/, '')}}`)
  const meta = header.snapshot.meta as { node_fields: string[]; node_types: [string[], ...unknown[]] }
  const stride = meta.node_fields.length
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => meta.node_fields.indexOf(field)) as [number, number, number]
  const nodeCount = header.snapshot.node_count as number
  const nodes = new Float64Array(nodeCount * stride)
  let filled = 0
  let value = 0
  let inNumber = false
  for (let i = nodesKey + '"nodes":['.length; filled < nodes.length && i < buffer.length; i++) {
    const c = buffer[i]!
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48)
      inNumber = true
    } else if (inNumber) {
      nodes[filled++] = value
      value = 0
      inNumber = false
    }
  }
  const stringsKey = buffer.lastIndexOf('"strings":[')
  const strings = JSON.parse(buffer.toString('utf8', stringsKey + '"strings":'.length, buffer.lastIndexOf(']') + 1)) as string[]
  const byConstructor = new Map<string, { count: number; bytes: number }>()
  let bytes = 0
  for (let base = 0; base < nodes.length; base += stride) {
    const type = meta.node_types[0][nodes[base + typeAt]!] ?? 'unknown'
    // As DevTools groups them: objects by constructor name, everything else by its kind.
    const key = type === 'object' || type === 'native' ? (strings[nodes[base + nameAt]!] ?? '?').slice(0, 80) : `(${type})`
    const size = nodes[base + sizeAt]!
    const entry = byConstructor.get(key) ?? { count: 0, bytes: 0 }
    entry.count += 1
    entry.bytes += size
    byConstructor.set(key, entry)
    bytes += size
  }
  return { nodes: nodeCount, bytes, byConstructor }
}

function compareSnapshots(first: SnapshotSummary, last: SnapshotSummary) {
  const names = new Set([...first.byConstructor.keys(), ...last.byConstructor.keys()])
  return [...names]
    .map((name) => {
      const a = first.byConstructor.get(name) ?? { count: 0, bytes: 0 }
      const b = last.byConstructor.get(name) ?? { count: 0, bytes: 0 }
      return { name, countFirst: a.count, countLast: b.count, countGrowth: b.count - a.count, bytesGrowth: b.bytes - a.bytes }
    })
    .sort((x, y) => y.countGrowth - x.countGrowth)
    .slice(0, 10)
}

const mb = (bytes: number) => (bytes / 1024 ** 2).toFixed(1)

async function main() {
  if (!Number.isFinite(minutes) || minutes < 1) throw new Error('BENCH_SOAK_MINUTES must be a number of minutes ≥ 1')
  if (!process.argv.includes('--no-build')) await buildProductionBundle()
  const work = mkdtempSync(path.join(tmpdir(), 'guth-soak-'))
  cleanups.push(() => rmSync(work, { recursive: true, force: true }))
  const snapshotDir = path.join(work, 'snapshots')
  mkdirSync(snapshotDir)
  // One web process: RSS and heap snapshots are of the process that serves.
  const env: Record<string, string> = { DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', SMTP_URL: '', WEB_CONCURRENCY: '1' }
  if (postgresUrl) {
    const database = await createScratchDatabase(postgresUrl)
    cleanups.push(() => database.drop())
    Object.assign(env, { DATABASE_URL: database.url, SESSION_SECRET: randomBytes(32).toString('hex') })
    await seedDemoContent(env)
  }
  const server = await launchServer(env, path.join(work, 'server.log'), { nodeArgs: ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] })
  cleanups.push(() => server.stop())
  await server.waitUntilHealthy()

  const listing = await (await fetch(`${server.baseUrl}/events`)).text()
  const eventSlug = [...listing.matchAll(/href="\/events\/([a-z0-9-]+)"/g)].map((m) => m[1]).find((slug) => slug !== 'month')
  if (!eventSlug) throw new Error('No event on /events to visit')
  const pages = ['/', '/consultations/local-democracy-bill', '/events', '/events/month', `/events/${eventSlug}`, '/feeds/events.ics', '/accessibility']
  const metadata = describeRun({ database: postgresUrl ? 'postgres' : 'pglite', durationSeconds: minutes * 60, warmUpSeconds: 0, connections })
  console.log(`Soak: ${minutes} min, ${connections} connections, ${metadata.database}, pid ${server.pid}, pages ${pages.join(' ')}`)

  // The first snapshot after a minute (half the run, if shorter), the second at the end; the load
  // pauses for each, so both are of a server at rest after the same pages.
  const totalSeconds = minutes * 60
  const firstSeconds = Math.min(60, Math.floor(totalSeconds / 2))
  const started = performance.now()
  const elapsed = () => Math.round((performance.now() - started) / 1000)
  const samples = [{ seconds: 0, rssMb: rssMb(server.pid) }]
  const sampler = setInterval(() => samples.push({ seconds: elapsed(), rssMb: rssMb(server.pid) }), sampleEverySeconds * 1000)
  cleanups.push(() => clearInterval(sampler))

  const firstLoad = await drive(server.baseUrl, pages, firstSeconds)
  const oneMinute = { seconds: elapsed(), rssMb: rssMb(server.pid) }
  console.log(`… ${oneMinute.seconds} s: RSS ${oneMinute.rssMb.toFixed(0)} MB, heap snapshot`)
  const firstSnapshot = await takeHeapSnapshot(server.pid, snapshotDir, server.baseUrl)
  const firstSnapshotSeconds = elapsed()
  const secondLoad = await drive(server.baseUrl, pages, totalSeconds - firstSeconds)
  const end = { seconds: elapsed(), rssMb: rssMb(server.pid) }
  clearInterval(sampler)
  samples.push(end)
  console.log(`… ${end.seconds} s: RSS ${end.rssMb.toFixed(0)} MB, heap snapshot`)
  const lastSnapshot = await takeHeapSnapshot(server.pid, snapshotDir, server.baseUrl)
  await server.stop()

  const first = summariseSnapshot(firstSnapshot)
  const last = summariseSnapshot(lastSnapshot)
  const growth = compareSnapshots(first, last)
  const lastHalf = samples.filter((s) => s.seconds >= end.seconds / 2)
  const slope = slopePerMinute(lastHalf)
  const loads = [firstLoad, secondLoad]
  const load = {
    requests: loads.reduce((n, r) => n + r.requests.total, 0),
    requestsPerSecond: loads.reduce((n, r) => n + r.requests.total, 0) / loads.reduce((n, r) => n + r.duration, 0),
    non2xx: loads.reduce((n, r) => n + r.non2xx, 0),
    errors: loads.reduce((n, r) => n + r.errors, 0),
    latencyP99Ms: Math.max(...loads.map((r) => r.latency.p99)),
  }

  console.log(`
requests | req/s | p99 ms | non-2xx | errors
${load.requests} | ${load.requestsPerSecond.toFixed(1)} | ${load.latencyP99Ms} | ${load.non2xx} | ${load.errors}

RSS MB at start | at ${oneMinute.seconds} s | at end (${end.seconds} s) | slope over the last half, MB/min
${samples[0]!.rssMb.toFixed(0)} | ${oneMinute.rssMb.toFixed(0)} | ${end.rssMb.toFixed(0)} | ${slope.toFixed(2)}

heap snapshot | objects | self size MB
at ${firstSnapshotSeconds} s | ${first.nodes} | ${mb(first.bytes)}
at end | ${last.nodes} | ${mb(last.bytes)}

constructor (top 10 by growth in live objects) | at ${firstSnapshotSeconds} s | at end | growth | size growth KB
${growth.map((g) => `${g.name} | ${g.countFirst} | ${g.countLast} | ${g.countGrowth} | ${(g.bytesGrowth / 1024).toFixed(0)}`).join('\n')}`)

  const stamp = metadata.date.replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')
  const file = path.resolve(import.meta.dirname, 'results', `soak-${stamp}-${metadata.database}.json`)
  const figures = {
    ...metadata,
    pages,
    load,
    rss: { startMb: samples[0]!.rssMb, oneMinute, end, lastHalfSlopeMbPerMinute: slope, samples },
    heap: {
      first: { atSeconds: firstSnapshotSeconds, objects: first.nodes, bytes: first.bytes },
      last: { atSeconds: end.seconds, objects: last.nodes, bytes: last.bytes },
      topGrowth: growth,
    },
  }
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`)
  console.log(`\nResults: ${path.relative(process.cwd(), file)}`)
  if (load.non2xx || load.errors) {
    console.log('Some requests failed: the figures are not valid.')
    process.exitCode = 1
  }
}

await runBench(main, cleanUp)

import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { HttpVisitor } from '../tests/helpers/http-session'
import { createScratchDatabase } from './lib/database'
import { buildProductionBundle, launchServer, profileNodeArgs, seedDemoContent } from './lib/server'

// Closing day: many people finishing and sending full responses at once.
// Usage: npm run bench:surge -- [--no-build]   (BENCH_RESPONDENTS, BENCH_CONCURRENCY, BENCH_DATABASE_URL, WEB_CONCURRENCY)
const respondents = Number(process.env.BENCH_RESPONDENTS ?? 200)
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 20)
const postgresUrl = process.env.BENCH_DATABASE_URL
// The server's web processes; on PGlite it runs one whatever this says.
const webConcurrency = process.env.WEB_CONCURRENCY || '1'
const webProcesses = postgresUrl ? webConcurrency : '1'

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** One person: start, fill in the Respondent Information Form, answer every question, send. */
async function respond(baseUrl: string, slug: string, index: number) {
  // Each respondent comes from their own address (the server trusts one proxy hop here).
  const visitor = new HttpVisitor(baseUrl, { 'x-forwarded-for': `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}` })
  const base = `/consultations/${slug}/respond`
  const step = async (path: string, fields: Record<string, string>) => {
    const response = await visitor.postForm(path, fields)
    if (response.status !== 303) throw new Error(`${path}: ${response.status}`)
    return response.headers.get('location')!
  }
  const started = performance.now()
  await step(base, {})
  let next = await step(`${base}/about-you`, {
    respondentType: index % 5 === 0 ? 'organisation' : 'individual',
    name: `Respondent ${index}`,
    organisationName: index % 5 === 0 ? `Community Council ${index}` : '',
    publishConsent: ['with_name', 'anonymous', 'not_published'][index % 3]!,
    contactConsent: index % 2 ? 'yes' : 'no',
  })
  while (next.includes('/questions/')) {
    const page = await (await visitor.request(next)).text()
    const fields: Record<string, string> = {}
    for (const [tag] of page.matchAll(/<(input|textarea)\b[^>]*>/g)) {
      const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
      const name = attribute('name')
      if (!name?.startsWith('q-') || fields[name]) continue
      const type = attribute('type')
      fields[name] = type === 'radio' || type === 'checkbox' ? attribute('value')! : `Answer ${index}: decisions about our area should be taken closer to home.`
    }
    next = await step(next, fields)
  }
  const submitStarted = performance.now()
  const done = await step(`${base}/check`, {})
  const reference = /ref=([A-Z0-9-]+)/.exec(done)?.[1]
  if (!reference) throw new Error(`No reference in ${done}`)
  return { reference, flowMs: performance.now() - started, submitMs: performance.now() - submitStarted }
}

async function main() {
  if (!process.argv.includes('--no-build')) await buildProductionBundle()
  const work = mkdtempSync(path.join(tmpdir(), 'guth-surge-'))
  const dataDir = path.join(work, 'data')
  const env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', TRUST_PROXY: '1', WEB_CONCURRENCY: webConcurrency }
  const cleanups: (() => unknown)[] = [() => rmSync(work, { recursive: true, force: true })]
  try {
    if (postgresUrl) {
      const database = await createScratchDatabase(postgresUrl)
      cleanups.push(() => database.drop())
      Object.assign(env, { DATABASE_URL: database.url, SESSION_SECRET: randomBytes(32).toString('hex') })
      await seedDemoContent(env)
    }
    const server = await launchServer(env, path.join(work, 'server.log'), { nodeArgs: profileNodeArgs() })
    cleanups.push(() => server.stop())
    await server.waitUntilHealthy()
    const listing = await (await fetch(`${server.baseUrl}/consultations`)).text()
    const slug = /href="\/consultations\/([a-z0-9-]+)"/.exec(listing)?.[1]
    if (!slug) throw new Error('No open consultation to respond to')

    console.log(`Surge: ${respondents} full responses, ${concurrency} at a time, ${postgresUrl ? 'postgres' : 'pglite'}, ${webProcesses} web process(es) (WEB_CONCURRENCY=${webConcurrency})`)
    const results: { reference: string; flowMs: number; submitMs: number }[] = []
    let failures = 0
    let firstFailure = ''
    let nextIndex = 0
    const started = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (nextIndex < respondents) {
          const index = nextIndex++
          await respond(server.baseUrl, slug, index + 1).then(
            (r) => results.push(r),
            (error: unknown) => {
              failures += 1
              firstFailure ||= String(error)
            },
          )
        }
      }),
    )
    const seconds = (performance.now() - started) / 1000

    // Every acknowledged response must be stored exactly once: read them back as an official.
    const official = new HttpVisitor(server.baseUrl)
    await official.signIn('official@guth.example', path.join(dataDir, 'mail'))
    const manage = await (await official.request('/manage/consultations')).text()
    const row = manage.split('<tr').find((r) => r.includes(`href="/consultations/${slug}"`)) ?? ''
    const id = /\/manage\/consultations\/([0-9a-f-]{36})/.exec(row)?.[1]
    const csv = await (await official.request(`/manage/consultations/${id}/responses/export.csv`)).text()
    // Each row carries its reference once (the synthetic answers never contain one).
    const stored = [...csv.matchAll(/GUTH-[A-Z0-9]{4}-[A-Z0-9]{4}/g)].map((m) => m[0])
    const acknowledged = new Set(results.map((r) => r.reference))
    const storedOnce = [...acknowledged].every((ref) => stored.filter((s) => s === ref).length === 1)
    console.log(`
web processes | responses/s sustained | submit p50 ms | submit p99 ms | flow p50 ms | flow p99 ms | failed | acknowledged | stored | each stored once
${webProcesses} | ${(results.length / seconds).toFixed(1)} | ${percentile(results.map((r) => r.submitMs), 50).toFixed(0)} | ${percentile(results.map((r) => r.submitMs), 99).toFixed(0)} | ${percentile(results.map((r) => r.flowMs), 50).toFixed(0)} | ${percentile(results.map((r) => r.flowMs), 99).toFixed(0)} | ${failures} | ${acknowledged.size} | ${stored.length} | ${storedOnce && stored.length === acknowledged.size ? 'yes' : 'NO'}`)
    if (firstFailure) console.log(`first failure: ${firstFailure}`)
    if (!storedOnce || stored.length !== acknowledged.size || failures) process.exitCode = 1
  } finally {
    for (const undo of cleanups.reverse()) await undo()
  }
}

await main()

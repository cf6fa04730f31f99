import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as tus from 'tus-js-client'
import { HttpVisitor } from '../tests/helpers/http-session'
import { buildProductionBundle, freeLoopbackPort } from './lib/server'

// Usage: npm run bench:uploads -- [--no-build]   (BENCH_UPLOAD_MB=200 by default)
// One BSL-sized upload through tus on loopback, against a plain copy of the same file on the same
// disk, while the server's resident memory is sampled: streaming means it stays flat.
const megabytes = Number(process.env.BENCH_UPLOAD_MB ?? 200)
const chunkSize = 8 * 1024 * 1024 // as the page's Uppy sends it

async function main() {
  if (!process.argv.includes('--no-build')) await buildProductionBundle()
  const work = mkdtempSync(path.join(tmpdir(), 'guth-bench-uploads-'))
  const port = await freeLoopbackPort()
  const baseUrl = `http://127.0.0.1:${port}`
  const log = createWriteStream(path.join(work, 'server.log'))
  const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), PUBLIC_URL: baseUrl, DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout!.pipe(log)
  server.stderr!.pipe(log)
  try {
    await waitForHealth(`${baseUrl}/healthz`)
    const file = path.join(work, 'answer.mp4')
    const block = randomBytes(1024 * 1024)
    writeFileSync(file, Buffer.concat(Array.from({ length: megabytes }, () => block)))

    const copyStarted = performance.now()
    await pipeline(createReadStream(file), createWriteStream(path.join(work, 'copy.mp4')))
    const copySeconds = (performance.now() - copyStarted) / 1000

    // A respondent's draft: the upload is bound to it by the response cookie.
    const visitor = new HttpVisitor(baseUrl)
    await visitor.postForm('/consultations/local-democracy-bill/respond?index', {})
    const cookie = (visitor as unknown as { cookieHeader(): string }).cookieHeader()

    const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
    const before = rss()
    const samples: number[] = []
    const sampler = setInterval(() => samples.push(rss()), 100)
    const started = performance.now()
    await new Promise<void>((resolve, reject) => {
      new tus.Upload(createReadStream(file), {
        endpoint: `${baseUrl}/consultations/_uploads`,
        uploadSize: statSync(file).size,
        chunkSize,
        headers: { cookie },
        metadata: { purpose: 'response', consultation: 'local-democracy-bill', filename: 'answer.mp4', filetype: 'video/mp4' },
        onSuccess: () => resolve(),
        onError: reject,
      }).start()
    })
    const uploadSeconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    const result = {
      megabytes,
      chunkMegabytes: chunkSize / 1024 ** 2,
      copy: { seconds: round(copySeconds), mbPerSecond: round(megabytes / copySeconds) },
      tus: { seconds: round(uploadSeconds), mbPerSecond: round(megabytes / uploadSeconds) },
      ratioToCopy: round(copySeconds / uploadSeconds),
      serverRssMb: { before: round(before), peak: round(Math.max(...samples)), after: round(rss()), samples: samples.length },
    }
    console.table({ 'plain copy': result.copy, 'tus upload': result.tus })
    console.log(`server memory (RSS): ${result.serverRssMb.before} MB before, peak ${result.serverRssMb.peak} MB during, ${result.serverRssMb.after} MB after`)
    mkdirSync('bench/results', { recursive: true })
    const out = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}-uploads.json`
    writeFileSync(out, `${JSON.stringify({ ...result, node: process.version, at: new Date().toISOString() }, null, 2)}\n`)
    console.log(`written to ${out}`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    rmSync(work, { recursive: true, force: true })
  }
}

const round = (n: number) => Math.round(n * 10) / 10

async function waitForHealth(url: string) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('The server did not become healthy')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { HttpVisitor } from '../tests/helpers/http-session'
import { launchServer } from './lib/server'

// Usage: npm run bench:weight [-- --lang=gd] — after a production build (build/client).
// The gzipped JavaScript each public page makes the browser load at start: every script and
// modulepreload its HTML names. Chunks imported later (the design system's behaviour, strings for
// another page, the editor) are not counted.
const pages = [
  '/',
  '/consultations',
  '/consultations/local-democracy-bill',
  '/consultations/local-democracy-bill/respond/questions/1',
  '/events',
  '/events/month',
  '/events/pioneer-year-launch-edinburgh',
  '/accessibility',
]
const goalKb = 100
const language = process.argv.find((arg) => arg.startsWith('--lang='))?.slice('--lang='.length) ?? 'en'
const clientDir = path.resolve('build/client')

/** The built JavaScript files a page's HTML references, by their public path. */
function scriptsIn(html: string) {
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? []
  const fromTags = tags.flatMap((tag) => /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1] ?? [])
  // Remix's inline module script imports the entry and the route modules by path.
  const inline = [...html.matchAll(/<script\b[^>]*type="module"[^>]*>([^]*?)<\/script>/g)].flatMap(([, body]) =>
    [...body!.matchAll(/(?:import|from)\s*\(?\s*"([^"]+\.js)"/g)].map((match) => match[1]!),
  )
  return [...new Set([...fromTags, ...inline])].filter((src) => src.startsWith('/'))
}

const sizes = new Map<string, number>()
function gzippedBytes(src: string) {
  let size = sizes.get(src)
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(clientDir, src)), { level: 9 }).length
    sizes.set(src, size)
  }
  return size
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1)

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'guth-weight-'))
  const server = await launchServer({ DATA_DIR: path.join(work, 'data'), DATABASE_URL: '', SMTP_URL: '' }, path.join(work, 'server.log'))
  try {
    await server.waitUntilHealthy()
    const visitor = new HttpVisitor(server.baseUrl, { 'accept-language': language })
    // A question page is shown to someone who has started a response.
    const started = await visitor.postForm('/consultations/local-democracy-bill/respond', {})
    if (started.status !== 303) throw new Error(`Starting a response answered ${started.status}`)
    const rows: { page: string; scripts: string[] }[] = []
    for (const page of pages) {
      const response = await visitor.request(page)
      if (response.status !== 200) throw new Error(`${page} answered ${response.status}`)
      rows.push({ page, scripts: scriptsIn(await response.text()) })
    }
    const shared = rows.map((row) => row.scripts).reduce((common, scripts) => common.filter((src) => scripts.includes(src)))
    const sum = (scripts: string[]) => scripts.reduce((total, src) => total + gzippedBytes(src), 0)
    console.log(`JavaScript at page load, gzip -9, ${language}:\n`)
    console.log(`${'page'.padEnd(58)} ${'files'.padStart(5)} ${'KB gz'.padStart(7)} ${'own'.padStart(7)}`)
    for (const { page, scripts } of rows) {
      const total = sum(scripts)
      const own = sum(scripts.filter((src) => !shared.includes(src)))
      console.log(`${page.padEnd(58)} ${String(scripts.length).padStart(5)} ${kb(total).padStart(7)} ${kb(own).padStart(7)}${total > goalKb * 1024 ? `  over ${goalKb} KB` : ''}`)
    }
    console.log(`${'shared by every page'.padEnd(58)} ${String(shared.length).padStart(5)} ${kb(sum(shared)).padStart(7)}`)
    if (process.argv.includes('--files')) {
      console.log('\nFiles, largest first:')
      const all = [...new Set(rows.flatMap((row) => row.scripts))].sort((a, b) => gzippedBytes(b) - gzippedBytes(a))
      for (const src of all) console.log(`${kb(gzippedBytes(src)).padStart(7)}  ${src}`)
    }
    if (rows.some((row) => sum(row.scripts) > goalKb * 1024)) process.exitCode = 1
  } finally {
    await server.stop()
    rmSync(work, { recursive: true, force: true })
  }
}

await main()

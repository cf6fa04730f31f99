import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { demoAccounts } from '../helpers/demo-accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type InProcessApp, startInProcessApp } from './fuzz/app'
import { Crawler, type FoundForm } from './fuzz/crawl'
import type { ParsedForm } from './fuzz/forms'
import { Harness, type RequestRecord, type Role, roles } from './fuzz/harness'
import { fillPattern, type ManifestRoute, manifestRoutes } from './fuzz/routes'
import { badParams, badQueries, baselineVariant, formVariants, getFormVariants, NO_SUCH_ID } from './fuzz/variants'

// Issue 13: every form and every parameterised page, found from the route manifest and by
// walking the site as each role, is sent what careless clients and attackers send. No request
// may get a 5xx; every 4xx is a page in the visitor's language; a refused request writes nothing.
// New routes are covered without editing this file.

const accounts: Record<Exclude<Role, 'anonymous'>, string> = demoAccounts

let app: InProcessApp
let harness: Harness
let crawler: Crawler
let routes: ManifestRoute[]
const summary = { forms: 0, getForms: 0, fallbackRoutes: [] as string[], seconds: 0 }

/** Fills a route's params from a real URL that shares the path up to each param, or a made-up value. */
function sampleParams(route: ManifestRoute): Record<string, string> {
  const values: Record<string, string> = { ...crawler.samples.get(route.id) }
  route.segments.forEach((segment, i) => {
    if (!segment.startsWith(':') || values[segment.slice(1)] !== undefined) return
    const prefix = route.segments.slice(0, i + 1).join('/')
    for (const other of routes) {
      const sample = crawler.samples.get(other.id)
      if (sample && other.segments.slice(0, i + 1).join('/') === prefix && sample[segment.slice(1)] !== undefined) {
        values[segment.slice(1)] = sample[segment.slice(1)]!
        return
      }
    }
    const name = segment.slice(1)
    values[name] = /number|page|step/i.test(name) ? '1' : /id$/i.test(name) ? NO_SUCH_ID : 'no-such-thing'
  })
  if (route.segments.includes('*') && values['*'] === undefined) values['*'] = 'no-such-page'
  return values
}

async function fuzzParameterisedPages() {
  for (const route of routes.filter((r) => r.hasLoader && r.params.length)) {
    const reached = crawler.reachedBy.get(route.id) ?? []
    const who = [...new Set<Role>(['anonymous', reached.find((r) => r !== 'anonymous') ?? 'admin'])]
    const sample = sampleParams(route)
    for (const role of who) {
      for (const param of route.params) {
        for (const bad of badParams) {
          const url = fillPattern(route, { ...sample, [param]: bad.value }, [param])
          await harness.send(role, url, { phase: 'path params', variant: `${param}: ${bad.name}` })
        }
      }
    }
  }
}

async function fuzzQueries() {
  const firstPerRoute = new Map<string, (typeof crawler.pages)[number]>()
  for (const page of crawler.pages) if (!firstPerRoute.has(page.routeId)) firstPerRoute.set(page.routeId, page)
  for (const page of firstPerRoute.values()) {
    // 8 KB: as long an address as browsers and proxies pass on (longer ones Node refuses itself).
    const queries = page.hasSearch ? [...badQueries, { name: 'q=<8 KB>', query: { q: 'a'.repeat(8 * 1024) } }] : badQueries
    for (const bad of queries) {
      const url = new URL(page.url, harness.baseUrl)
      // Values already escaped (%00) go in as they are; others are escaped here.
      const extra = Object.entries(bad.query).map(([k, v]) => `${k}=${/%/.test(v) ? v : encodeURIComponent(v)}`)
      for (const key of Object.keys(bad.query)) url.searchParams.delete(key)
      const search = [url.search.slice(1), ...extra].filter(Boolean).join('&')
      await harness.send(page.role, `${url.pathname}?${search}`, { phase: 'query', variant: bad.name })
    }
  }
  for (const found of crawler.getForms) {
    for (const variant of getFormVariants(found.form)) {
      await harness.send(found.role, `${found.form.action}?${variant.query}`, { phase: 'GET form', variant: variant.name, field: variant.field })
    }
  }
}

const controlled = new Set<Role>()

async function fuzzForm(found: Pick<FoundForm, 'role' | 'form' | 'danger'>, phase: string) {
  const visitor = harness.visitors[found.role]
  const url = found.form.action
  if (!controlled.has(found.role)) {
    // The control: the same sensible form without its token must be refused, or the suite proves nothing.
    controlled.add(found.role)
    const control = baselineVariant(found.form, undefined, 'control: no csrf token')
    await harness.send(found.role, url, { method: 'POST', phase: 'control', variant: control.name, body: control.body, contentType: control.contentType })
  }
  // The sensible form goes first, to show it is accepted before anything else changed the data,
  // except where it takes something away, which would leave the other variants nothing to hit.
  const baseline = baselineVariant(found.form, visitor.csrf)
  const sendBaseline = async () => {
    const sent = await harness.send(found.role, url, { method: 'POST', phase, variant: baseline.name, body: baseline.body, contentType: baseline.contentType })
    // Where a sensible form leads (the next step of a response, a sign-in code) may hold more forms.
    if (sent.status >= 300 && sent.status < 400 && sent.location) {
      const next = new URL(sent.location, harness.baseUrl)
      if (next.origin === new URL(harness.baseUrl).origin) await crawler.crawl(found.role, [next.pathname + next.search], 'follow', 8)
    }
  }
  if (!found.danger) await sendBaseline()
  for (const variant of formVariants(found.form, visitor.csrf)) {
    await harness.send(found.role, url, {
      method: 'POST',
      phase,
      variant: variant.name,
      field: variant.field,
      body: variant.body,
      contentType: variant.contentType,
      // Made-up fields (a route no page led to) may rightly be ignored, NUL and all.
      mustRefuse: variant.mustRefuse && phase !== 'manifest',
    })
  }
  if (found.danger) await sendBaseline()
}

async function fuzzForms() {
  const done = new Set<string>()
  for (let found = crawler.nextPostForm(done); found; found = crawler.nextPostForm(done)) {
    done.add(found.key)
    await fuzzForm(found, 'form')
  }
  summary.forms = done.size
}

// Routes with an action that no page led to still get the treatment, with fields they may read.
async function fuzzUnreachedActions() {
  const posted = new Set(harness.records.filter((r) => r.method === 'POST').map((r) => r.routeId))
  const generic: ParsedForm['fields'] = ['intent', 'name', 'email', 'body', 'id'].map((name) => ({
    name,
    kind: name === 'email' ? 'email' : 'text',
    values: [''],
    options: [],
    required: false,
  }))
  for (const route of routes.filter((r) => r.hasAction && !posted.has(r.id))) {
    summary.fallbackRoutes.push(route.id)
    const action = fillPattern(route, sampleParams(route)) + (route.index ? '?index' : '')
    for (const role of ['anonymous', 'citizen', 'admin'] as const) {
      for (const enctype of ['application/x-www-form-urlencoded', 'multipart/form-data'] as const) {
        await fuzzForm({ role, form: { method: 'post', action, enctype, fields: generic }, danger: 1 }, 'manifest')
      }
    }
  }
}

beforeAll(async () => {
  const started = Date.now()
  app = await startInProcessApp()
  routes = manifestRoutes(app.build)
  const { startSession } = await import('~/modules/accounts/sessions.server')
  const { languageCookie } = await import('~/platform/i18n/i18next.server')
  harness = new Harness(app.baseUrl, app.connection, routes, startSession, (language) => languageCookie.serialize(language), accounts)
  await harness.start()
  crawler = new Crawler(harness, routes)
  try {
    const seeds = routes.filter((r) => r.hasLoader && !r.params.length).map((r) => r.pattern)
    for (const role of roles) await crawler.crawl(role, seeds)
    harness.say(`fuzz: crawled ${harness.records.length} pages, ${crawler.postForms.length} POST forms, ${crawler.getForms.length} GET forms (${Math.round((Date.now() - started) / 1000)} s)`)
    summary.getForms = crawler.getForms.length
    await fuzzParameterisedPages()
    await fuzzQueries()
    harness.say(`fuzz: GETs done, ${harness.records.length} requests (${Math.round((Date.now() - started) / 1000)} s)`)
    await fuzzForms()
    await fuzzUnreachedActions()
  } finally {
    harness.stop()
  }
  summary.seconds = Math.round((Date.now() - started) / 1000)
  report()
}, 900_000)

afterAll(async () => {
  harness?.stop()
  await app?.stop()
})

const failing = (kind: RequestRecord['failures'][number]) => harness.records.filter((r) => r.failures.includes(kind))
const list = (records: RequestRecord[]) => group(records).slice(0, 200).join('\n')

function group(records: RequestRecord[]) {
  const groups = new Map<string, RequestRecord[]>()
  for (const r of records) {
    const key = `${r.routeId}  ${r.method} ${r.variant}  → ${r.status}`
    groups.set(key, [...(groups.get(key) ?? []), r])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, rs]) => {
      const fields = [...new Set(rs.map((r) => r.field).filter(Boolean))]
      const example = rs[0]!
      const changed = example.changed.length ? ` [rows: ${example.changed.join(', ')}]` : ''
      return `  ${key}  ×${rs.length}${fields.length ? ` fields: ${fields.slice(0, 8).join(', ')}${fields.length > 8 ? ', …' : ''}` : ''}\n      as ${example.role}: ${example.url}${changed}\n      ${example.snippet}`
    })
}

function report() {
  const records = harness.records
  const actionRoutes = routes.filter((r) => r.hasAction)
  const posted = new Set(records.filter((r) => r.method === 'POST').map((r) => r.routeId))
  const got = new Set(records.filter((r) => r.method === 'GET').map((r) => r.routeId))
  const loaderRoutes = routes.filter((r) => r.hasLoader)
  const kinds = [
    '5xx or no answer',
    'connection left broken',
    '4xx not an HTML page',
    '4xx in the wrong language',
    'refused but rows changed',
    'NUL accepted',
    'content after </html>',
    'cookie on a cacheable or non-page answer',
  ] as const
  const lines = [
    `Guth fuzz suite: ${records.length} requests in ${summary.seconds} s over ${harness.tableCount} counted tables`,
    `routes with an action covered: ${actionRoutes.filter((r) => posted.has(r.id)).length}/${actionRoutes.length}` +
      ` (${summary.fallbackRoutes.length} only from the manifest: ${summary.fallbackRoutes.join(', ') || 'none'})`,
    `routes with a loader covered by GET: ${loaderRoutes.filter((r) => got.has(r.id)).length}/${loaderRoutes.length}`,
    `forms fuzzed: ${summary.forms} POST, ${summary.getForms} GET`,
    `requests: ${records.length} (${records.filter((r) => r.method === 'POST').length} POST, ${records.filter((r) => r.method === 'GET').length} GET)`,
    `statuses: ${Object.entries(countBy(records.map((r) => String(r.status)))).map(([s, n]) => `${s}×${n}`).join(' ')}`,
    ...kinds.map((kind) => `${kind}: ${failing(kind).length} requests in ${group(failing(kind)).length} groups`),
    '',
  ]
  for (const kind of kinds) {
    const rs = failing(kind)
    if (rs.length) lines.push(`== ${kind} (${rs.length}) ==`, ...group(rs), '')
  }
  const text = lines.join('\n')
  const file = path.join(tmpdir(), 'guth-fuzz-report.txt')
  writeFileSync(file, text)
  writeFileSync(path.join(tmpdir(), 'guth-fuzz-requests.json'), JSON.stringify({ records, forms: crawler.postForms.map(({ form: _, ...f }) => f) }))
  harness.say(`${lines.slice(0, 6 + kinds.length).join('\n')}\nfull report: ${file}`)
}

function countBy(values: string[]) {
  const out: Record<string, number> = {}
  for (const v of values.sort()) out[v] = (out[v] ?? 0) + 1
  return out
}

describe('the harness reaches the app', () => {
  test('a form without its csrf token is refused for every role', () => {
    const controls = harness.records.filter((r) => r.phase === 'control')
    expect(controls.map((r) => r.role).sort()).toEqual([...roles].sort())
    expect(controls.filter((r) => r.status !== 403).map((r) => `${r.role} ${r.url} → ${r.status}`)).toEqual([])
  })

  test('sensible forms are accepted, for every role, and most fuzzed forms get past the token check', () => {
    const baselines = harness.records.filter((r) => r.phase === 'form' && r.variant.startsWith('baseline'))
    const accepted = baselines.filter((r) => r.status >= 200 && r.status < 400)
    expect(roles.filter((role) => !accepted.some((r) => r.role === role))).toEqual([])
    expect(accepted.some((r) => r.routeId === 'routes/sign-in._index' && r.status === 303)).toBe(true)
    const posts = harness.records.filter((r) => r.phase === 'form' && r.variant !== 'JSON body')
    const forbidden = posts.filter((r) => r.status === 403)
    expect(forbidden.length / posts.length, 'share of fuzzed form requests refused as 403').toBeLessThan(0.2)
  })

  test('the row counter sees writes: some accepted requests changed a count', () => {
    expect(harness.records.filter((r) => r.status < 400 && r.changed.length).length).toBeGreaterThan(10)
  })

  test('every route with an action got fuzzed requests, and every route with params got GETs', () => {
    const posted = new Set(harness.records.filter((r) => r.method === 'POST').map((r) => r.routeId))
    expect(routes.filter((r) => r.hasAction && !posted.has(r.id)).map((r) => r.id)).toEqual([])
    const got = new Set(harness.records.filter((r) => r.method === 'GET').map((r) => r.routeId))
    expect(routes.filter((r) => r.hasLoader && r.params.length && !got.has(r.id)).map((r) => r.id)).toEqual([])
  })
})

describe('what careless clients send', () => {
  test('no request gets a 5xx or no answer at all', () => {
    expect(list(failing('5xx or no answer'))).toBe('')
  })

  test('the connection still works after every answer (the body was read or the connection closed)', () => {
    expect(list(failing('connection left broken'))).toBe('')
  })

  test('every 4xx is an HTML page', () => {
    expect(list(failing('4xx not an HTML page'))).toBe('')
  })

  test('every 4xx page is in the visitor’s language', () => {
    expect(list(failing('4xx in the wrong language'))).toBe('')
  })

  test('a refused request changes no row count (no half-writes)', () => {
    expect(list(failing('refused but rows changed'))).toBe('')
  })

  test('a form with NUL in every field is refused', () => {
    expect(list(failing('NUL accepted'))).toBe('')
  })

  test('no HTML answer, page or error, has anything after </html>', () => {
    expect(harness.records.filter((r) => r.html).length, 'HTML answers checked').toBeGreaterThan(1000)
    expect(list(failing('content after </html>'))).toBe('')
  })

  test('no feed, file or other public, cacheable answer sets a cookie; only pages set the CSRF cookie', () => {
    expect(list(failing('cookie on a cacheable or non-page answer'))).toBe('')
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, inject, test } from 'vitest'
import { withBrowser } from '../helpers/browser'
import { formToken, HttpVisitor } from '../helpers/http-session'

const browser = withBrowser()
const get = (url: string, headers: Record<string, string> = {}) => fetch(new URL(url, inject('baseUrl')), { redirect: 'manual', headers })
// The bytes as sent (fetch would undo the compression).
const getRaw = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    httpGet(new URL(url, inject('baseUrl')), { headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })

// Pages anyone can read, to follow links from (every one of them renders a form: the language switcher).
const PUBLIC_PAGES = ['/', '/events', '/events?when=past', '/events/month', '/consultations', '/bsl', '/accessibility', '/privacy', '/cookies', '/sign-in', '/no-such-page']

// A route file with no default export answers with its own Response, never the root layout: the
// route manifest's feeds, calendar files, embeds and downloads. As URL patterns, e.g. /events/:slug/calendar.ics.
const resourceRoutes = readdirSync('app/routes')
  .filter((file) => /\.tsx?$/.test(file) && !/export default/.test(readFileSync(path.join('app/routes', file), 'utf8')))
  .map((file) => {
    const segments = file.replace(/\.tsx?$/, '').replace(/\[\.\]/g, '\u0000').split('.')
    const pattern = `/${segments.map((s) => (s.startsWith('$') ? `:${s.slice(1)}` : s)).join('/')}`.replace(/\u0000/g, '.')
    return { file, pattern, matches: new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/:[^/]+/g, '[^/]+')}$`) }
  })

async function linksOf(page: string) {
  const html = await (await get(page)).text()
  const found = [...html.matchAll(/\s(?:href|src)="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'))
  return { html, links: found.filter((link) => !link.startsWith('//')) }
}

describe('public, cacheable answers set no cookie', () => {
  test('every feed, calendar file, embed, download and static file linked from a public page, and every other resource route, sets no cookie', async () => {
    const linked = new Set<string>(['/feeds/events.ics', '/embed/events', '/embed/events?limit=2', '/robots.txt', '/favicon.svg'])
    for (const page of PUBLIC_PAGES) for (const link of (await linksOf(page)).links) linked.add(link)
    // The pages of a few events, where each event's own calendar file is linked.
    for (const link of [...linked].filter((l) => /^\/events\/[a-z0-9-]+$/.test(l)).slice(0, 4)) for (const more of (await linksOf(link)).links) linked.add(more)

    const answers: { url: string; status: number; type: string; cache: string; cookies: string[] }[] = []
    // Pages (the site's own 404 page too) render the language form, and may set the cookie; the embed renders none.
    const ask = async (url: string) => {
      const response = await get(url)
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!
      await response.arrayBuffer()
      const cache = response.headers.get('cache-control') ?? ''
      if (type === 'text/html' && !url.startsWith('/embed/') && !/\bpublic\b/.test(cache)) return
      answers.push({ url, status: response.status, type, cache, cookies: response.headers.getSetCookie() })
    }
    for (const url of linked) await ask(url)
    // Routes no public page links to (downloads for staff, files of a consultation the seed lacks) are asked for anyway.
    const reached = (route: (typeof resourceRoutes)[number]) => answers.some((a) => route.matches.test(a.url.split('?')[0]!))
    for (const route of resourceRoutes.filter((r) => !reached(r))) await ask(route.pattern.replace(/:[^/]+/g, 'no-such-thing'))

    expect(resourceRoutes.map((r) => r.pattern)).toEqual(expect.arrayContaining(['/feeds/events.ics', '/feeds/events.rss', '/feeds/events.atom', '/embed/events', '/events/:slug/calendar.ics']))
    const kinds = new Set(answers.filter((a) => a.status === 200).map((a) => a.type))
    for (const kind of ['text/calendar', 'application/rss+xml', 'application/atom+xml', 'text/html', 'text/css', 'application/javascript', 'image/svg+xml', 'text/plain']) {
      expect(kinds, `a 200 answer of type ${kind}`).toContain(kind)
    }
    expect(answers.filter((a) => /\/events\/[^/]+\/calendar\.ics$/.test(a.url) && a.status === 200).length).toBeGreaterThanOrEqual(3)
    const publicOnes = answers.filter((a) => /\bpublic\b/.test(a.cache))
    expect(publicOnes.map((a) => a.url)).toEqual(expect.arrayContaining(['/feeds/events.ics', '/feeds/events.rss', '/feeds/events.atom', '/embed/events', '/embed/events.css', '/robots.txt']))
    expect(answers.filter((a) => a.cookies.length).map((a) => `${a.url} → ${a.status} ${a.cookies.join(' | ')}`)).toEqual([])
  })

  test('a feed is sent compressed as the calendar app asks, each coding with its own tag, and any of them is current', async () => {
    const plain = await getRaw('/feeds/events.ics', { 'accept-encoding': 'identity' })
    const text = plain.body.toString()
    expect(text).toMatch(/^BEGIN:VCALENDAR/)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const tags: string[] = [String(plain.headers.etag)]
    for (const [asked, coding] of [['gzip', 'gzip'], ['br, gzip', 'br']] as const) {
      const response = await getRaw('/feeds/events.ics', { 'accept-encoding': asked })
      expect(response.headers['content-encoding']).toBe(coding)
      expect(response.headers.vary).toMatch(/accept-encoding/i)
      expect(Number(response.headers['content-length'])).toBe(response.body.length)
      const unpacked = coding === 'br' ? brotliDecompressSync(response.body) : gunzipSync(response.body)
      expect(unpacked.toString()).toBe(text)
      expect(response.body.length).toBeLessThan(unpacked.length / 2)
      tags.push(String(response.headers.etag))
    }
    expect(new Set(tags).size).toBe(3)
    for (const tag of tags) expect((await get('/feeds/events.ics', { 'if-none-match': tag, 'accept-encoding': 'br' })).status).toBe(304)
  })

  test('a conditional GET of a feed (304) sets no cookie either', async () => {
    const first = await get('/feeds/events.ics')
    const etag = first.headers.get('etag')!
    await first.arrayBuffer()
    const again = await get('/feeds/events.ics', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.headers.getSetCookie()).toEqual([])
  })
})

describe('anonymous pages set no cookie, and their forms still work', () => {
  test('no public page sets a cookie for a reader who has none, and the page in the same hours is the same token', async () => {
    const tokens = new Set<string>()
    for (const url of PUBLIC_PAGES) {
      const response = await get(url, { 'accept-encoding': 'br, gzip' })
      const html = await response.text()
      expect(response.headers.getSetCookie(), url).toEqual([])
      const token = formToken(html)
      expect(token, `${url} has a form token`).toBeTruthy()
      tokens.add(token!)
    }
    expect(tokens.size).toBe(1)
  })

  test('a signed-in person’s pages give them their own anti-forgery cookie (HttpOnly, SameSite=Lax), once', async () => {
    const visitor = new HttpVisitor(inject('baseUrl'))
    await visitor.signIn(`csrf-cookie-${Date.now()}@example.org`, inject('mailDir'))
    const response = await visitor.request('/account')
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('guth_csrf='))
    expect(cookie).toMatch(/^guth_csrf=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/)
    const token = cookie!.split(';')[0]!.slice('guth_csrf='.length)
    expect(await response.text()).toContain(`name="csrf" value="${token}"`)
    const again = await visitor.request('/account')
    await again.arrayBuffer()
    expect(again.headers.getSetCookie().filter((c) => c.startsWith('guth_csrf='))).toEqual([])
  })

  test('another site’s form, sent from a browser, is refused even with a current anonymous token', async () => {
    const token = formToken(await (await get('/sign-in')).text())!
    const body = new URLSearchParams({ csrf: token, email: 'forged@example.org' })
    const headers = { 'content-type': 'application/x-www-form-urlencoded' }
    const forged = await fetch(new URL('/sign-in', inject('baseUrl')), { method: 'POST', redirect: 'manual', body, headers: { ...headers, 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' } })
    expect(forged.status).toBe(403)
    expect(await forged.text()).toContain('The form has expired')
  })

  test.each([
    { javaScriptEnabled: true, label: 'with JavaScript' },
    { javaScriptEnabled: false, label: 'without JavaScript' },
  ])('a first-time visitor $label can send the first form they see', async ({ javaScriptEnabled }) => {
    const { page, problems, close } = await browser.newPage({ javaScriptEnabled })
    await page.goto('/sign-in')
    expect(await page.context().cookies()).toEqual([])
    await page.getByLabel('Email address').fill(`first-form-${javaScriptEnabled ? 'js' : 'nojs'}@example.org`)
    await page.getByRole('button', { name: 'Send me a sign-in code' }).click()
    await page.waitForURL(/\/sign-in\/code\//)
    expect(await page.locator('h1').textContent()).not.toBe('The form has expired')
    expect(problems).toEqual([])
    await close()
  })
})

describe('every page is a whole HTML document', () => {
  test.each([
    ['a browser', 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0'],
    ['a search engine', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
  ])('as %s sees it, nothing follows </html>, and the data scripts are inside the body', async (_who, userAgent) => {
    const pages = new Set(PUBLIC_PAGES)
    for (const link of (await linksOf('/events')).links) if (/^\/events\/[a-z0-9-]+$/.test(link)) pages.add(link)
    for (const link of (await linksOf('/consultations')).links) if (/^\/consultations\/[a-z0-9-]+$/.test(link)) pages.add(link)
    const endings: Record<string, string> = {}
    for (const url of pages) {
      const html = await (await get(url, { 'user-agent': userAgent })).text()
      endings[url] = html.slice(html.indexOf('</html>') + '</html>'.length)
      expect(html, url).toContain('streamController.close()')
      expect(html.indexOf('streamController.close()'), url).toBeLessThan(html.indexOf('</body>'))
    }
    expect(pages.size).toBeGreaterThanOrEqual(14)
    expect(Object.entries(endings).filter(([, after]) => after.trim() !== '')).toEqual([])
  })
})

describe('search results can summarise the home page and the events list', () => {
  test.each([
    ['/', 'en', 'Respond to consultations on draft laws, in English, Gaelic or British Sign Language. Find Open Government events near you or online.'],
    ['/', 'gd', 'Freagair co-chomhairlean air dreachdan de laghan, ann am Beurla, sa Ghàidhlig no ann an Cànan Soidhnidh Bhreatainn. Lorg tachartasan Riaghaltais Fhosgailte faisg ort no air loidhne.'],
    ['/events', 'en', 'Open Government events across Scotland and online: meet people, learn and have your say.'],
    ['/events', 'gd', 'Tachartasan Riaghaltas Fosgailte air feadh Alba agus air loidhne: coinnich ri daoine, ionnsaich is cuir do bheachd an cèill.'],
  ])('%s in %s has one meta description, in that language', async (url, language, description) => {
    const html = await (await get(url, { 'accept-language': language })).text()
    expect(html).toContain(`<html lang="${language}"`)
    const found = [...html.matchAll(/<meta name="description" content="([^"]*)"\/?>/g)].map((m) => m[1])
    expect(found).toEqual([description])
  })
})

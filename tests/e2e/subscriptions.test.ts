import { expect, inject, test } from 'vitest'
import { HttpVisitor } from '../helpers/http-session'

// Issue 16: the events calendar says how to follow it (calendar app, news reader) and how to show
// it on another site, and each of those addresses answers with what it says it is.
const baseUrl = inject('baseUrl')

test.each([
  ['en', 'Follow in a news reader (RSS)', 'Show these events on your website'],
  ['gd', 'Lean ann an leughadair naidheachdan (RSS)', 'Seall na tachartasan seo air an làrach-lìn agad'],
] as const)('/events links its RSS, Atom and iCal feeds and gives the embed code (%s)', async (language, rssLabel, embedHeading) => {
  const visitor = new HttpVisitor(baseUrl, { 'accept-language': language })
  const html = await (await visitor.request('/events')).text()
  expect(html).toContain(rssLabel)
  expect(html).toContain(embedHeading)
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'))
  const rss = links.find((href) => href.endsWith('/feeds/events.rss'))!
  const atom = links.find((href) => href.endsWith('/feeds/events.atom'))!
  expect(links.some((href) => href.startsWith('webcal:') && href.includes('/feeds/events.ics'))).toBe(true)
  const embed = /<textarea[^>]*id="embed-code"[^>]*>([^<]*)<\/textarea>/.exec(html)?.[1]?.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>')
  const embedSrc = /<iframe src="([^"]+)"/.exec(embed ?? '')?.[1]
  expect(embedSrc).toMatch(/\/embed\/events$/)
  for (const [url, type] of [
    [rss, /application\/rss\+xml/],
    [atom, /application\/atom\+xml/],
    [embedSrc!, /text\/html/],
  ] as const) {
    const answer = await visitor.request(new URL(url, baseUrl).pathname)
    expect(answer.status, url).toBe(200)
    expect(answer.headers.get('content-type')).toMatch(type)
  }
})

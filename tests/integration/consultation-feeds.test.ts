import { execFileSync } from 'node:child_process'
import { describe, expect, test } from 'vitest'
import * as consultationList from '~/routes/consultations._index'
import * as atomFeed from '~/routes/feeds.consultations[.]atom'
import * as rssFeed from '~/routes/feeds.consultations[.]rss'
import { givenConsultation } from '../helpers/consultations'
import { withTestDatabase } from '../helpers/db'

withTestDatabase()

const DAY = 86_400_000

// The system python has python3-feedparser; a feed reader's parser is the judge, not our own.
function parse(xml: string) {
  const script = 'import sys, json, feedparser; f = feedparser.parse(sys.stdin.read()); print(json.dumps({"bozo": bool(f.bozo), "lang": f.feed.get("language"), "entries": [{"title": e.title, "link": e.link} for e in f.entries]}))'
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: xml }).toString()) as { bozo: boolean; lang?: string; entries: { title: string; link: string }[] }
}

const load = async (route: typeof rssFeed, query = '') => {
  const response = await route.loader({ request: new Request(`http://localhost/feeds/consultations${query}`), params: {}, context: {} } as never)
  return (response as Response).text()
}

describe('consultation feeds', () => {
  test('RSS and Atom list only what has happened to public consultations, with links a reader can follow', async () => {
    const open = await givenConsultation()
    const forthcoming = await givenConsultation({ opensAt: new Date(Date.now() + 5 * DAY), closesAt: new Date(Date.now() + 20 * DAY) })
    const draft = await givenConsultation({ published: false })
    for (const route of [rssFeed, atomFeed]) {
      const feed = parse(await load(route))
      expect(feed.bozo).toBe(false)
      const titles = feed.entries.map((entry) => entry.title)
      expect(titles).toContain(`New consultation: ${open.consultation.title.en}`)
      expect(titles).toContain(`Now open: ${open.consultation.title.en}`)
      expect(titles).toContain(`New consultation: ${forthcoming.consultation.title.en}`)
      expect(titles).not.toContain(`Now open: ${forthcoming.consultation.title.en}`)
      expect(titles.some((title) => title.includes(draft.consultation.slug))).toBe(false)
      expect(feed.entries.find((entry) => entry.title.includes(open.consultation.slug))!.link).toMatch(new RegExp(`/consultations/${open.consultation.slug}$`))
    }
  })

  test('?lang=gd gives the feed in Gaelic', async () => {
    const open = await givenConsultation()
    const feed = parse(await load(rssFeed, '?lang=gd'))
    expect(feed.lang).toBe('gd')
    expect(feed.entries.map((entry) => entry.title)).toContain(`Fosgailte a-nis: ${open.consultation.title.gd}`)
  })

  test('the consultations page points feed readers at both feeds', () => {
    const tags = consultationList.meta({ data: { title: 'Consultations', serviceName: 'Guth' } } as never) as { rel?: string; href?: string }[]
    expect(tags.filter((tag) => tag.rel === 'alternate').map((tag) => tag.href)).toEqual(['/feeds/consultations.rss', '/feeds/consultations.atom'])
  })
})

import { and, isNotNull, isNull } from 'drizzle-orm'
import { escapeXml } from '~/kernel/xml'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { isLanguage, type Language } from '~/platform/i18n/config'
import { getLanguage } from '~/platform/i18n/i18next.server'
import { conditional } from '~/platform/versioned-response.server'
import { consultations } from './schema'

type Milestone = 'published' | 'opens' | 'closes' | 'analysis'
const words: Record<Language, Record<Milestone, string> & { title: string }> = {
  en: { title: 'Guth: consultations', published: 'New consultation', opens: 'Now open', closes: 'Closed', analysis: 'Analysis published' },
  gd: { title: 'Guth: co-chomhairlean', published: 'Co-chomhairle ùr', opens: 'Fosgailte a-nis', closes: 'Dùinte', analysis: 'Chaidh an anailis fhoillseachadh' },
}

/** One entry per milestone that has happened (published, opened, closed, analysis published) of public consultations, newest first. */
export async function consultationMilestones(language: Language, now = new Date()) {
  const rows = await getDb()
    .select()
    .from(consultations)
    .where(and(isNotNull(consultations.publishedAt), isNull(consultations.retractedAt)))
  const base = getEnv().PUBLIC_URL
  return rows
    .flatMap((row) => {
      const title = (language === 'gd' && row.title.gd) || row.title.en
      const url = `${base}/consultations/${row.slug}`
      const dates: [Milestone, Date | null][] = [['published', row.publishedAt], ['opens', row.opensAt], ['closes', row.closesAt], ['analysis', row.analysisPublishedAt]]
      return dates
        .filter((entry): entry is [Milestone, Date] => entry[1] !== null && entry[1] <= now)
        .map(([kind, at]) => ({ id: `${row.id}:${kind}`, title: `${words[language][kind]}: ${title}`, url: kind === 'analysis' ? `${base}/analysis/${row.slug}` : url, at, summary: (language === 'gd' && row.summary.gd) || row.summary.en }))
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime())
}

type Item = Awaited<ReturnType<typeof consultationMilestones>>[number]

function renderRss(items: Item[], language: Language) {
  const base = getEnv().PUBLIC_URL
  const entries = items.map((item) => `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link><guid isPermaLink="false">${item.id}</guid><pubDate>${item.at.toUTCString()}</pubDate><description>${escapeXml(item.summary)}</description></item>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>${escapeXml(words[language].title)}</title><link>${base}/consultations</link><atom:link href="${base}/feeds/consultations.rss" rel="self" type="application/rss+xml"/><description>${escapeXml(words[language].title)}</description><language>${language === 'gd' ? 'gd' : 'en-gb'}</language>${entries.join('')}</channel></rss>\n`
}

function renderAtom(items: Item[], language: Language) {
  const base = getEnv().PUBLIC_URL
  const updated = new Date(Math.max(0, ...items.map((item) => item.at.getTime()))).toISOString()
  const entries = items.map((item) => `<entry><id>urn:guth:consultation:${item.id}</id><title>${escapeXml(item.title)}</title><link href="${escapeXml(item.url)}"/><updated>${item.at.toISOString()}</updated><summary>${escapeXml(item.summary)}</summary></entry>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language === 'gd' ? 'gd' : 'en-GB'}"><id>${base}/consultations</id><title>${escapeXml(words[language].title)}</title><updated>${updated}</updated><link href="${base}/consultations"/><link rel="self" href="${base}/feeds/consultations.atom"/><author><name>Guth</name></author>${entries.join('')}</feed>\n`
}

/** RSS or Atom of consultations' milestones, in the language of ?lang= or the visitor's cookie. */
export async function consultationFeedResponse(request: Request, format: 'rss' | 'atom') {
  const asked = new URL(request.url).searchParams.get('lang')
  const language = isLanguage(asked) ? asked : await getLanguage(request)
  const items = await consultationMilestones(language)
  const text = format === 'rss' ? renderRss(items, language) : renderAtom(items, language)
  const contentType = format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8'
  return conditional(request, { version: text, lastModified: new Date(Math.max(0, ...items.map((item) => item.at.getTime()))), contentType, body: () => text })
}

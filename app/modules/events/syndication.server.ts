import { escapeXml } from '~/kernel/xml'
import { getEnv } from '~/platform/env.server'
import type { Language } from '~/platform/i18n/config'
import { eventLocation, eventUrl } from './calendar.server'
import type { EventFilters } from './forms'
import { englishOnly, eventTitle } from './language'
import { listEvents } from './queries.server'
import { formatWhen } from './when.server'

const upcomingFilters = (filters: Partial<EventFilters>): EventFilters => ({ access: [], when: 'upcoming', page: 1, ...filters })

/** The next upcoming events (as on the calendar's first page) with what a feed reader or embed shows. */
export async function upcomingForSyndication(filters: Partial<EventFilters> = {}, language: Language = 'en') {
  const { events } = await listEvents(upcomingFilters(filters))
  return events.map((event) => ({
    id: event.id,
    title: eventTitle(event, language),
    // 'en' where the Gaelic embed shows an English title (no Gaelic written).
    lang: englishOnly(event.titleGd, language),
    summary: event.summary,
    url: eventUrl(event),
    when: formatWhen(event, event.next, language),
    where: eventLocation(event) || null,
    cancelled: event.status === 'cancelled',
    updatedAt: event.updatedAt,
    publishedAt: event.publishedAt ?? event.createdAt,
  }))
}

type Item = Awaited<ReturnType<typeof upcomingForSyndication>>[number]
const describe = (item: Item) => `${item.cancelled ? 'CANCELLED. ' : ''}${item.when}. ${item.where ?? 'Online'}. ${item.summary}`

/** RSS 2.0 of upcoming events. */
export function renderRss(items: Item[]) {
  const base = getEnv().PUBLIC_URL
  const entries = items.map(
    (item) => `<item><title>${escapeXml(item.title)}</title><link>${escapeXml(item.url)}</link><guid isPermaLink="false">${item.id}</guid><pubDate>${item.publishedAt.toUTCString()}</pubDate><description>${escapeXml(describe(item))}</description></item>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Guth: upcoming events</title><link>${base}/events</link><atom:link href="${base}/feeds/events.rss" rel="self" type="application/rss+xml"/><description>Open Government events across Scotland and online</description><language>en-gb</language>${entries.join('')}</channel></rss>\n`
}

/** Atom 1.0 of upcoming events. */
export function renderAtom(items: Item[]) {
  const base = getEnv().PUBLIC_URL
  const updated = new Date(Math.max(0, ...items.map((item) => item.updatedAt.getTime()))).toISOString()
  const entries = items.map(
    (item) => `<entry><id>urn:uuid:${item.id}</id><title>${escapeXml(item.title)}</title><link href="${escapeXml(item.url)}"/><updated>${item.updatedAt.toISOString()}</updated><summary>${escapeXml(describe(item))}</summary></entry>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><id>${base}/events</id><title>Guth: upcoming events</title><updated>${updated}</updated><link href="${base}/events"/><link rel="self" href="${base}/feeds/events.atom"/><author><name>Guth</name></author>${entries.join('')}</feed>\n`
}

export interface EmbedWords {
  language: Language
  title: string
  online: string
  cancelled: string
  none: string
  all: string
}

/** A small page of upcoming events for other sites to show in an iframe; plain HTML, no script. */
export function renderEmbed(items: Item[], words: EmbedWords) {
  const list = items.length
    ? `<ul>${items.map((item) => `<li><a href="${escapeXml(item.url)}" target="_top"${item.lang ? ` lang="${item.lang}"` : ''}>${escapeXml(item.title)}</a>${item.cancelled ? ` <strong>(${escapeXml(words.cancelled)})</strong>` : ''}<br><span>${escapeXml(item.when)}</span><br><span>${escapeXml(item.where ?? words.online)}</span></li>`).join('')}</ul>`
    : `<p>${escapeXml(words.none)}</p>`
  return `<!DOCTYPE html><html lang="${words.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(words.title)}</title><link rel="stylesheet" href="/embed/events.css"></head><body><main><h1>${escapeXml(words.title)}</h1>${list}<p><a href="${getEnv().PUBLIC_URL}/events" target="_top">${escapeXml(words.all)}</a></p></main></body></html>`
}

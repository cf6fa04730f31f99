import { isLanguage } from '~/platform/i18n/config'
import { conditional } from '~/platform/versioned-response.server'
import { getLanguage, getTranslator } from '~/platform/i18n/i18next.server'
import { renderFeed } from './calendar.server'
import { renderAtom, renderEmbed, renderRss, upcomingForSyndication } from './syndication.server'
import { type FeedScope, feedVersion } from './queries.server'

const SLUG = /^[a-z0-9-]{1,100}$/
const TAG = /^[\p{L}\p{N} '-]{1,40}$/u

/** Which feed a query string asks for: all events, or one organisation, tag or programme; null when it makes no sense. */
export function feedScopeFrom(search: URLSearchParams): FeedScope | null {
  const given = (['organisation', 'tag', 'programme'] as const).filter((key) => search.has(key))
  if (given.length === 0) return { kind: 'all' }
  if (given.length > 1) return null
  const kind = given[0]!
  const value = search.get(kind)!.trim()
  return (kind === 'tag' ? TAG : SLUG).test(value) ? { kind, value } : null
}

const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/**
 * An iCalendar feed with ETag and Last-Modified, answering 304 when the client's copy is current,
 * so calendar apps that poll every hour cost little.
 */
export async function calendarFeedResponse(request: Request, scope: FeedScope | null, filename = 'guth-events.ics') {
  if (!scope) return plain(400, 'Unknown feed filter: use one of organisation, tag or programme.')
  const feed = await feedVersion(scope)
  if (!feed) return plain(404, 'No such feed.')
  const version = `${scope.kind}:${'value' in scope ? scope.value : ''}:${feed.version}`
  return conditional(request, {
    version,
    lastModified: feed.lastModified,
    contentType: 'text/calendar; charset=utf-8',
    headers: { 'Content-Disposition': `inline; filename="${filename}"` },
    body: async () => {
      const { name, events } = await feed.load()
      return renderFeed(name, events)
    },
  })
}

/** The subscribable calendar (/feeds/events.ics): all events, or ?organisation=, ?tag= or ?programme=. */
export const subscribedCalendarResponse = (request: Request) => calendarFeedResponse(request, feedScopeFrom(new URL(request.url).searchParams))

const EVENT_SLUG = /^[a-z0-9-]{1,120}$/

/** One event as an .ics file (/events/:slug/calendar.ics) to open in any calendar app. */
export const eventCalendarResponse = (request: Request, slug: string) =>
  calendarFeedResponse(request, EVENT_SLUG.test(slug) ? { kind: 'event', value: slug } : null, `${slug}.ics`)

const syndicated = { rss: ['application/rss+xml; charset=utf-8', renderRss], atom: ['application/atom+xml; charset=utf-8', renderAtom] } as const

/** RSS or Atom of the upcoming events (optionally one organisation's, tag's or programme's). */
export async function syndicationResponse(request: Request, format: 'rss' | 'atom') {
  const scope = feedScopeFrom(new URL(request.url).searchParams)
  if (!scope) return plain(400, 'Unknown feed filter: use one of organisation, tag or programme.')
  const items = await upcomingForSyndication('value' in scope ? { [scope.kind]: scope.value } : {})
  const [contentType, render] = syndicated[format]
  const text = render(items)
  return conditional(request, { version: text, lastModified: latest(items), contentType, body: () => text })
}

/** The embeddable list (/embed/events?organisation=…&limit=…) for other sites' iframes. */
export async function embedResponse(request: Request) {
  const search = new URL(request.url).searchParams
  const limit = Number(search.get('limit') ?? 5)
  search.delete('limit')
  // The host page chooses the language (?lang=gd): an iframe on another site has no Guth cookie.
  const asked = search.get('lang')
  search.delete('lang')
  const language = isLanguage(asked) ? asked : await getLanguage(request)
  const scope = feedScopeFrom(search)
  if (!scope || !Number.isInteger(limit) || limit < 1 || limit > 20) return plain(400, 'Unknown filter: use one of organisation, tag or programme, and a limit from 1 to 20.')
  const items = (await upcomingForSyndication('value' in scope ? { [scope.kind]: scope.value } : {}, language)).slice(0, limit)
  const t = await getTranslator(language, 'events')
  const html = renderEmbed(items, { language, title: t('embed.title'), online: t('mode.online'), cancelled: t('embed.cancelled'), none: t('embed.none'), all: t('embed.all') })
  return conditional(request, { version: html, lastModified: latest(items), contentType: 'text/html; charset=utf-8', body: () => html })
}

const latest = (items: { updatedAt: Date }[]) => new Date(Math.max(0, ...items.map((item) => item.updatedAt.getTime())))

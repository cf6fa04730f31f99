import { createHash } from 'node:crypto'
import { renderFeed } from './calendar.server'
import { type FeedScope, feedEvents } from './queries.server'

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
  const feed = await feedEvents(scope)
  if (!feed) return plain(404, 'No such feed.')
  const version = `${scope.kind}:${'value' in scope ? scope.value : ''}:${feed.lastModified.getTime()}:${feed.events.map((e) => `${e.id}.${e.sequence}`).join(',')}`
  const etag = `"${createHash('sha256').update(version).digest('base64url').slice(0, 27)}"`
  const lastModified = new Date(Math.floor(feed.lastModified.getTime() / 1000) * 1000)
  const headers = new Headers({
    ETag: etag,
    'Last-Modified': lastModified.toUTCString(),
    'Cache-Control': 'public, max-age=300, must-revalidate',
  })
  const ifNoneMatch = request.headers.get('If-None-Match')
  const ifModifiedSince = request.headers.get('If-Modified-Since')
  const notModified = ifNoneMatch
    ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
    : ifModifiedSince !== null && !Number.isNaN(Date.parse(ifModifiedSince)) && lastModified.getTime() <= Date.parse(ifModifiedSince)
  if (notModified) return new Response(null, { status: 304, headers })
  headers.set('Content-Type', 'text/calendar; charset=utf-8')
  headers.set('Content-Disposition', `inline; filename="${filename}"`)
  return new Response(renderFeed(feed.name, feed.events), { status: 200, headers })
}

import { consultationFeedResponse } from '~/modules/consultations/feed.server'
import { calendarFeedResponse, embedResponse, feedScopeFrom, syndicationResponse } from '~/modules/events/feeds.server'

type Answer = (request: Request, params: Record<string, string>) => Promise<Response>

const EVENT_SLUG = /^[a-z0-9-]{1,120}$/

/**
 * Public bodies that calendar apps, feed readers and other sites fetch again and again: Express
 * answers them before Remix (no route matching, no React), from bodies stored per version and
 * compressed once. Each also stays a Remix resource route (app/routes), which answers it in
 * development and whenever the fast path fails.
 */
export const fastRoutes: [path: string, answer: Answer][] = [
  ['/feeds/events.ics', (request) => calendarFeedResponse(request, feedScopeFrom(new URL(request.url).searchParams))],
  ['/feeds/events.rss', (request) => syndicationResponse(request, 'rss')],
  ['/feeds/events.atom', (request) => syndicationResponse(request, 'atom')],
  ['/feeds/consultations.rss', (request) => consultationFeedResponse(request, 'rss')],
  ['/feeds/consultations.atom', (request) => consultationFeedResponse(request, 'atom')],
  ['/events/:slug/calendar.ics', (request, { slug = '' }) => calendarFeedResponse(request, EVENT_SLUG.test(slug) ? { kind: 'event', value: slug } : null, `${slug}.ics`)],
  ['/embed/events', (request) => embedResponse(request)],
]

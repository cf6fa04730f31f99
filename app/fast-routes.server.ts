import { consultationFeedResponse } from '~/modules/consultations/index.server'
import { embedResponse, eventCalendarResponse, subscribedCalendarResponse, syndicationResponse } from '~/modules/events/index.server'

type Answer = (request: Request, params: Record<string, string>) => Promise<Response>

/**
 * Public bodies that calendar apps, feed readers and other sites fetch again and again: Express
 * answers them before Remix (no route matching, no React), from bodies stored per version and
 * compressed once. Each answer is also its Remix resource route's (app/routes), which answers
 * instead when the fast path refuses (the site's error page) or fails.
 */
export const fastRoutes: [path: string, answer: Answer][] = [
  ['/feeds/events.ics', subscribedCalendarResponse],
  ['/feeds/events.rss', (request) => syndicationResponse(request, 'rss')],
  ['/feeds/events.atom', (request) => syndicationResponse(request, 'atom')],
  ['/feeds/consultations.rss', (request) => consultationFeedResponse(request, 'rss')],
  ['/feeds/consultations.atom', (request) => consultationFeedResponse(request, 'atom')],
  ['/events/:slug/calendar.ics', (request, { slug = '' }) => eventCalendarResponse(request, slug)],
  ['/embed/events', embedResponse],
]

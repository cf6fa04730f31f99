import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarFeedResponse, feedScopeFrom } from '~/modules/events/feeds.server'

// Subscribable calendar: all events, or ?organisation=, ?tag= or ?programme= (one of them).
export async function loader({ request }: LoaderFunctionArgs) {
  return calendarFeedResponse(request, feedScopeFrom(new URL(request.url).searchParams))
}

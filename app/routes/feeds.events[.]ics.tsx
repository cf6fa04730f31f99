import type { LoaderFunctionArgs } from '@remix-run/node'
import { subscribedCalendarResponse } from '~/modules/events/index.server'

// Subscribable calendar: all events, or ?organisation=, ?tag= or ?programme= (one of them).
export const loader = ({ request }: LoaderFunctionArgs) => subscribedCalendarResponse(request)

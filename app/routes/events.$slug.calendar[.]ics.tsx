import type { LoaderFunctionArgs } from '@remix-run/node'
import { calendarFeedResponse } from '~/modules/events/feeds.server'

// One event as an .ics file to download and open in any calendar app.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? ''
  return calendarFeedResponse(request, /^[a-z0-9-]{1,120}$/.test(slug) ? { kind: 'event', value: slug } : null, `${slug}.ics`)
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { bookingCalendar } from '~/modules/events/index.server'

// A booked place as an .ics file: for one date of a repeating event, that date alone (RECURRENCE-ID).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const key = new URL(request.url).searchParams.get('key') ?? ''
  const { slug, ics } = await bookingCalendar(params.id!, key)
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${slug}.ics"`,
      'Cache-Control': 'private, no-store',
      'X-Robots-Tag': 'noindex',
    },
  })
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { eventCalendarResponse } from '~/modules/events/index.server'

// One event as an .ics file to download and open in any calendar app.
export const loader = ({ request, params }: LoaderFunctionArgs) => eventCalendarResponse(request, params.slug ?? '')

import type { LoaderFunctionArgs } from '@remix-run/node'
import { embedResponse } from '~/modules/events/index.server'

// Other sites iframe this: <iframe src="https://…/embed/events?organisation=cosla&limit=5" title="Upcoming events">.
export const loader = ({ request }: LoaderFunctionArgs) => embedResponse(request)

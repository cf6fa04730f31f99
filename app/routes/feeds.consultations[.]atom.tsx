import type { LoaderFunctionArgs } from '@remix-run/node'
import { consultationFeedResponse } from '~/modules/consultations/index.server'

export const loader = ({ request }: LoaderFunctionArgs) => consultationFeedResponse(request, 'atom')

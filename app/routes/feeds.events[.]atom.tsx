import type { LoaderFunctionArgs } from '@remix-run/node'
import { syndicationResponse } from '~/modules/events/index.server'

export const loader = ({ request }: LoaderFunctionArgs) => syndicationResponse(request, 'atom')

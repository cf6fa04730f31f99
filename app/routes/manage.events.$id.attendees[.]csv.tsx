import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/accounts/index.server'
import { attendeesCsv } from '~/modules/events/index.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { filename, csv } = await attendeesCsv(await requireUser(request), params.id!, new URL(request.url).searchParams.get('date'))
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'private, no-store' },
  })
}

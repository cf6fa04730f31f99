import type { LoaderFunctionArgs } from '@remix-run/node'
import { forbidden, requireUser } from '~/modules/accounts'
import { exportRequestFrom, exportResponses } from '~/modules/consultations/export.server'
import { canManageConsultations } from '~/modules/consultations/permissions'

// GET /manage/consultations/:id/responses/export.xlsx?kind=full|publishable plus the list's filters.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  if (!canManageConsultations(user)) forbidden()
  const wanted = exportRequestFrom(new URL(request.url).searchParams)
  if (!wanted) return new Response('Unknown export kind or filter', { status: 400, headers: { 'Cache-Control': 'no-store' } })
  const file = await exportResponses(user, params.id ?? '', { ...wanted, format: 'xlsx' })
  if (!file) throw new Response('Not found', { status: 404 })
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.body.byteLength),
      'Cache-Control': 'no-store',
    },
  })
}

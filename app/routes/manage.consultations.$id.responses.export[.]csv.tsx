import type { LoaderFunctionArgs } from '@remix-run/node'
import { exportDownload } from '~/modules/consultations/index.server'

// GET /manage/consultations/:id/responses/export.csv?kind=full|publishable plus the list's filters.
export function loader({ request, params }: LoaderFunctionArgs) {
  return exportDownload(request, params.id ?? '', 'csv')
}

import type { LoaderFunctionArgs } from '@remix-run/node'
import { publishedTableCsv } from '~/modules/analysis/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'

// One table of a published analysis, with the numbers frozen at publication.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, language } = await translatorFor(request, 'analysis')
  const table = await publishedTableCsv(params.slug ?? '', params.tableId ?? '', language, (key) => t(key))
  if (!table) throw new Response('Not found', { status: 404 })
  return new Response(`\ufeff${table.csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${params.slug}-${table.name}.csv"`,
      'Cache-Control': 'public, max-age=300',
    },
  })
}

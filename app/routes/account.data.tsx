import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/modules/accounts/index.server'
import { exportMyData } from '~/personal-data.server'

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' })

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const myData = await exportMyData(user.id)
  return new Response(JSON.stringify(myData, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="guth-my-data-${londonDate.format(myData.generatedAt)}.json"`,
      'Cache-Control': 'no-store',
    },
  })
}

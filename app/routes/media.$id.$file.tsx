import type { LoaderFunctionArgs } from '@remix-run/node'
import { getOptionalUser } from '~/modules/accounts/index.server'
import { serveMedia } from '~/modules/media/index.server'

// A BSL video's files, after checking who is asking: never a public URL, never cached by others.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  return serveMedia(user, params.id!, params.file!, request.headers.get('range'))
}

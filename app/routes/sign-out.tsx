import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { endSession } from '~/modules/accounts/index.server'
import { getAuthGateway } from '~/platform/auth-gateway.server'
import { assertCsrf } from '~/platform/csrf.server'

export async function action({ request }: ActionFunctionArgs) {
  assertCsrf(request, await request.formData())
  const headers = new Headers((await (await getAuthGateway()).signOut(request, 'local')) ?? undefined)
  headers.append('Set-Cookie', await endSession(request))
  return redirect('/?signedOut=1', { status: 303, headers })
}

export function loader() {
  return redirect('/')
}

// Never shown (the loader redirects): a page route, so a refused form (an expired CSRF token)
// gets the localised error page instead of the thrown response's bare text.
export default function SignOut() {
  return null
}

import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { requireUser, signOutEverywhere } from '~/modules/accounts/index.server'
import { assertCsrf } from '~/platform/csrf.server'

export async function action({ request }: ActionFunctionArgs) {
  assertCsrf(request, await request.formData())
  const user = await requireUser(request)
  const headers = await signOutEverywhere(request, user.id)
  return redirect('/?signedOut=1', { status: 303, headers })
}

export function loader() {
  return redirect('/account')
}

// Never shown (the loader redirects): a page route, so a refused form (an expired CSRF token)
// gets the localised error page instead of the thrown response's bare text.
export default function SignOutEverywhere() {
  return null
}

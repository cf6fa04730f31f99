import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { isLanguage } from '~/platform/i18n/config'
import { languageCookie } from '~/platform/i18n/i18next.server'
import { assertCsrf } from '~/platform/csrf.server'
import { safeRedirectPath } from '~/platform/redirect'

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const language = form.get('language')
  const to = safeRedirectPath(form.get('redirectTo'))
  if (!isLanguage(language)) throw new Response('Unknown language', { status: 400 })
  return redirect(to, { status: 303, headers: { 'Set-Cookie': await languageCookie.serialize(language) } })
}

export function loader() {
  return redirect('/')
}

// Never shown (the loader redirects), but it makes this a page route: a refused form then gets
// the localised error page from the root error boundary, where a resource route would send the
// thrown response's bare text.
export default function Language() {
  return null
}

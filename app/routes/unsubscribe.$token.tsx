import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { findUnsubscribe, readUnsubscribeToken, unsubscribe } from '~/modules/accounts/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { BodyRule } from '~/platform/request-gate.server'

// The button's form, or a mail provider's one-click request: a few bytes either way.
export const handle = { i18n: ['account'], body: { maxBytes: 4096 } satisfies BodyRule }

const notFound = () => new Response('Not Found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const link = await findUnsubscribe(params.token!)
  if (!link) throw notFound()
  const { t, serviceName } = await translatorFor(request, 'account')
  return { title: t(link.on ? 'unsubscribe.title' : 'unsubscribe.doneTitle'), serviceName, ...link }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: 'robots', content: 'noindex' }]

// RFC 8058: the mail provider posts exactly this, with no cookie and no CSRF token; the signed
// link is what authorises it.
const isOneClick = (form: FormData) => {
  const fields = [...form.entries()]
  return fields.length === 1 && fields[0]![0] === 'List-Unsubscribe' && fields[0]![1] === 'One-Click'
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!readUnsubscribeToken(params.token!)) throw notFound()
  const form = await request.formData()
  const oneClick = isOneClick(form)
  if (!oneClick) assertCsrf(request, form)
  const outcome = await unsubscribe(params.token!)
  if (!outcome.ok) throw notFound()
  // The provider reads the status, not a page; a person's browser comes back to the page by GET.
  return oneClick ? { done: true } : redirect(`/unsubscribe/${params.token}`, 303)
}

export default function Unsubscribe() {
  const { choice, on } = useLoaderData<typeof loader>()
  const { t } = useTranslation('account')
  if (!on) {
    return (
      <Page title={t('unsubscribe.doneTitle')} lead={t(`unsubscribe.done.${choice}`)}>
        <p>
          <Trans t={t} i18nKey="unsubscribe.turnBackOn" components={[<Link key="account" to="/account" />]} />
        </p>
      </Page>
    )
  }
  return (
    <Page title={t('unsubscribe.title')} lead={t(`unsubscribe.ask.${choice}`)}>
      <p>{t('unsubscribe.askHint')}</p>
      <Form method="post">
        <CsrfInput />
        <Button type="submit">{t('unsubscribe.submit')}</Button>
      </Form>
    </Page>
  )
}

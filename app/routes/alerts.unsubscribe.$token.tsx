import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { inLanguage } from '~/components/ConsultationCard'
import { Page } from '~/components/ds/Page'
import { Button } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { describeAlert, findAlertToStop, readAlertUnsubscribeToken, unsubscribeAlert } from '~/modules/consultations/index.server'
import { topicLabel } from '~/modules/events'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { BodyRule } from '~/platform/request-gate.server'

// The button's form, or a mail provider's one-click request: a few bytes either way.
export const handle = { i18n: ['consultations', 'events'], body: { maxBytes: 4096 } satisfies BodyRule }

const notFound = () => new Response('Not Found', { status: 404 })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const alert = await findAlertToStop(params.token!)
  if (!alert) throw notFound()
  const about = await describeAlert(alert)
  const { t, language, serviceName } = await translatorFor(request, 'consultations')
  return {
    title: t(about.stopped ? 'alerts.unsubscribe.doneTitle' : 'alerts.unsubscribe.title'),
    serviceName,
    kind: about.kind,
    stopped: about.stopped,
    topics: about.topics.map((topic) => topicLabel(t, topic)).join(', '),
    consultationTitle: about.consultation ? inLanguage(about.consultation.title, language).text : '',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: 'robots', content: 'noindex' }]

// RFC 8058: the mail provider posts exactly this, with no cookie and no CSRF token; the signed
// link is what authorises it.
const isOneClick = (form: FormData) => {
  const fields = [...form.entries()]
  return fields.length === 1 && fields[0]![0] === 'List-Unsubscribe' && fields[0]![1] === 'One-Click'
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!readAlertUnsubscribeToken(params.token!)) throw notFound()
  const form = await request.formData()
  const oneClick = isOneClick(form)
  if (!oneClick) assertCsrf(request, form)
  await unsubscribeAlert(params.token!)
  if (!(await findAlertToStop(params.token!))) throw notFound()
  // The provider reads the status, not a page; a person's browser comes back to the page by GET.
  return oneClick ? { done: true } : redirect(`/alerts/unsubscribe/${params.token}`, 303)
}

export default function UnsubscribeAlert() {
  const { kind, stopped, topics, consultationTitle } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  if (stopped) {
    return (
      <Page title={t('alerts.unsubscribe.doneTitle')} lead={t('alerts.unsubscribe.done')}>
        <p>{t('alerts.unsubscribe.again')}</p>
        <p>
          <Link to="/consultations">{t('alerts.unsubscribe.consultationsLink')}</Link>
        </p>
      </Page>
    )
  }
  const ask = kind === 'opening' ? t('alerts.unsubscribe.askOpening', { title: consultationTitle }) : t('alerts.unsubscribe.askNew', { topics })
  return (
    <Page title={t('alerts.unsubscribe.title')} lead={ask}>
      <Form method="post">
        <CsrfInput />
        <Button type="submit">{t('alerts.unsubscribe.submit')}</Button>
      </Form>
    </Page>
  )
}

import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { inLanguage } from '~/components/ConsultationCard'
import { Page } from '~/components/ds/Page'
import { Button } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { confirmAlert, describeAlert, findAlert } from '~/modules/consultations/index.server'
import { topicLabel } from '~/modules/events'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import type { BodyRule } from '~/platform/request-gate.server'

export const handle = { i18n: ['consultations', 'events'], body: { maxBytes: 4096 } satisfies BodyRule }

const notFound = () => new Response('Not Found', { status: 404 })

// Opening the link changes nothing (mail scanners fetch links): the button confirms.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const alert = await findAlert(params.token!)
  if (!alert) throw notFound()
  const about = await describeAlert(alert)
  const { t, language, serviceName } = await translatorFor(request, 'consultations')
  return {
    title: t(about.confirmed ? 'alerts.confirm.doneTitle' : 'alerts.confirm.title'),
    serviceName,
    kind: about.kind,
    confirmed: about.confirmed,
    topics: about.topics.map((topic) => topicLabel(t, topic)).join(', '),
    consultation: about.consultation
      ? { slug: about.consultation.slug, title: inLanguage(about.consultation.title, language).text, open: about.consultation.opensAt <= new Date() }
      : null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: 'robots', content: 'noindex' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  if (!(await confirmAlert(params.token!))) throw notFound()
  return redirect(`/alerts/confirm/${params.token}`, 303)
}

export default function ConfirmAlert() {
  const { kind, confirmed, topics, consultation } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  const what = kind === 'opening' ? t('alerts.confirm.opening', { title: consultation?.title }) : t('alerts.confirm.new', { topics })
  if (!confirmed) {
    return (
      <Page title={t('alerts.confirm.title')} lead={what}>
        <Form method="post">
          <CsrfInput />
          <Button type="submit">{t('alerts.confirm.submit')}</Button>
        </Form>
      </Page>
    )
  }
  const done =
    kind === 'new'
      ? t('alerts.confirm.doneNew', { topics })
      : t(consultation?.open ? 'alerts.confirm.doneOpenNow' : 'alerts.confirm.doneOpening', { title: consultation?.title })
  return (
    <Page title={t('alerts.confirm.doneTitle')} lead={done}>
      <p>{t('alerts.confirm.stop')}</p>
      {consultation ? (
        <p>
          <Link to={`/consultations/${consultation.slug}`}>{t('alerts.confirm.consultationLink')}</Link>
        </p>
      ) : null}
    </Page>
  )
}

import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { NotOpen } from '~/components/RespondNotices'
import { loadRespondContext, consultationHeader, startDraft } from '~/modules/consultations/index.server'
import { respondPath } from '~/modules/consultations'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import { formatTime } from '~/platform/notice'
import { hitRateLimit } from '~/platform/rate-limit.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'respond')
  const { consultation, status, draft } = await loadRespondContext(request, params.slug!)
  const header = consultationHeader(consultation, status, language)
  return { ...header, title: `${t('start.title')}: ${header.consultationTitle}`, serviceName, hasDraft: Boolean(draft) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

// Generous: a library, a school or a campaign office may send many responses from one address.
const startsPerAddress = { name: 'respond-start:ip', limit: 200, windowSeconds: 15 * 60 }

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const { language } = await translatorFor(request)
  const { consultation, status } = await loadRespondContext(request, params.slug!)
  if (status !== 'open') return redirect(respondPath(params.slug!), 303)
  const limited = await hitRateLimit(startsPerAddress, context.clientIp)
  if (!limited.ok) return data({ retryAt: formatTime(limited.retryAt, language) }, { status: 429 })
  const { cookie } = await startDraft(request, consultation, language, { bslUser: form.get('bsl') === 'yes' })
  return redirect(respondPath(params.slug!, 'about-you'), { status: 303, headers: cookie ? { 'Set-Cookie': cookie } : {} })
}

export const handle = { i18n: ['respond'] }

export default function StartResponse() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('respond')
  if (data.status !== 'open') return <NotOpen status={data.status} date={data.status === 'forthcoming' ? data.opens : data.closes} title={data.consultationTitle} />
  const steps = t('start.steps', { returnObjects: true }) as string[]
  return (
    <Page title={t('start.title')} lead={data.consultationTitle}>
      <p>{t('start.closes', { date: data.closes })}</p>
      {data.hasDraft ? (
        <>
          <p>{t('start.continueLead')}</p>
          <p>
            <Link className="ds_button" to={respondPath(data.slug, 'contents')}>
              {t('start.continue')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <h2>{t('start.howItWorks')}</h2>
          <ol>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p>{t('start.saveReturn')}</p>
          {actionData?.retryAt ? <ErrorSummary errors={[{ fieldId: 'start', message: t('errors.rateLimited', { time: actionData.retryAt }) }]} /> : null}
          <Form method="post" id="start">
            <CsrfInput />
            <Button type="submit">{t('start.start')}</Button>
          </Form>
        </>
      )}
    </Page>
  )
}

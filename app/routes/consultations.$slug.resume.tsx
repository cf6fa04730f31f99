import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { NotOpen } from '~/components/RespondNotices'
import { loadRespondContext, consultationHeader, resumeDraft } from '~/modules/consultations/index.server'
import { respondPath } from '~/modules/consultations'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

// The emailed link shows a button; bringing the response back is a POST (mail scanners open links).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'respond')
  const { consultation, status } = await loadRespondContext(request, params.slug!)
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { ...consultationHeader(consultation, status, language), title: t('resume.title'), serviceName, token }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const { consultation, status } = await loadRespondContext(request, params.slug!)
  const token = String(form.get('token') ?? '')
  const resumed = status === 'open' && token.length > 20 && token.length < 100 ? await resumeDraft(request, consultation, token) : null
  if (!resumed) return data({ invalid: true }, { status: 400 })
  return redirect(respondPath(params.slug!, 'contents'), { status: 303, headers: { 'Set-Cookie': resumed.cookie } })
}

export const handle = { i18n: ['respond'] }

export default function ResumeResponse() {
  const data = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('respond')
  if (data.status !== 'open') return <NotOpen status={data.status} date={data.closes} title={data.consultationTitle} />
  return (
    <Page title={t('resume.title')} lead={data.consultationTitle}>
      {actionData?.invalid ? (
        <ErrorSummary errors={[{ fieldId: 'resume', message: t('resume.invalid') }]} />
      ) : (
        <p>{t('resume.lead')}</p>
      )}
      <Form method="post" id="resume">
        <CsrfInput />
        <input type="hidden" name="token" value={data.token} />
        <Button type="submit">{t('resume.submit')}</Button>
      </Form>
    </Page>
  )
}

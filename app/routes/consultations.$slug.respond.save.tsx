import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { NotOpen } from '~/components/RespondNotices'
import { SaveLaterSchema, respondPath } from '~/modules/consultations'
import { loadRespondContext, sendResumeLink, consultationHeader, createResumeToken } from '~/modules/consultations/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import { formatTime } from '~/platform/notice'
import { hitRateLimit } from '~/platform/rate-limit.server'

const resumeEmails = { name: 'resume-link:response', limit: 5, windowSeconds: 3600 }

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'respond')
  const { consultation, status, draft } = await loadRespondContext(request, params.slug!, { requireDraft: true })
  const sentTo = new URL(request.url).searchParams.get('sent')
  return { ...consultationHeader(consultation, status, language), title: t('save.title'), serviceName, email: draft?.email ?? '', sent: sentTo !== null }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const { language } = await translatorFor(request)
  const { consultation, status, draft } = await loadRespondContext(request, params.slug!, { requireDraft: true })
  if (status !== 'open' || !draft) return redirect(respondPath(params.slug!), 303)
  const submission = parseWithZod(form, { schema: SaveLaterSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
  const limited = await hitRateLimit(resumeEmails, draft.id)
  if (!limited.ok) {
    return data({ result: submission.reply(), notice: { key: 'respond:errors.rateLimited', values: { time: formatTime(limited.retryAt, language) } } }, { status: 429 })
  }
  const token = await createResumeToken(draft, submission.value.email)
  await sendResumeLink(consultation, submission.value.email, token, language)
  return redirect(`${respondPath(params.slug!, 'save')}?sent`, 303)
}

export const handle = { i18n: ['respond'] }

export default function SaveForLater() {
  const loaderData = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('respond')
  const [form, fields] = useGuthForm(SaveLaterSchema, actionData?.result)
  if (loaderData.status !== 'open') return <NotOpen status={loaderData.status} date={loaderData.closes} title={loaderData.consultationTitle} />
  const notice = actionData?.notice ? t(actionData.notice.key, actionData.notice.values) : undefined
  const errors = summaryErrors([fields.email])
  if (notice) errors.unshift({ fieldId: fields.email.id, message: notice })
  return (
    <Page title={loaderData.sent ? t('save.sentTitle') : t('save.title')} lead={loaderData.consultationTitle}>
      {loaderData.sent ? <NotificationBanner title={t('save.sent', { email: loaderData.email })} /> : null}
      <ErrorSummary errors={errors} />
      {loaderData.sent ? null : (
        <Form method="post" {...getFormProps(form)} noValidate>
          <p>{t('save.lead', { date: loaderData.closes })}</p>
          <CsrfInput />
          <TextInput
            type="email"
            id={fields.email.id}
            name={fields.email.name}
            key={fields.email.key}
            label={t('save.email')}
            defaultValue={(fields.email.initialValue as string | undefined) ?? loaderData.email}
            error={fields.email.errors?.[0] ?? notice}
            autoComplete="email"
            spellCheck={false}
            width="fluid-two-thirds"
          />
          <Button type="submit">{t('save.submit')}</Button>
        </Form>
      )}
      <p>
        <Link to={respondPath(loaderData.slug, 'contents')}>{t('save.carryOn')}</Link>
      </p>
    </Page>
  )
}

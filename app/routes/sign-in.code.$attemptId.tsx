import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { verifySignInCode } from '~/modules/accounts/index.server'
import { CodeSchema, signInFailureNotice } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!UUID.test(params.attemptId ?? '')) throw new Response('Not found', { status: 404 })
  const { t, serviceName } = await translatorFor(request, 'auth')
  return { title: t('code.title'), serviceName }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  if (!UUID.test(params.attemptId ?? '')) throw new Response('Not found', { status: 404 })
  const form = await request.formData()
  assertCsrf(request, form)
  const submission = parseWithZod(form, { schema: CodeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
  const { language } = await translatorFor(request)
  const outcome = await verifySignInCode({
    attemptId: params.attemptId!,
    code: submission.value.code,
    language,
    request,
  })
  if (outcome.ok) return redirect(outcome.redirectTo, { status: 303, headers: outcome.headers })
  const notice = signInFailureNotice(outcome, language)
  return data({ result: submission.reply({ resetForm: true }), notice }, { status: 400 })
}

export const handle = { i18n: ['auth'] }

export default function EnterCode() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const [form, fields] = useGuthForm(CodeSchema, actionData?.result)
  const errors = summaryErrors([fields.code])
  const notice = actionData?.notice ? t(actionData.notice.key, actionData.notice.values) : undefined
  if (notice) errors.unshift({ fieldId: fields.code.id, message: notice })
  return (
    <Page title={t('code.title')} lead={t('code.lead')}>
      <ErrorSummary errors={errors} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <TextInput
          type="text"
          id={fields.code.id}
          name={fields.code.name}
          key={fields.code.key}
          label={t('code.label')}
          hint={t('code.hint')}
          error={fields.code.errors?.[0] ?? notice}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="fixed-10"
        />
        <Button type="submit">{t('code.submit')}</Button>
      </Form>
      <h2>{t('code.noEmail')}</h2>
      <p>{t('code.noEmailBody')}</p>
      <p>
        <Link to="/sign-in">{t('code.again')}</Link>
      </p>
    </Page>
  )
}

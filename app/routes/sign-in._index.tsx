import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, TextInput } from '~/components/ds/forms'
import { CsrfInput, Honeypot } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { getOptionalUser, requestSignIn } from '~/modules/accounts/index.server'
import { SignInSchema, requestLimitNotice } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { isHoneypotFilled } from '~/platform/honeypot'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import { safeRedirectPath } from '~/platform/redirect'

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, serviceName } = await translatorFor(request, 'auth')
  const user = await getOptionalUser(request)
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo'))
  return { title: t('signIn.title'), serviceName, signedInAs: user?.email ?? null, redirectTo }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const submission = parseWithZod(form, { schema: SignInSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), notice: null }, { status: 400 })
  const { language } = await translatorFor(request)
  const outcome = await requestSignIn({
    email: submission.value.email,
    redirectTo: submission.value.redirectTo,
    language,
    ip: context.clientIp,
    isBot: isHoneypotFilled(form),
    request,
  })
  if (!outcome.ok) {
    const retryAfter = Math.max(1, Math.ceil((outcome.retryAt.getTime() - Date.now()) / 1000))
    return data(
      { result: submission.reply(), notice: requestLimitNotice(outcome.retryAt, language) },
      { status: 429, headers: { 'Retry-After': String(retryAfter) } },
    )
  }
  return redirect(`/sign-in/code/${outcome.attemptId}`, 303)
}

export const handle = { i18n: ['auth'] }

export default function SignIn() {
  const { signedInAs, redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const [form, fields] = useGuthForm(SignInSchema, actionData?.result)
  const errors = summaryErrors([fields.email])
  const notice = actionData?.notice ? t(actionData.notice.key, actionData.notice.values) : undefined
  if (notice) errors.unshift({ fieldId: fields.email.id, message: notice })
  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {signedInAs ? (
        <p>
          {t('signIn.alreadySignedIn', { email: signedInAs })} <Link to={redirectTo}>{t('signIn.continue')}</Link>
        </p>
      ) : null}
      <ErrorSummary errors={errors} />
      <p>{t('signIn.why')}</p>
      <Form method="post" {...getFormProps(form)} noValidate>
        <CsrfInput />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextInput
          type="email"
          id={fields.email.id}
          name={fields.email.name}
          key={fields.email.key}
          defaultValue={fields.email.initialValue}
          label={t('signIn.emailLabel')}
          hint={t('signIn.emailHint')}
          error={fields.email.errors?.[0] ?? notice}
          autoComplete="email"
          spellCheck={false}
          width="fluid-two-thirds"
        />
        <Button type="submit">{t('signIn.submit')}</Button>
      </Form>
    </Page>
  )
}

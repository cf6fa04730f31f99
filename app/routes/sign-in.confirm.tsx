import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { verifySignInLink } from '~/modules/accounts/index.server'
import { signInFailureNotice } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

// The emailed link only shows a button: signing in is a POST, so mail scanners that open
// links cannot use up the link, and no GET changes anything.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { t, serviceName } = await translatorFor(request, 'auth')
  return {
    title: t('confirm.title'),
    serviceName,
    attempt: url.searchParams.get('attempt') ?? '',
    token: url.searchParams.get('token') ?? '',
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const attempt = String(form.get('attempt') ?? '')
  const token = String(form.get('token') ?? '')
  const { language } = await translatorFor(request)
  const outcome =
    UUID.test(attempt) && token.length > 0 && token.length < 200
      ? await verifySignInLink({ attemptId: attempt, token, language, request })
      : ({ ok: false, reason: 'expired' } as const)
  if (outcome.ok) return redirect(outcome.redirectTo, { status: 303, headers: outcome.headers })
  return data({ notice: signInFailureNotice(outcome, language) }, { status: 400 })
}

export const handle = { i18n: ['auth'] }

export default function ConfirmSignIn() {
  const { attempt, token } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('auth')
  const notice = actionData?.notice ? t(actionData.notice.key, actionData.notice.values) : undefined
  return (
    <Page title={t('confirm.title')} lead={notice ? undefined : t('confirm.lead')}>
      {notice ? (
        <>
          <ErrorSummary errors={[{ fieldId: 'new-code', message: notice }]} />
          <p>
            <Link id="new-code" to="/sign-in">
              {t('code.again')}
            </Link>
          </p>
        </>
      ) : (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="attempt" value={attempt} />
          <input type="hidden" name="token" value={token} />
          <Button type="submit">{t('confirm.submit')}</Button>
        </Form>
      )}
    </Page>
  )
}

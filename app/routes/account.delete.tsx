import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Trans, useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ChoiceGroup, ErrorSummary } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { endSession, requireUser, deleteAccount, isLastAdmin } from '~/modules/accounts/index.server'
import { DeleteAccountSchema } from '~/modules/accounts'
import { getAuthGateway } from '~/platform/auth-gateway.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName } = await translatorFor(request, 'account')
  return { title: t('delete.title'), serviceName, lastAdmin: await isLastAdmin(user.id) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const submission = parseWithZod(form, { schema: DeleteAccountSchema })
  if (submission.status !== 'success') return data({ result: submission.reply(), refused: false }, { status: 400 })
  const outcome = await deleteAccount(user)
  if (!outcome.ok) return data({ result: submission.reply(), refused: true }, { status: 409 })
  const headers = new Headers((await (await getAuthGateway()).signOut(request, 'local')) ?? undefined)
  headers.append('Set-Cookie', await endSession(request))
  return redirect('/?accountDeleted=1', { status: 303, headers })
}

export const handle = { i18n: ['account'] }

export default function DeleteAccount() {
  const { lastAdmin } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('account')
  const [form, fields] = useGuthForm(DeleteAccountSchema, actionData?.result)
  const errors = summaryErrors([{ id: 'confirm', errors: fields.confirm.errors }])
  const refused = lastAdmin || actionData?.refused
  return (
    <Page title={t('delete.title')} lead={t('delete.lead')}>
      <ErrorSummary errors={errors} />
      <p>{t('delete.whatHappens')}</p>
      <ul>
        <li>{t('delete.deleted')}</li>
        <li>{t('delete.comments')}</li>
        <li>
          <Trans t={t} i18nKey="delete.responses" components={[<Link key="privacy" to="/privacy" />]} />
        </li>
      </ul>
      {refused ? (
        <>
          <div className="ds_warning-text" role={actionData?.refused ? 'alert' : undefined}>
            <strong className="ds_warning-text__icon" aria-hidden="true" />
            <strong className="visually-hidden">{t('delete.warningPrefix')}: </strong>
            <div className="ds_warning-text__text">{t('delete.lastAdmin')}</div>
          </div>
          <p>
            <Link to="/account">{t('delete.back')}</Link>
          </p>
        </>
      ) : (
        <>
          <div className="ds_warning-text">
            <strong className="ds_warning-text__icon" aria-hidden="true" />
            <strong className="visually-hidden">{t('delete.warningPrefix')}: </strong>
            <div className="ds_warning-text__text">{t('delete.warning')}</div>
          </div>
          <Form method="post" {...getFormProps(form)}>
            <CsrfInput />
            <ChoiceGroup
              key={fields.confirm.key}
              type="checkbox"
              name={fields.confirm.name}
              legend={t('delete.confirmLegend')}
              error={fields.confirm.errors?.[0]}
              choices={[{ value: 'yes', label: t('delete.confirm') }]}
            />
            <div className="ds_button-group">
              <Button type="submit">{t('delete.submit')}</Button>
              <Link className="ds_button ds_button--cancel" to="/account">
                {t('delete.cancel')}
              </Link>
            </div>
          </Form>
        </>
      )}
    </Page>
  )
}

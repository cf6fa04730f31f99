import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ChoiceGroup, ErrorSummary, NotificationBanner, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireUser, getProfile, updateProfile } from '~/modules/accounts/index.server'
import { type EmailChoice, ProfileSchema } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { languageCookie } from '~/platform/i18n/i18next.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { t, serviceName } = await translatorFor(request, 'account')
  const profile = await getProfile(user.id)
  if (!profile) throw new Error(`Signed-in user ${user.id} has no profile`)
  const saved = new URL(request.url).searchParams.has('saved')
  return { title: t('title'), serviceName, profile, saved }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const submission = parseWithZod(form, { schema: ProfileSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await updateProfile(user.id, submission.value)
  if (!outcome.ok) return data({ result: submission.reply({ fieldErrors: outcome.errors }) }, { status: 400 })
  // The site follows the language the person chose for their emails.
  return redirect('/account?saved=1', {
    status: 303,
    headers: { 'Set-Cookie': await languageCookie.serialize(outcome.locale) },
  })
}

const choiceLabels = { replies: 'form.notifyReplies', eventUpdates: 'form.notifyEventUpdates', milestones: 'form.notifyMilestones' } as const

export const handle = { i18n: ['account'] }

export default function Account() {
  const { profile, saved } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('account')
  const [form, fields] = useGuthForm(ProfileSchema, actionData?.result)
  // Radios and checkboxes take their group's name as the first input's id.
  const errors = summaryErrors([
    fields.displayName,
    { id: 'locale', errors: fields.locale.errors },
    { id: 'notify', errors: fields.notify.errors },
  ])
  const offered: EmailChoice[] = profile.getsMilestoneEmails ? ['replies', 'eventUpdates', 'milestones'] : ['replies', 'eventUpdates']
  const wanted: Record<EmailChoice, boolean> = { replies: profile.notifyReplies, eventUpdates: profile.notifyEventUpdates, milestones: profile.notifyMilestones }
  const chosenEmails = offered.filter((choice) => wanted[choice])
  const submitted = actionData?.result.initialValue
  return (
    <Page title={t('title')} lead={t('lead')}>
      {saved && !actionData ? <NotificationBanner title={t('saved')} /> : null}
      <ErrorSummary errors={errors} />

      <h2>{t('details.heading')}</h2>
      <dl className="ds_summary-list">
        <div className="ds_summary-list__item">
          <dt className="ds_summary-list__key">{t('details.email')}</dt>
          <dd className="ds_summary-list__value">
            {profile.email}
            <p className="ds_hint-text">{t('details.emailHint')}</p>
          </dd>
        </div>
        <div className="ds_summary-list__item">
          <dt className="ds_summary-list__key">{t('details.name')}</dt>
          <dd className="ds_summary-list__value">{profile.displayName ?? t('details.noName')}</dd>
        </div>
        <div className="ds_summary-list__item">
          <dt className="ds_summary-list__key">{t('details.language')}</dt>
          <dd className="ds_summary-list__value">{t(`common:language.${profile.locale}`)}</dd>
        </div>
        <div className="ds_summary-list__item">
          <dt className="ds_summary-list__key">{t('details.emails')}</dt>
          <dd className="ds_summary-list__value">
            {chosenEmails.length ? (
              <ul>
                {chosenEmails.map((choice) => (
                  <li key={choice}>{t(`details.${choice}`)}</li>
                ))}
              </ul>
            ) : (
              t('details.onlySignIn')
            )}
          </dd>
        </div>
      </dl>

      <h2>{t('form.heading')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <TextInput
          id={fields.displayName.id}
          name={fields.displayName.name}
          key={fields.displayName.key}
          defaultValue={submitted ? fields.displayName.initialValue : (profile.displayName ?? '')}
          label={t('form.nameLabel')}
          hint={t('form.nameHint')}
          error={fields.displayName.errors?.[0]}
          autoComplete="nickname"
          width="fluid-two-thirds"
        />
        <ChoiceGroup
          key={fields.locale.key}
          type="radio"
          name={fields.locale.name}
          legend={t('form.languageLegend')}
          hint={t('form.languageHint')}
          error={fields.locale.errors?.[0]}
          defaultValue={submitted ? fields.locale.initialValue : profile.locale}
          choices={[
            { value: 'en', label: <span lang="en">English</span> },
            { value: 'gd', label: <span lang="gd">Gàidhlig</span> },
          ]}
        />
        <ChoiceGroup
          key={fields.notify.key}
          type="checkbox"
          name={fields.notify.name}
          legend={t('form.notifyLegend')}
          hint={t('form.notifyHint')}
          error={fields.notify.errors?.[0]}
          defaultValue={submitted ? [fields.notify.initialValue ?? []].flat().filter((v) => typeof v === 'string') : chosenEmails}
          choices={offered.map((choice) => ({ value: choice, label: t(choiceLabels[choice]) }))}
        />
        <Button type="submit">{t('form.submit')}</Button>
      </Form>

      <h2>{t('data.heading')}</h2>
      <p>{t('data.body')}</p>
      <p>
        {/* A file download, not a page: the browser fetches it itself. */}
        <a href="/account/data" download>
          {t('data.download')}
        </a>
      </p>
      <p>
        {t('data.deleteBody')} <Link to="/account/delete">{t('data.delete')}</Link>
      </p>

      <h2>{t('elsewhere.heading')}</h2>
      <p>{t('elsewhere.body')}</p>
      <Form method="post" action="/account/sign-out-everywhere">
        <CsrfInput />
        <Button type="submit" variant="secondary">
          {t('elsewhere.submit')}
        </Button>
      </Form>
    </Page>
  )
}

import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { Button, ErrorSummary, NotificationBanner, TextArea, TextInput } from '~/components/ds/forms'
import { CsrfInput } from '~/components/FormSecurity'
import { summaryErrors, useGuthForm } from '~/components/forms'
import { requireRole, requireUser, createOrganisation, listOrganisationsWithCounts } from '~/modules/accounts/index.server'
import { CreateOrganisationSchema } from '~/modules/accounts'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = requireRole(await requireUser(request), 'admin')
  const { t, serviceName, language } = await translatorFor(request, 'admin')
  const search = new URL(request.url).searchParams
  const created = search.get('done') === 'created' ? search.get('slug') : null
  const organisations = await listOrganisationsWithCounts(admin, language)
  return {
    title: t('organisations.title'),
    serviceName,
    organisations,
    created: organisations.find((organisation) => organisation.slug === created) ?? null,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const admin = requireRole(await requireUser(request), 'admin')
  const submission = parseWithZod(form, { schema: CreateOrganisationSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await createOrganisation(admin, submission.value)
  if (!outcome.ok) {
    const message = outcome.reason === 'slug_taken' ? 'admin:errors.slugTaken' : 'admin:errors.slugMissing'
    return data({ result: submission.reply({ fieldErrors: { slug: [message] } }) }, { status: 400 })
  }
  return redirect(`/admin/organisations?done=created&slug=${outcome.slug}`, 303)
}

export const handle = { i18n: ['admin'] }

export default function Organisations() {
  const { organisations, created } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('admin')
  const [form, fields] = useGuthForm(CreateOrganisationSchema, actionData?.result)
  const text = (field: keyof typeof fields) => ({
    id: fields[field].id,
    name: fields[field].name,
    defaultValue: fields[field].initialValue as string | undefined,
    error: fields[field].errors?.[0],
  })
  return (
    <Page title={t('organisations.title')} lead={t('organisations.lead')}>
      <p>
        <Link to="/admin">{t('nav.backToAdmin')}</Link>
      </p>
      {created ? (
        <NotificationBanner title={t('done.created', { name: created.name })}>
          <p>
            <Link to={`/admin/organisations/${created.slug}`}>{t('organisations.manageLink', { name: created.name })}</Link>
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary
        errors={summaryErrors([fields.nameEn, fields.nameGd, fields.slug, fields.website, fields.descriptionEn, fields.descriptionGd])}
      />
      {organisations.length === 0 ? (
        <p>{t('organisations.empty')}</p>
      ) : (
        <table className="ds_table">
          <caption className="ds_table__caption">{t('organisations.caption', { total: organisations.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organisations.columns.name')}</th>
              <th scope="col">{t('organisations.columns.members')}</th>
              <th scope="col">{t('organisations.columns.pending')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((organisation) => (
              <tr key={organisation.slug}>
                <th scope="row">
                  <Link to={`/admin/organisations/${organisation.slug}`}>{organisation.name}</Link>
                </th>
                <td>{organisation.members}</td>
                <td>{organisation.pending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 id="create">{t('organisations.createHeading')}</h2>
      <Form method="post" {...getFormProps(form)} aria-labelledby="create">
        <CsrfInput />
        <TextInput {...text('nameEn')} key={fields.nameEn.key} label={t('organisations.fields.nameEn')} width="fluid-two-thirds" />
        <TextInput
          {...text('nameGd')}
          key={fields.nameGd.key}
          label={t('organisations.fields.nameGd')}
          hint={t('organisations.fields.optional')}
          lang="gd"
          width="fluid-two-thirds"
        />
        <TextInput
          {...text('slug')}
          key={fields.slug.key}
          label={t('organisations.fields.slug')}
          hint={t('organisations.fields.slugHint')}
          spellCheck={false}
          autoCapitalize="none"
          width="fluid-half"
        />
        <TextInput
          {...text('website')}
          key={fields.website.key}
          type="url"
          label={t('organisations.fields.website')}
          hint={t('organisations.fields.websiteHint')}
          spellCheck={false}
          width="fluid-two-thirds"
        />
        <TextArea {...text('descriptionEn')} key={fields.descriptionEn.key} label={t('organisations.fields.descriptionEn')} hint={t('organisations.fields.optional')} />
        <TextArea {...text('descriptionGd')} key={fields.descriptionGd.key} label={t('organisations.fields.descriptionGd')} hint={t('organisations.fields.optional')} />
        <Button type="submit">{t('organisations.createSubmit')}</Button>
      </Form>
    </Page>
  )
}

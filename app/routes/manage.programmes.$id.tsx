import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { NotificationBanner } from '~/components/ds/forms'
import { ProgrammeForm } from '~/components/ProgrammeForm'
import { requireUser } from '~/modules/accounts/index.server'
import { ProgrammeSchema } from '~/modules/events'
import { programmeForEditing, updateProgramme } from '~/modules/events/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { programme, values } = await programmeForEditing(await requireUser(request), params.id!)
  const { t, serviceName } = await translatorFor(request, 'events')
  return { title: `${t('manageProgrammes.editTitle')}: ${programme.name}`, serviceName, programme: { slug: programme.slug, name: programme.name }, values }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const moderator = await requireUser(request)
  await programmeForEditing(moderator, params.id!)
  const submission = parseWithZod(form, { schema: ProgrammeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await updateProgramme(moderator, params.id!, submission.value)
  if (outcome.ok) return redirect(`/manage/programmes/${outcome.id}?done=saved`, 303)
  if (outcome.reason === 'not_found') throw new Response('Not Found', { status: 404 })
  return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors }) }, { status: 400 })
}

export const handle = { i18n: ['events', 'manage', 'respond'] }

export default function EditProgramme() {
  const { programme, values } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('events')
  const done = search.get('done')
  return (
    <Page title={t('manageProgrammes.editTitle')} lead={programme.name}>
      {(done === 'created' || done === 'saved') && !actionData ? <NotificationBanner title={t(`manageProgrammes.done.${done}`)} /> : null}
      <ul>
        <li>
          <Link to="/manage/programmes">{t('manageProgrammes.back')}</Link>
        </li>
        <li>
          <Link to={`/programmes/${programme.slug}`}>{t('manage.viewPublic')}</Link>
        </li>
      </ul>
      {/* A fresh form once saved: the fields start again from what is stored. */}
      <ProgrammeForm key={JSON.stringify(values)} lastResult={actionData?.result} saved={values} submitLabel={t('manage.save')} />
    </Page>
  )
}

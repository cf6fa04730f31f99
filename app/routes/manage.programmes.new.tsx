import { parseWithZod } from '@conform-to/zod'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { ProgrammeForm } from '~/components/ProgrammeForm'
import { requireUser } from '~/modules/accounts/index.server'
import { ProgrammeSchema } from '~/modules/events'
import { assertMayManageProgrammes, createProgramme } from '~/modules/events/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  assertMayManageProgrammes(await requireUser(request))
  const { t, serviceName } = await translatorFor(request, 'events')
  return { title: t('manageProgrammes.newTitle'), serviceName }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const moderator = await requireUser(request)
  assertMayManageProgrammes(moderator)
  const submission = parseWithZod(form, { schema: ProgrammeSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const outcome = await createProgramme(moderator, submission.value)
  if (outcome.ok) return redirect(`/manage/programmes/${outcome.id}?done=created`, 303)
  return data({ result: submission.reply({ fieldErrors: outcome.reason === 'invalid' ? outcome.fieldErrors : {} }) }, { status: 400 })
}

export const handle = { i18n: ['events', 'manage', 'respond'] }

export default function NewProgramme() {
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('events')
  return (
    <Page title={t('manageProgrammes.newTitle')} lead={t('manageProgrammes.lead')}>
      <p>
        <Link to="/manage/programmes">{t('manageProgrammes.back')}</Link>
      </p>
      <ProgrammeForm lastResult={actionData?.result} submitLabel={t('manageProgrammes.create')} />
    </Page>
  )
}

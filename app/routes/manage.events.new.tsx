import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { EventForm } from '~/components/EventForm'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { createEvent, readEventForm, assertMayScheduleEvents, listFilterChoices } from '~/modules/events/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const organisations = await assertMayScheduleEvents(await requireUser(request))
  const { t, serviceName } = await translatorFor(request, 'events')
  const { programmes } = await listFilterChoices()
  return { title: t('manage.newTitle'), serviceName, organisations, programmes }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const { input, description, descriptionError, descriptionGd, descriptionGdError } = readEventForm(form, null)
  const outcome = descriptionError || descriptionGdError ? null : await createEvent(user, input, description, descriptionGd)
  if (outcome?.ok) return redirect(`/manage/events/${outcome.id}?done=${outcome.status}`, 303)
  const fieldErrors = {
    ...(outcome && outcome.reason === 'invalid' ? outcome.fieldErrors : {}),
    ...(descriptionError ? { description: [descriptionError] } : {}),
    ...(descriptionGdError ? { descriptionGd: [descriptionGdError] } : {}),
  }
  return data({ values: input, fieldErrors, description, descriptionGd }, { status: 400 })
}

export const handle = { i18n: ['events', 'manage', 'respond'] }

export default function NewEvent() {
  const { organisations, programmes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useTranslation('events')
  return (
    <Page title={t('manage.newTitle')} lead={t('manage.newLead')}>
      <p>
        <Link to="/manage/events">{t('manage.back')}</Link>
      </p>
      <EventForm
        values={actionData?.values ?? { mode: 'in_person', bookingRequired: true, repeat: 'none' }}
        errors={actionData?.fieldErrors}
        description={actionData?.description ?? null}
        descriptionGd={actionData?.descriptionGd ?? null}
        organisations={organisations}
        programmes={programmes}
        submitLabel={t('manage.submit')}
      />
    </Page>
  )
}

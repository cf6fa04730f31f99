import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { EventForm } from '~/components/EventForm'
import { CsrfInput } from '~/components/FormSecurity'
import { Page } from '~/components/ds/Page'
import { Button, NotificationBanner, TextArea } from '~/components/ds/forms'
import { requireUser } from '~/modules/accounts/index.server'
import type { BodyDoc } from '~/kernel/rich-text'
import { approveEvent, cancelEvent, returnEvent, updateEvent, readEventForm, eventForEditing, organisationsFor, listFilterChoices } from '~/modules/events/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { event, values, canModerate } = await eventForEditing(user, params.id!)
  const { t, serviceName } = await translatorFor(request, 'events')
  const [organisations, { programmes }] = await Promise.all([organisationsFor(user), listFilterChoices()])
  return {
    title: `${t('manage.editTitle')}: ${event.title}`,
    serviceName,
    event: { id: event.id, slug: event.slug, title: event.title, status: event.status, returnedReason: event.returnedReason, description: event.description as BodyDoc | null, descriptionGd: event.descriptionGd as BodyDoc | null },
    values,
    canModerate,
    organisations,
    programmes,
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const user = await requireUser(request)
  const id = params.id!
  const intent = form.get('intent')
  const reason = String(form.get('reason') ?? '')
  const done = (outcome: Awaited<ReturnType<typeof approveEvent>>, name: string) => {
    if (outcome.ok) return redirect(`/manage/events/${id}?done=${name}`, 303)
    if (outcome.reason === 'not_found') throw new Response('Not Found', { status: 404 })
    return data({ intent, fieldErrors: outcome.reason === 'invalid' ? { reason: ['events:errors.reasonMissing'] } : {}, refusal: outcome.reason, values: null, description: null, descriptionGd: null }, { status: 409 })
  }
  if (intent === 'approve') return done(await approveEvent(user, id), 'approved')
  if (intent === 'return') return done(await returnEvent(user, id, reason), 'returned')
  if (intent === 'cancel') return done(await cancelEvent(user, id, reason), 'cancelled')
  const { event } = await eventForEditing(user, id)
  const { input, description, descriptionError, descriptionGd, descriptionGdError } = readEventForm(form, event.description as BodyDoc | null, event.descriptionGd as BodyDoc | null)
  const outcome = descriptionError || descriptionGdError ? null : await updateEvent(user, id, input, description, descriptionGd)
  if (outcome?.ok) return redirect(`/manage/events/${id}?done=saved`, 303)
  if (outcome && outcome.reason !== 'invalid') return done(outcome, 'saved')
  const fieldErrors = {
    ...(outcome?.reason === 'invalid' ? outcome.fieldErrors : {}),
    ...(descriptionError ? { description: [descriptionError] } : {}),
    ...(descriptionGdError ? { descriptionGd: [descriptionGdError] } : {}),
  }
  return data({ intent: 'save', fieldErrors, refusal: null, values: input, description, descriptionGd }, { status: 400 })
}

function ReasonForm({ intent, label, button, variant }: { intent: string; label: string; button: string; variant?: 'secondary' | 'cancel' }) {
  const actionData = useActionData<typeof action>()
  const error = actionData?.intent === intent ? (actionData.fieldErrors as { reason?: string[] }).reason?.[0] : undefined
  return (
    <Form method="post" noValidate>
      <CsrfInput />
      <TextArea id={`${intent}-reason`} name="reason" label={label} rows={3} error={error} />
      <Button type="submit" name="intent" value={intent} variant={variant}>
        {button}
      </Button>
    </Form>
  )
}

export const handle = { i18n: ['events', 'manage', 'respond'] }

export default function EditEvent() {
  const { event, values, canModerate, organisations, programmes } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('events')
  const done = search.get('done')
  return (
    <Page title={t('manage.editTitle')} lead={event.title}>
      {done ? <NotificationBanner title={t(`manage.done.${done}`)} /> : null}
      {actionData?.refusal && actionData.refusal !== 'invalid' ? <NotificationBanner title={t(`manage.refused.${actionData.refusal}`)} /> : null}
      <p>
        {t('manage.statusIs')} <strong className="ds_tag">{t(`status.${event.status}`)}</strong>
      </p>
      {event.status === 'returned' && event.returnedReason ? <NotificationBanner title={t('manage.returnedBecause')}><p>{event.returnedReason}</p></NotificationBanner> : null}
      <ul>
        <li>
          <Link to="/manage/events">{t('manage.back')}</Link>
        </li>
        {event.status === 'published' || event.status === 'cancelled' ? (
          <li>
            <Link to={`/events/${event.slug}`}>{t('manage.viewPublic')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/manage/events/${event.id}/attendees`}>{t('manage.attendees')}</Link>
        </li>
      </ul>
      {canModerate && event.status === 'submitted' ? (
        <section aria-labelledby="moderation-heading">
          <h2 id="moderation-heading">{t('manage.moderation')}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <Button type="submit" name="intent" value="approve">
              {t('manage.approve')}
            </Button>
          </Form>
          <ReasonForm intent="return" label={t('manage.returnReason')} button={t('manage.return')} variant="secondary" />
        </section>
      ) : null}
      {event.status !== 'cancelled' ? (
        <>
          <h2>{t('manage.detailsHeading')}</h2>
          <EventForm
            values={actionData?.values ?? values}
            errors={actionData?.intent === 'save' ? (actionData.fieldErrors as Record<string, string[]>) : undefined}
            description={actionData?.description ?? event.description}
            descriptionGd={actionData?.descriptionGd ?? event.descriptionGd}
            organisations={organisations}
            programmes={programmes}
            submitLabel={event.status === 'returned' ? t('manage.resubmit') : t('manage.save')}
          />
          <section aria-labelledby="cancel-heading">
            <h2 id="cancel-heading">{t('manage.cancelHeading')}</h2>
            <p>{t('manage.cancelIntro')}</p>
            <ReasonForm intent="cancel" label={t('manage.cancelReason')} button={t('manage.cancel')} variant="cancel" />
          </section>
        </>
      ) : null}
    </Page>
  )
}

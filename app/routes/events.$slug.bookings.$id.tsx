import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { When } from '~/components/EventCard'
import { CsrfInput } from '~/components/FormSecurity'
import { Page } from '~/components/ds/Page'
import { Button, NotificationBanner, TextArea, TextInput } from '~/components/ds/forms'
import { MetadataItem } from '~/components/ds/Metadata'
import { cancelBooking, changeBooking, bookingPath, bookingPage } from '~/modules/events/index.server'
import { assertCsrf } from '~/platform/csrf.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'events')
  const key = new URL(request.url).searchParams.get('key') ?? ''
  const page = await bookingPage(params.id!, key, language)
  return { title: t('manageBooking.title'), serviceName, key, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: 'robots', content: 'noindex' }]

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  assertCsrf(request, form)
  const key = String(form.get('key') ?? '')
  const back = (done: string) => redirect(`${bookingPath(params.slug!, params.id!, key)}&done=${done}`, 303)
  if (form.get('intent') === 'cancel') {
    const outcome = await cancelBooking(params.id!, key)
    if (!outcome.ok) throw new Response('Not Found', { status: 404 })
    return back('cancelled')
  }
  const outcome = await changeBooking(params.id!, key, { name: String(form.get('name') ?? ''), accessNeeds: String(form.get('accessNeeds') ?? '') })
  if (outcome.ok) return back('changed')
  if (outcome.reason === 'not_found') throw new Response('Not Found', { status: 404 })
  return data({ fieldErrors: outcome.fieldErrors }, { status: 400 })
}

export const handle = { i18n: ['events'] }

export default function ManageBooking() {
  const { booking, event, key, otherDates } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t } = useTranslation('events')
  const done = search.get('done')
  // After booking, the banner follows the booking as it is now (a waiting place may since have become a real one).
  const banner = done === 'booked' || done === 'waitlisted' ? booking.status : done === 'cancelled' || done === 'changed' ? done : null
  return (
    <Page title={t('manageBooking.title')} lead={event.title} leadLang={event.titleLang}>
      {banner ? <NotificationBanner title={t(`manageBooking.done.${banner}`)} /> : null}
      {booking.status === 'waitlisted' ? <p>{t('manageBooking.waitlistedExplained')}</p> : null}
      <dl className="ds_metadata guth-facts">
        <MetadataItem label={t('manageBooking.status')}>
          <strong className="ds_tag">{t(`manageBooking.statuses.${booking.status}`)}</strong>
        </MetadataItem>
        <MetadataItem label={t('card.when')}>
          <When session={event.session} />
        </MetadataItem>
        <MetadataItem label={t('booking.email')}>{booking.email}</MetadataItem>
        {event.onlineUrl ? (
          <MetadataItem label={t('manageBooking.joining')}>
            <a href={event.onlineUrl}>{event.onlineUrl}</a>
          </MetadataItem>
        ) : null}
      </dl>
      {event.calendarUrl ? (
        <p>
          <a href={event.calendarUrl} download>
            {t('manageBooking.addToCalendar')}
          </a>
        </p>
      ) : null}
      {otherDates.length ? (
        <section aria-labelledby="other-dates-heading">
          <h2 id="other-dates-heading">{t('manageBooking.otherDates')}</h2>
          <p>{t('manageBooking.otherDatesHint')}</p>
          <ul>
            {otherDates.map((other) => (
              <li key={other.url}>
                <Link to={other.url}>
                  <When session={other.session} />
                </Link>
                {`: ${t(`manageBooking.statuses.${other.status}`)}`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {event.cancelled ? <p>{t('page.cancelled')}</p> : null}
      {booking.status !== 'cancelled' && !event.cancelled ? (
        <>
          <h2>{t('manageBooking.changeHeading')}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="key" value={key} />
            <TextInput id="booking-name" name="name" label={t('booking.name')} defaultValue={booking.name} error={actionData?.fieldErrors.name?.[0]} width="fluid-two-thirds" />
            <TextArea id="booking-accessNeeds" name="accessNeeds" label={t('booking.accessNeeds')} hint={t('booking.accessNeedsHint')} defaultValue={booking.accessNeeds} rows={3} />
            <Button type="submit" name="intent" value="change" variant="secondary">
              {t('manageBooking.save')}
            </Button>
          </Form>
          <h2>{t('manageBooking.cancelHeading')}</h2>
          <p>{t('manageBooking.cancelIntro')}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="key" value={key} />
            <Button type="submit" name="intent" value="cancel" variant="cancel">
              {t('manageBooking.cancel')}
            </Button>
          </Form>
        </>
      ) : null}
      <p>
        <Link to={`/events/${event.slug}`}>{t('manageBooking.back')}</Link>
      </p>
    </Page>
  )
}

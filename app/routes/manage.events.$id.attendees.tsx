import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button, SelectField } from '~/components/ds/forms'
import { dayText, listAttendees } from '~/modules/events/index.server'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, people, dates, day } = await listAttendees(await requireUser(request), params.id!, new URL(request.url).searchParams.get('date'))
  const { t, serviceName, language } = await translatorFor(request, 'events')
  return {
    day,
    dates: dates.map((d) => ({ value: d, label: dayText(d, language) })),
    title: `${t('attendees.title')}: ${event.title}`,
    serviceName,
    event: { id: event.id, title: event.title, capacity: event.capacity },
    people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, status: p.status, accessNeeds: p.accessNeeds, day: p.day ? dayText(p.day, language) : null })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['events'] }

export default function Attendees() {
  const { event, people, dates, day } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  const confirmed = people.filter((p) => p.status === 'confirmed').length
  return (
    <Page title={t('attendees.title')} lead={event.title}>
      <p>{t(event.capacity == null ? 'attendees.summaryUnlimited' : 'attendees.summary', { confirmed, count: event.capacity ?? undefined, waiting: people.filter((p) => p.status === 'waitlisted').length })}</p>
      {dates.length ? (
        <Form method="get" className="guth-filter">
          <SelectField id="attendees-date" name="date" label={t('attendees.date')} defaultValue={day ?? ''} emptyLabel={t('attendees.allDates')} options={dates} />
          <Button type="submit" variant="secondary">
            {t('attendees.show')}
          </Button>
        </Form>
      ) : null}
      <p>
        <a href={`/manage/events/${event.id}/attendees.csv${day ? `?date=${day}` : ''}`} download>
          {t('attendees.csv')}
        </a>
      </p>
      {people.length ? (
        <table>
          <caption className="visually-hidden">{t('attendees.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('booking.name')}</th>
              <th scope="col">{t('booking.email')}</th>
              {dates.length ? <th scope="col">{t('attendees.date')}</th> : null}
              <th scope="col">{t('manageBooking.status')}</th>
              <th scope="col">{t('booking.accessNeeds')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>{person.name}</td>
                <td>{person.email}</td>
                {dates.length ? <td>{person.day}</td> : null}
                <td>{t(`manageBooking.statuses.${person.status}`)}</td>
                <td>{person.accessNeeds}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('attendees.empty')}</p>
      )}
      <p>
        <Link to={`/manage/events/${event.id}`}>{t('attendees.back')}</Link>
      </p>
    </Page>
  )
}

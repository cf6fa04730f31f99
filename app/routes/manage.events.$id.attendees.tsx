import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { Page } from '~/components/ds/Page'
import { requireUser } from '~/modules/accounts'
import { listAttendees } from '~/modules/events/manage.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event, people } = await listAttendees(await requireUser(request), params.id!)
  const { t, serviceName } = await translatorFor(request, 'events')
  return {
    title: `${t('attendees.title')}: ${event.title}`,
    serviceName,
    event: { id: event.id, title: event.title, capacity: event.capacity },
    people: people.map((p) => ({ id: p.id, name: p.name, email: p.email, status: p.status, accessNeeds: p.accessNeeds })),
  }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export default function Attendees() {
  const { event, people } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  const confirmed = people.filter((p) => p.status === 'confirmed').length
  return (
    <Page title={t('attendees.title')} lead={event.title}>
      <p>{t(event.capacity == null ? 'attendees.summaryUnlimited' : 'attendees.summary', { confirmed, count: event.capacity ?? undefined, waiting: people.filter((p) => p.status === 'waitlisted').length })}</p>
      <p>
        <a href={`/manage/events/${event.id}/attendees.csv`} download>
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
              <th scope="col">{t('manageBooking.status')}</th>
              <th scope="col">{t('booking.accessNeeds')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>{person.name}</td>
                <td>{person.email}</td>
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

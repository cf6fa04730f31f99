import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { Page } from '~/components/ds/Page'
import { calendarMonthPage } from '~/modules/events/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import eventsStyles from '~/styles/events.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventsStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'events')
  const page = await calendarMonthPage(new URL(request.url).searchParams, language)
  return { title: `${t('month.title')}: ${page.name}`, serviceName, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['events'] }

export default function EventMonth() {
  const { name, previous, next, weeks, query } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  const href = (month: string) => `/events/month?${new URLSearchParams([['month', month], ...new URLSearchParams(query)])}`
  const weekdays = t('month.weekdays', { returnObjects: true }) as string[]
  return (
    <Page title={`${t('month.title')}: ${name}`}>
      <p>
        <Link to={`/events${query ? `?${query}` : ''}`}>{t('month.listLink')}</Link>
      </p>
      <nav aria-label={t('month.navLabel')} className="ds_pagination">
        <ul className="ds_pagination__list">
          <li className="ds_pagination__item">
            <Link className="ds_pagination__link" to={href(previous)}>
              {t('month.previous')}
            </Link>
          </li>
          <li className="ds_pagination__item">
            <Link className="ds_pagination__link" to={href(next)}>
              {t('month.next')}
            </Link>
          </li>
        </ul>
      </nav>
      {weeks.some((week) => week.some((day) => day.events.some((event) => event.lang))) ? <p className="ds_hint-text">{t('month.englishOnly')}</p> : null}
      <table className="guth-month">
        <caption className="visually-hidden">{name}</caption>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day} scope="col">
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => (
                <td key={day.date} className={day.inMonth ? undefined : 'guth-month__other'}>
                  <span aria-hidden="true">{day.day}</span>
                  <span className="visually-hidden">{day.label}</span>
                  {day.events.length ? (
                    <ul>
                      {day.events.map((event) => (
                        <li key={`${event.slug}-${event.time}`}>
                          <Link to={`/events/${event.slug}`}>
                            {event.time ? (
                              <>
                                <time dateTime={event.datetime}>{event.time}</time>{' '}
                              </>
                            ) : null}
                            {event.lang ? <span lang={event.lang}>{event.title}</span> : event.title}
                            {event.cancelled ? ` (${t('status.cancelled')})` : ''}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  )
}

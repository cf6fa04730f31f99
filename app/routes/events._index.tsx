import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { EventCard, FeedLinks } from '~/components/EventCard'
import { EventFiltersForm } from '~/components/EventFilters'
import { Page } from '~/components/ds/Page'
import { Pagination } from '~/components/ds/Pagination'
import { LinkTabs } from '~/components/ds/Tabs'
import { calendarListPage, filterQuery } from '~/modules/events/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import eventsStyles from '~/styles/events.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventsStyles }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request, 'events')
  const page = await calendarListPage(new URL(request.url).searchParams, language)
  return { title: t('list.title'), description: t('list.lead'), serviceName, ...page, query: Object.fromEntries(filterQuery(page.filters)), queryString: filterQuery(page.filters).toString() }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...pageMeta(data),
  { tagName: 'link', rel: 'alternate', type: 'application/rss+xml', title: 'Guth events (RSS)', href: '/feeds/events.rss' },
  { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: 'Guth events (Atom)', href: '/feeds/events.atom' },
]

export const handle = { i18n: ['events'] }

export default function Events() {
  const { filters, choices, events, total, pageCount, feed, news, queryString } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  const when = filters.when
  const tabHref = (tab: 'upcoming' | 'past') => `/events?${new URLSearchParams([...(tab === 'past' ? [['when', 'past']] : []), ...new URLSearchParams(queryString)])}`
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      <p>
        <Link to={`/events/month${queryString ? `?${queryString}` : ''}`}>{t('list.monthLink')}</Link>
      </p>
      <div className="guth-events-layout">
        <EventFiltersForm action="/events" filters={filters} choices={choices} extra={when === 'past' ? { when: 'past' } : undefined} />
        <div>
          <LinkTabs
            id="event-tabs"
            title={t('list.tabsTitle')}
            tabs={(['upcoming', 'past'] as const).map((tab) => ({ key: tab, href: tabHref(tab), label: t(`list.tabs.${tab}`), current: tab === when }))}
          >
            <section className="ds_tabs__content" aria-labelledby="event-results">
              <h2 id="event-results" className="ds_h3">
                {t('list.count', { count: total })}
              </h2>
              {events.length === 0 ? (
                <p>{t(`list.empty.${when}`)}</p>
              ) : (
                <ol className="ds_search-results__list guth-event-list">
                  {events.map((event) => (
                    <EventCard key={event.slug} event={event} />
                  ))}
                </ol>
              )}
              <Pagination path="/events" page={filters.page} pageCount={pageCount} query={{ ...(when === 'past' ? { when } : {}), ...Object.fromEntries(new URLSearchParams(queryString)) }} />
            </section>
          </LinkTabs>
          <FeedLinks feed={feed} news={news} />
        </div>
      </div>
    </Page>
  )
}

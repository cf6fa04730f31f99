import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { EnglishOnlyNotice } from '~/components/EnglishOnly'
import { EventCard, FeedLinks } from '~/components/EventCard'
import { Page } from '~/components/ds/Page'
import { programmePage } from '~/modules/events/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'
import eventsStyles from '~/styles/events.css?url'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: eventsStyles }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { language, serviceName } = await translatorFor(request, 'events')
  const page = await programmePage(params.slug!, language)
  return { title: page.programme.name, serviceName, ...page }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['events'] }

export default function Programme() {
  const { programme, held, target, events, feed } = useLoaderData<typeof loader>()
  const { t } = useTranslation('events')
  return (
    <Page title={programme.name} titleLang={programme.lang.name} lead={programme.description ?? undefined} leadLang={programme.lang.description}>
      {programme.lang.name || programme.lang.description ? <EnglishOnlyNotice /> : null}
      <h2>{t('programme.progressHeading')}</h2>
      <p>{t('programme.progress', { held, count: target })}</p>
      <progress className="guth-programme-progress" max={Math.max(target, 1)} value={Math.min(held, Math.max(target, 1))} aria-label={t('programme.progress', { held, count: target })} />
      <h2>{t('programme.eventsHeading')}</h2>
      {events.length ? (
        <ol className="ds_search-results__list guth-event-list">
          {events.map((event) => (
            <EventCard key={event.slug} event={event} />
          ))}
        </ol>
      ) : (
        <p>{t('programme.empty')}</p>
      )}
      <FeedLinks feed={feed} />
    </Page>
  )
}

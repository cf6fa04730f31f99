import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { MetadataItem } from '~/components/ds/Metadata'
import { EnglishOnlyNotice } from '~/components/EnglishOnly'
import type { EventCard as EventCardData, SessionTime } from '~/modules/events/index.server'

/** A session's start and end as `<time>` elements (with offsets) around words that name the time zone. */
export function When({ session }: { session: SessionTime }) {
  return (
    <>
      <time dateTime={session.start.datetime}>{session.start.text}</time>
      {session.end ? (
        <>
          {` ${session.joiner} `}
          <time dateTime={session.end.datetime}>{session.end.text}</time>
        </>
      ) : null}
    </>
  )
}

/** One event in a list: title link, when, where, who, and its accessibility at a glance. */
export function EventCard({ event, headingLevel = 3 }: { event: EventCardData; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('events')
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <li className="ds_search-result guth-event-card">
      <Heading className="ds_search-result__title">
        <Link className="ds_search-result__link" to={`/events/${event.slug}`} lang={event.lang.title}>
          {event.title}
        </Link>
      </Heading>
      {event.cancelled ? <strong className="ds_tag ds_tag--red">{t('status.cancelled')}</strong> : null}
      {event.lang.title || event.lang.summary ? <EnglishOnlyNotice short /> : null}
      <p className="ds_search-result__summary" lang={event.lang.summary}>
        {event.summary}
      </p>
      <dl className="ds_metadata guth-facts">
        <MetadataItem label={t('card.when')}>
          <When session={event.session} />
          {event.repeats ? ` ${t('card.repeats')}` : ''}
        </MetadataItem>
        <MetadataItem label={t('card.where')}>{event.mode === 'online' ? t('mode.online') : [event.place, event.mode === 'hybrid' ? t('card.andOnline') : null].filter(Boolean).join(' ')}</MetadataItem>
        <MetadataItem label={t('card.organiser')}>{event.organisation}</MetadataItem>
        {event.accessibility.length ? (
          <MetadataItem label={t('card.access')}>{event.accessibility.map((feature) => t(`access.${feature}`)).join(', ')}</MetadataItem>
        ) : null}
      </dl>
    </li>
  )
}

/** The https and webcal addresses of a feed, to copy or open in a calendar app. */
export function FeedLinks({ feed, news }: { feed: { https: string; webcal: string }; news?: { rss: string; atom: string; embed: string } }) {
  const { t } = useTranslation('events')
  return (
    <div className="guth-feed-links">
      <h2 className="ds_h3">{t('feed.heading')}</h2>
      <p>{t('feed.intro')}</p>
      <label className="ds_label" htmlFor="feed-url">
        {t('feed.copyLabel')}
      </label>
      <input id="feed-url" className="ds_input" type="text" readOnly value={feed.https} />
      <ul>
        <li>
          <a href={feed.webcal}>{t('feed.openApp')}</a>
        </li>
        <li>
          <a href={feed.https}>{t('feed.download')}</a>
        </li>
        {news ? (
          <>
            <li>
              <a href={news.rss} type="application/rss+xml">
                {t('feed.rss')}
              </a>
            </li>
            <li>
              <a href={news.atom} type="application/atom+xml">
                {t('feed.atom')}
              </a>
            </li>
          </>
        ) : null}
      </ul>
      {news ? (
        <>
          <h3 className="ds_h4">{t('feed.embedHeading')}</h3>
          <label className="ds_label" htmlFor="embed-code">
            {t('feed.embedLabel')}
          </label>
          <textarea
            id="embed-code"
            className="ds_input"
            readOnly
            rows={3}
            value={`<iframe src="${news.embed}" title="${t('embed.title')}" width="100%" height="400" style="border:0"></iframe>`}
          />
        </>
      ) : null}
    </div>
  )
}

/** A short list of what is coming up, with a link to the whole calendar (home page). */
export function UpcomingEvents({ events }: { events: { slug: string; title: string; lang?: 'en'; session: SessionTime }[] }) {
  const { t } = useTranslation('events')
  return (
    <>
      {events.length ? (
        <ul className="guth-list-plain">
          {events.map((event) => (
            <li key={event.slug}>
              <Link to={`/events/${event.slug}`} lang={event.lang}>
                {event.title}
              </Link>
              <br />
              <span className="ds_hint-text">
                <When session={event.session} />
              </span>
              {event.lang ? <EnglishOnlyNotice short /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <Link to="/events">{t('home.all')}</Link>
      </p>
    </>
  )
}

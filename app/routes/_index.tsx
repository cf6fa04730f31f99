import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { NotificationBanner } from '~/components/ds/forms'
import { UpcomingEvents } from '~/components/EventCard'
import { inLanguage } from '~/components/ConsultationCard'
import { listOrganisations } from '~/modules/accounts/index.server'
import { formatLondon } from '~/kernel/london-time'
import { listPublicConsultations } from '~/modules/consultations/index.server'
import { upcomingEvents } from '~/modules/events/index.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request)
  const params = new URL(request.url).searchParams
  const notice = params.has('accountDeleted') ? 'home.accountDeleted' : params.has('signedOut') ? 'auth:signedOut' : null
  const [organisations, open, events] = await Promise.all([listOrganisations(language), listPublicConsultations({ tab: 'open', pageSize: 5 }), upcomingEvents(language, 3)])
  const openConsultations = open.consultations.map((row) => ({
    slug: row.slug,
    title: inLanguage(row.title, language),
    closes: formatLondon(row.closesAt, language),
  }))
  return { title: t('home.title'), description: t('home.lead'), serviceName, notice, organisations, openConsultations, events }
}

function OpenConsultations() {
  const { openConsultations } = useLoaderData<typeof loader>()
  const { t } = useTranslation('consultations')
  return (
    <section aria-labelledby="home-consultations">
      <h2 id="home-consultations">{t('home.heading')}</h2>
      {openConsultations.length === 0 ? (
        <p>{t('home.empty')}</p>
      ) : (
        <ul className="guth-list-plain guth-home-consultations">
          {openConsultations.map((consultation) => (
            <li key={consultation.slug}>
              <Link to={`/consultations/${consultation.slug}`} lang={consultation.title.lang}>
                {consultation.title.text}
              </Link>
              <br />
              <span className="ds_hint-text">{t('home.closes', { date: consultation.closes })}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/consultations">{t('home.all')}</Link>
      </p>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export const handle = { i18n: ['auth', 'bsl', 'consultations', 'events'] }

export default function Home() {
  const { organisations, notice, events } = useLoaderData<typeof loader>()
  const { t } = useTranslation()
  return (
    <div className="ds_layout ds_layout--article">
      <div className="ds_layout__header">
        {notice ? <NotificationBanner title={t(notice)} /> : null}
        <header className="ds_page-header">
          <h1 className="ds_page-header__title">{t('home.title')}</h1>
        </header>
        <p className="ds_leader">{t('home.lead')}</p>
      </div>
      <div className="ds_layout__content">
        <OpenConsultations />
        {(['respond', 'bsl', 'events'] as const).map((section) => (
          <section key={section} aria-labelledby={`home-${section}`}>
            <h2 id={`home-${section}`}>{t(`home.${section}.title`)}</h2>
            <p>{t(`home.${section}.body`)}</p>
            {section === 'events' ? <UpcomingEvents events={events} /> : null}
            {section === 'bsl' ? (
              <p>
                <Link to="/bsl">{t('bsl:entry.link')}</Link>
              </p>
            ) : null}
          </section>
        ))}
        <section aria-labelledby="home-organisations">
          <h2 id="home-organisations">{t('home.organisations.title')}</h2>
          {organisations.length === 0 ? (
            <p>{t('home.organisations.empty')}</p>
          ) : (
            <ul>
              {organisations.map((organisation) => (
                <li key={organisation.slug}>{organisation.name}</li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { NotificationBanner } from '~/components/ds/forms'
import { listOrganisations } from '~/modules/accounts/queries.server'
import { translatorFor } from '~/platform/i18n/translate.server'
import { pageMeta } from '~/platform/meta'

export async function loader({ request }: LoaderFunctionArgs) {
  const { language, t, serviceName } = await translatorFor(request)
  const params = new URL(request.url).searchParams
  const notice = params.has('accountDeleted') ? 'home.accountDeleted' : params.has('signedOut') ? 'auth:signedOut' : null
  return { title: t('home.title'), serviceName, notice, organisations: await listOrganisations(language) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data)

export default function Home() {
  const { organisations, notice } = useLoaderData<typeof loader>()
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
        {(['respond', 'bsl', 'events'] as const).map((section) => (
          <section key={section} aria-labelledby={`home-${section}`}>
            <h2 id={`home-${section}`}>{t(`home.${section}.title`)}</h2>
            <p>{t(`home.${section}.body`)}</p>
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

import { Form, Link, useLocation, useRouteLoaderData } from '@remix-run/react'
import { CsrfInput } from '../FormSecurity'
import { useTranslation } from '~/platform/i18n/react'
import { LanguageSwitcher } from '../LanguageSwitcher'

export function SkipLinks() {
  const { t } = useTranslation()
  return (
    <div className="ds_skip-links">
      <ul className="ds_skip-links__list">
        <li className="ds_skip-links__item">
          <a className="ds_skip-links__link" href="#main-content">
            {t('skipLink')}
          </a>
        </li>
      </ul>
    </div>
  )
}

interface RootData {
  user: { displayName: string | null; email: string; roles: string[] } | null
}

function AccountLinks() {
  const { t } = useTranslation()
  const data = useRouteLoaderData<RootData>('root')
  const location = useLocation()
  if (!data?.user) {
    // Bring people back to the page they were on, except from the sign-in pages themselves.
    const here = location.pathname + location.search
    const to = location.pathname.startsWith('/sign-in') || here === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(here)}`
    return (
      <Link className="guth-header__link" to={to}>
        {t('header.signIn')}
      </Link>
    )
  }
  return (
    <>
      {data.user.roles.includes('official') || data.user.roles.includes('admin') ? (
        <Link className="guth-header__link" to="/manage/consultations">
          {t('header.manage')}
        </Link>
      ) : null}
      {data.user.roles.includes('admin') ? (
        <Link className="guth-header__link" to="/admin">
          {t('header.admin')}
        </Link>
      ) : null}
      <Link className="guth-header__link" to="/account">
        {t('header.account')}
      </Link>
      <Form method="post" action="/sign-out" className="guth-header__sign-out">
        <CsrfInput />
        <button type="submit" className="guth-link-button">
          {t('header.signOut')}
        </button>
      </Form>
    </>
  )
}

export function SiteHeader() {
  const { t } = useTranslation()
  return (
    <div className="ds_site-header">
      <div className="ds_wrapper">
        <div className="ds_site-header__content guth-header">
          <div className="ds_site-branding">
            <Link className="ds_site-branding__link" to="/" aria-label={t('header.homeLink')}>
              <span className="ds_site-branding__title guth-header__title">{t('service.name')}</span>
            </Link>
          </div>
          <div className="guth-header__tools">
            <Link className="guth-header__link" to="/consultations">
              {t('header.consultations')}
            </Link>
            <Link className="guth-header__link" to="/events">
              {t('header.events')}
            </Link>
            <LanguageSwitcher />
            <AccountLinks />
          </div>
        </div>
      </div>
    </div>
  )
}

export function PhaseBanner() {
  const { t } = useTranslation()
  return (
    <div className="ds_phase-banner">
      <div className="ds_wrapper">
        <p className="ds_phase-banner__content">
          <strong className="ds_tag ds_phase-banner__tag">{t('phase.tag')}</strong>
          <span className="ds_phase-banner__text">{t('phase.text')}</span>
        </p>
      </div>
    </div>
  )
}

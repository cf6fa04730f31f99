import { Link } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
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
            <LanguageSwitcher />
            <Link className="guth-header__sign-in" to="/sign-in">
              {t('header.signIn')}
            </Link>
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

import { Link } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'

export function SiteFooter() {
  const { t } = useTranslation()
  return (
    <footer className="ds_site-footer">
      <div className="ds_wrapper">
        <div className="ds_site-footer__content">
          <nav aria-label={t('footer.label')}>
            <ul className="ds_site-footer__site-items">
              <li className="ds_site-items__item">
                <Link to="/accessibility">{t('footer.accessibility')}</Link>
              </li>
              <li className="ds_site-items__item">
                <Link to="/privacy">{t('footer.privacy')}</Link>
              </li>
              <li className="ds_site-items__item">
                <Link to="/cookies">{t('footer.cookies')}</Link>
              </li>
            </ul>
          </nav>
          <div className="ds_site-footer__copyright">
            <p>{t('footer.licence')}</p>
            <p>{t('footer.software')}</p>
          </div>
        </div>
      </div>
    </footer>
  )
}

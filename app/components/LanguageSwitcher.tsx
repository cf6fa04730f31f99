import { Form, useLocation } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { supportedLanguages } from '~/platform/i18n/config'
import { CsrfInput } from './FormSecurity'

/** A plain form per language, so switching works without JavaScript and is never a state-changing GET. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const here = location.pathname + location.search
  return (
    <nav className="guth-language" aria-label={t('language.choose')}>
      <ul className="guth-language__list">
        {supportedLanguages.map((language) => (
          <li key={language} className="guth-language__item">
            {language === i18n.language ? (
              <span className="guth-language__current" lang={language} aria-current="true">
                {t(`language.${language}`)}
              </span>
            ) : (
              <Form method="post" action="/language" reloadDocument>
                <input type="hidden" name="language" value={language} />
                <input type="hidden" name="redirectTo" value={here} />
                <CsrfInput />
                <button type="submit" className="guth-link-button" lang={language}>
                  {t(`language.${language}`)}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}

import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { fetchStrings } from './platform/i18n/backend.client'
import { fallbackLanguage, i18nConfig, isLanguage } from './platform/i18n/config'
import { readPageStrings } from './platform/i18n/page-strings'
import { I18nextProvider } from './platform/i18n/react'
import { BrowserStrings } from './platform/i18n/strings'

async function hydrate() {
  const lang = document.documentElement.lang
  const language = isLanguage(lang) ? lang : fallbackLanguage
  // The page names its namespaces; their chunks (cached from page to page) load before hydrating,
  // and others load on navigation. Every key has a string in every language (locales.test.ts), so
  // English is never fetched to fall back on.
  const { languages, namespaces } = readPageStrings()
  const strings = new BrowserStrings(language, fetchStrings, { defaultNS: i18nConfig.defaultNS })
  await strings.reloadResources(languages.length > 0 ? languages : [language], namespaces.length > 0 ? namespaces : ['common'])
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={strings}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()

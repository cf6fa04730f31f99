import { RemixBrowser } from '@remix-run/react'
import i18next from 'i18next'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { localeBackend } from './platform/i18n/backend.client'
import { fallbackLanguage, i18nConfig, isLanguage } from './platform/i18n/config'
import { readPageStrings } from './platform/i18n/page-strings'

async function hydrate() {
  const lang = document.documentElement.lang
  const language = isLanguage(lang) ? lang : fallbackLanguage
  // The page names its namespaces; their chunks (cached from page to page) load before hydrating,
  // and others load on navigation.
  const { languages, namespaces } = readPageStrings()
  await i18next
    .use(initReactI18next)
    .use(localeBackend)
    .init({
      ...i18nConfig,
      lng: language,
      ns: namespaces.length > 0 ? namespaces : ['common'],
      preload: languages.length > 0 ? languages : [language],
      // Every key has a string in every language (locales.test.ts): never fetch English to fall back on.
      fallbackLng: false,
      // A safety net for a key in a namespace no route declared (a server message, say): fetch the
      // namespace, and re-render what uses strings once it has arrived.
      saveMissing: true,
      missingKeyHandler: (_languages, namespace) => {
        if (!i18next.hasResourceBundle(i18next.language, namespace)) void i18next.loadNamespaces(namespace)
      },
      react: { ...i18nConfig.react, bindI18n: 'languageChanged loaded' },
    })
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    )
  })
}

void hydrate()

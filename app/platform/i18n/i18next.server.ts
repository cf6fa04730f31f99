import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { getEnv } from '../env.server'
import { fallbackLanguage, isLanguage, type Language, supportedLanguages } from './config'
import { serverI18nConfig } from './resources.server'

export const languageCookie = createCookie('guth_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  secure: getEnv().NODE_ENV === 'production' && getEnv().PUBLIC_URL.startsWith('https:'),
  maxAge: 60 * 60 * 24 * 365,
})

// Order: the language the person chose (cookie), then the browser's Accept-Language, then English.
export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage,
    cookie: languageCookie,
    order: ['cookie', 'header'],
  },
  i18next: serverI18nConfig,
})

export async function getLanguage(request: Request): Promise<Language> {
  const language = await i18next.getLocale(request)
  return isLanguage(language) ? language : fallbackLanguage
}

// One initialised i18next instance per language for the life of the process: the resources are
// bundled and never change, and initialising one per request costs more than rendering the page.
const instances = new Map<Language, Promise<I18n>>()

/** An i18next instance fixed to one language, shared by every request in that language. */
export function getI18n(language: Language): Promise<I18n> {
  let instance = instances.get(language)
  if (!instance) {
    const created = createInstance().use(initReactI18next)
    instance = created.init({ ...serverI18nConfig, lng: language }).then(() => created)
    instances.set(language, instance)
  }
  return instance
}

/** A translator outside React (emails, jobs, server messages). */
export async function getTranslator(language: Language, namespace = 'common') {
  return (await getI18n(language)).getFixedT(language, namespace)
}

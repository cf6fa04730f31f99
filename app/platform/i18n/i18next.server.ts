import { createCookie } from '@remix-run/node'
import { createInstance } from 'i18next'
import { RemixI18Next } from 'remix-i18next/server'
import { getEnv } from '../env.server'
import { fallbackLanguage, i18nConfig, isLanguage, type Language, supportedLanguages } from './config'

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
  i18next: i18nConfig,
})

export async function getLanguage(request: Request): Promise<Language> {
  const language = await i18next.getLocale(request)
  return isLanguage(language) ? language : fallbackLanguage
}

/** A translator outside React (emails, jobs, server messages). */
export async function getTranslator(language: Language, namespace = 'common') {
  const instance = createInstance()
  await instance.init({ ...i18nConfig, lng: language })
  return instance.getFixedT(language, namespace)
}

import enAccount from '#locales/en/account.json'
import enAdmin from '#locales/en/admin.json'
import enAuth from '#locales/en/auth.json'
import enCommon from '#locales/en/common.json'
import enLegal from '#locales/en/legal.json'
import gdAccount from '#locales/gd/account.json'
import gdAdmin from '#locales/gd/admin.json'
import gdAuth from '#locales/gd/auth.json'
import gdCommon from '#locales/gd/common.json'
import gdLegal from '#locales/gd/legal.json'

export const supportedLanguages = ['en', 'gd'] as const
export type Language = (typeof supportedLanguages)[number]
export const fallbackLanguage: Language = 'en'

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language)
}

// Strings are bundled (both languages are small); split per route if they grow large.
export const resources = {
  en: { common: enCommon, legal: enLegal, auth: enAuth, account: enAccount, admin: enAdmin },
  gd: { common: gdCommon, legal: gdLegal, auth: gdAuth, account: gdAccount, admin: gdAdmin },
}

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: 'common',
  ns: Object.keys(resources.en),
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
}

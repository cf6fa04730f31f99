import enCommon from '#locales/en/common.json'
import enLegal from '#locales/en/legal.json'
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
  en: { common: enCommon, legal: enLegal },
  gd: { common: gdCommon, legal: gdLegal },
}

export const i18nConfig = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: fallbackLanguage,
  defaultNS: 'common',
  ns: ['common', 'legal'],
  resources,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
}

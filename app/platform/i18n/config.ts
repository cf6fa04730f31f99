import enAccount from '#locales/en/account.json'
import enAdmin from '#locales/en/admin.json'
import enAuth from '#locales/en/auth.json'
import enCommon from '#locales/en/common.json'
import enConsultations from '#locales/en/consultations.json'
import enLegal from '#locales/en/legal.json'
import enManage from '#locales/en/manage.json'
import enRespond from '#locales/en/respond.json'
import enResponses from '#locales/en/responses.json'
import gdAccount from '#locales/gd/account.json'
import gdAdmin from '#locales/gd/admin.json'
import gdAuth from '#locales/gd/auth.json'
import gdCommon from '#locales/gd/common.json'
import gdConsultations from '#locales/gd/consultations.json'
import gdLegal from '#locales/gd/legal.json'
import gdManage from '#locales/gd/manage.json'
import gdRespond from '#locales/gd/respond.json'
import gdResponses from '#locales/gd/responses.json'

export const supportedLanguages = ['en', 'gd'] as const
export type Language = (typeof supportedLanguages)[number]
export const fallbackLanguage: Language = 'en'

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language)
}

// Strings are bundled (both languages are small); split per route if they grow large.
export const resources = {
  en: { account: enAccount, admin: enAdmin, auth: enAuth, common: enCommon, legal: enLegal, manage: enManage, responses: enResponses, consultations: enConsultations, respond: enRespond },
  gd: { account: gdAccount, admin: gdAdmin, auth: gdAuth, common: gdCommon, legal: gdLegal, manage: gdManage, responses: gdResponses, consultations: gdConsultations, respond: gdRespond },
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

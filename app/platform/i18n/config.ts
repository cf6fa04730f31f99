import enAccount from '#locales/en/account.json'
import enEvents from '#locales/en/events.json'
import enComments from '#locales/en/comments.json'
import enBsl from '#locales/en/bsl.json'
import enAnalysis from '#locales/en/analysis.json'
import enAdmin from '#locales/en/admin.json'
import enAuth from '#locales/en/auth.json'
import enCommon from '#locales/en/common.json'
import enConsultations from '#locales/en/consultations.json'
import enLegal from '#locales/en/legal.json'
import enManage from '#locales/en/manage.json'
import enRespond from '#locales/en/respond.json'
import enResponses from '#locales/en/responses.json'
import gdAccount from '#locales/gd/account.json'
import gdEvents from '#locales/gd/events.json'
import gdComments from '#locales/gd/comments.json'
import gdBsl from '#locales/gd/bsl.json'
import gdAnalysis from '#locales/gd/analysis.json'
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
  en: { account: enAccount, admin: enAdmin, auth: enAuth, common: enCommon, legal: enLegal, manage: enManage, responses: enResponses, consultations: enConsultations, respond: enRespond, events: enEvents, comments: enComments, bsl: enBsl, analysis: enAnalysis },
  gd: { account: gdAccount, admin: gdAdmin, auth: gdAuth, common: gdCommon, legal: gdLegal, manage: gdManage, responses: gdResponses, consultations: gdConsultations, respond: gdRespond, events: gdEvents, comments: gdComments, bsl: gdBsl, analysis: gdAnalysis },
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

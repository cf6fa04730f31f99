import enAccount from '#locales/en/account.json'
import enAdmin from '#locales/en/admin.json'
import enAnalysis from '#locales/en/analysis.json'
import enAuth from '#locales/en/auth.json'
import enBsl from '#locales/en/bsl.json'
import enComments from '#locales/en/comments.json'
import enCommon from '#locales/en/common.json'
import enConsultations from '#locales/en/consultations.json'
import enEvents from '#locales/en/events.json'
import enLegal from '#locales/en/legal.json'
import enManage from '#locales/en/manage.json'
import enRespond from '#locales/en/respond.json'
import enResponses from '#locales/en/responses.json'
import gdAccount from '#locales/gd/account.json'
import gdAdmin from '#locales/gd/admin.json'
import gdAnalysis from '#locales/gd/analysis.json'
import gdAuth from '#locales/gd/auth.json'
import gdBsl from '#locales/gd/bsl.json'
import gdComments from '#locales/gd/comments.json'
import gdCommon from '#locales/gd/common.json'
import gdConsultations from '#locales/gd/consultations.json'
import gdEvents from '#locales/gd/events.json'
import gdLegal from '#locales/gd/legal.json'
import gdManage from '#locales/gd/manage.json'
import gdRespond from '#locales/gd/respond.json'
import gdResponses from '#locales/gd/responses.json'
import { i18nConfig, type Language, type Namespace } from './config'

// Every string of every language, bundled into the server: emails, jobs and server rendering need
// any of them at any time. The browser never imports this module.
export const resources: Record<Language, Record<Namespace, object>> = {
  en: { account: enAccount, admin: enAdmin, analysis: enAnalysis, auth: enAuth, bsl: enBsl, comments: enComments, common: enCommon, consultations: enConsultations, events: enEvents, legal: enLegal, manage: enManage, respond: enRespond, responses: enResponses },
  gd: { account: gdAccount, admin: gdAdmin, analysis: gdAnalysis, auth: gdAuth, bsl: gdBsl, comments: gdComments, common: gdCommon, consultations: gdConsultations, events: gdEvents, legal: gdLegal, manage: gdManage, respond: gdRespond, responses: gdResponses },
}

/** i18next settings with every string loaded, for the server and for tests. */
export const serverI18nConfig = { ...i18nConfig, resources }

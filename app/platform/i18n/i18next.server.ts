import { createCookie } from '@remix-run/node'
import { createInstance, type i18n as I18n } from 'i18next'
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

// A request's language depends only on its guth_lang cookie and its Accept-Language header, and
// browsers send a few dozen different pairs: work each pair out once, not on every request.
const languages = new Map<string, Promise<Language>>()
const MAX_LANGUAGE_PAIRS = 1_000
const CHOSEN = /(?:^|;)\s*guth_lang=([^;]*)/

export function getLanguage(request: Request): Promise<Language> {
  const chosen = CHOSEN.exec(request.headers.get('cookie') ?? '')?.[1] ?? ''
  const pair = `${chosen}\u0000${request.headers.get('accept-language') ?? ''}`
  let language = languages.get(pair)
  if (!language) {
    language = i18next.getLocale(request).then((found) => (isLanguage(found) ? found : fallbackLanguage))
    if (languages.size >= MAX_LANGUAGE_PAIRS) languages.clear()
    languages.set(pair, language)
    language.catch(() => languages.delete(pair))
  }
  return language
}

// One initialised i18next instance per language for the life of the process: the resources are
// bundled and never change, and initialising one per request costs more than rendering the page.
const instances = new Map<Language, Promise<I18n>>()

/** An i18next instance fixed to one language, shared by every request in that language. */
export function getI18n(language: Language): Promise<I18n> {
  let instance = instances.get(language)
  if (!instance) {
    const created = createInstance()
    instance = created.init({ ...serverI18nConfig, lng: language }).then(() => rememberFixedStrings(created))
    instances.set(language, instance)
  }
  return instance
}

// Options that only say where to look up a key: with no others (no count, no values), a key's text
// never changes, as the resources never do.
const LOOKUP_ONLY = new Set(['lng', 'lngs', 'ns', 'keyPrefix'])
const MAX_REMEMBERED = 20_000

/**
 * Most of a page's strings are fixed labels, the same on every card and every request (/events
 * spent a fifth of its time in i18next). Translate each once per instance; strings with values,
 * counts or other options are translated every time, as before.
 */
export function rememberFixedStrings(instance: I18n): I18n {
  const translate = instance.t.bind(instance) as (key: unknown, options?: unknown) => unknown
  const remembered = new Map<string, unknown>()
  const fixed = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== 'string' || (options !== undefined && (typeof options !== 'object' || options === null))) return translate(key, options)
    const lookup = (options ?? {}) as Record<string, unknown>
    for (const name in lookup) if (!LOOKUP_ONLY.has(name)) return translate(key, options)
    const id = `${String(lookup.lng)}\u0000${String(lookup.lngs)}\u0000${String(lookup.ns)}\u0000${String(lookup.keyPrefix)}\u0000${key}`
    if (remembered.has(id)) return remembered.get(id)
    const text = translate(key, options)
    // Keys come from the code, but a key built from an address must not grow this without end.
    if (typeof text === 'string' && remembered.size < MAX_REMEMBERED) remembered.set(id, text)
    return text
  }
  instance.t = fixed as I18n['t']
  return instance
}

/** A translator outside React (emails, jobs, server messages). */
export async function getTranslator(language: Language, namespace = 'common') {
  return (await getI18n(language)).getFixedT(language, namespace)
}

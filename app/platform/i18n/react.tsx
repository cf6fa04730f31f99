import type { TFunction } from 'i18next'
import { cloneElement, createContext, Fragment, type ReactElement, type ReactNode, useContext, useEffect, useMemo, useState } from 'react'

// What components use of react-i18next, without it (docs/decisions/021): on the server the
// provider holds an i18next instance, in the browser a BrowserStrings; both answer getFixedT.

/** The part of a translator instance that pages use. */
export interface Strings {
  language: string
  options: { defaultNS?: string | false | readonly string[] }
  getFixedT(...args: [language: string, namespace?: string | readonly string[], keyPrefix?: string] | [language: null, namespace: string | readonly string[], keyPrefix?: string]): TFunction
  hasResourceBundle(language: string, namespace: string): boolean
  reloadResources(languages?: string | readonly string[], namespaces?: string | readonly string[]): Promise<unknown>
  loadNamespaces(namespaces: string | readonly string[]): Promise<unknown>
  dir(language?: string): 'ltr' | 'rtl'
  changeLanguage(language: string): unknown
  on?(event: 'loaded', listener: () => void): unknown
  off?(event: 'loaded', listener: () => void): unknown
}

const StringsContext = createContext<Strings | null>(null)

export function I18nextProvider({ i18n, children }: { i18n: Strings; children?: ReactNode }) {
  return <StringsContext.Provider value={i18n}>{children}</StringsContext.Provider>
}

/**
 * A translator for the component's namespace (the first of several; name the others with `ns` or
 * "ns:key"), as react-i18next's useTranslation gives. In the browser it fetches a namespace it
 * lacks and renders again when it has arrived.
 */
export function useTranslation(ns?: string | readonly string[], options: { keyPrefix?: string } = {}) {
  const i18n = useContext(StringsContext)
  if (!i18n) throw new Error('useTranslation needs an I18nextProvider above it')
  const defaultNS = typeof i18n.options.defaultNS === 'string' ? i18n.options.defaultNS : 'common'
  const namespaces = ns === undefined ? [defaultNS] : typeof ns === 'string' ? [ns] : ns
  const first = namespaces[0] ?? defaultNS
  const [version, setVersion] = useState(0)
  const missing = namespaces.filter((namespace) => !i18n.hasResourceBundle(i18n.language, namespace)).join(',')
  useEffect(() => {
    const loaded = () => setVersion((v) => v + 1)
    i18n.on?.('loaded', loaded)
    if (missing) void i18n.loadNamespaces(missing.split(','))
    return () => void i18n.off?.('loaded', loaded)
  }, [i18n, missing])
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new t once strings arrive (version), so memoised children update
  const t = useMemo(() => fixedT(i18n, first, options.keyPrefix), [i18n, i18n.language, first, options.keyPrefix, version])
  return { t, i18n, ready: !missing }
}

/** Switches the browser's strings to the page's language after a navigation changed it (the language switcher). */
export function useChangeLanguage(language: string) {
  const i18n = useContext(StringsContext)
  useEffect(() => {
    if (i18n && i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, language])
}

// On the server a language's strings never change, and a page asks for the same labels over and
// over (every event card): keep one translator per namespace, and each fixed label's text.
const serverTranslators = new WeakMap<Strings, Map<string, TFunction>>()
const MAX_LABELS = 5_000

function fixedT(i18n: Strings, namespace: string, keyPrefix?: string): TFunction {
  if (typeof document !== 'undefined') return i18n.getFixedT(null, namespace, keyPrefix)
  let translators = serverTranslators.get(i18n)
  if (!translators) serverTranslators.set(i18n, (translators = new Map()))
  const id = `${namespace}\u0000${keyPrefix ?? ''}`
  let t = translators.get(id)
  if (!t) {
    const translate = i18n.getFixedT(null, namespace, keyPrefix) as (key: unknown, options?: unknown) => unknown
    const labels = new Map<string, unknown>()
    t = ((key: unknown, options?: unknown) => {
      if (options !== undefined || typeof key !== 'string') return translate(key, options)
      if (labels.has(key)) return labels.get(key)
      const text = translate(key)
      // Keys come from the code, but one built from an address must not grow this without end.
      if (labels.size < MAX_LABELS) labels.set(key, text)
      return text
    }) as unknown as TFunction
    translators.set(id, t)
  }
  return t
}

const TAG = /<(\d+)>(.*?)<\/\1>|<(\d+)\/>/g

/**
 * A sentence with links inside it: "…in your <0>account settings</0>." renders components[0] with
 * the words between the tags as its children.
 */
export function Trans({ t, i18nKey, values, components = [] }: { t: TFunction; i18nKey: string; values?: Record<string, unknown>; components?: ReactElement[] }) {
  const text = String(t(i18nKey, values ?? {}))
  const parts: ReactNode[] = []
  let at = 0
  for (const match of text.matchAll(TAG)) {
    if (match.index > at) parts.push(text.slice(at, match.index))
    const component = components[Number(match[1] ?? match[3])]
    parts.push(component ? cloneElement(component, { key: parts.length }, match[2]) : (match[2] ?? ''))
    at = match.index + match[0].length
  }
  if (at < text.length) parts.push(text.slice(at))
  return <Fragment>{parts}</Fragment>
}

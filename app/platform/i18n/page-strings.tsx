import { useMatches } from '@remix-run/react'
import type { i18n as I18n } from 'i18next'
import { useTranslation } from 'react-i18next'
import { isNamespace, type Language, type Namespace, supportedLanguages } from './config'

/** What a route declares in its `handle`: the namespaces its page and the components it renders use. */
export interface I18nHandle {
  i18n?: readonly Namespace[]
  /** The page shows text in a language other than the reader's (the organisers' preview). */
  i18nEveryLanguage?: boolean
}

export const pageStringsId = 'guth-strings'

type Matches = ReturnType<typeof useMatches>

/** The languages and namespaces the matched routes need, for a reader of `language`. */
export function neededStrings(matches: Matches, language: Language) {
  const handles = matches.map((match) => (match.handle ?? {}) as I18nHandle)
  const namespaces = [...new Set(handles.flatMap((handle) => handle.i18n ?? []))].filter(isNamespace)
  const languages: Language[] = handles.some((handle) => handle.i18nEveryLanguage) ? [...supportedLanguages] : [language]
  return { languages, namespaces }
}

function serialise(i18n: I18n, { languages, namespaces }: ReturnType<typeof neededStrings>) {
  const resources = Object.fromEntries(
    languages.map((language) => [language, Object.fromEntries(namespaces.map((ns) => [ns, i18n.getResourceBundle(language, ns)]))]),
  )
  // Escaped so that no string can end the script element early.
  return JSON.stringify(resources).replace(/</g, '\\u003c')
}

/**
 * The strings of the page's namespaces, in its language, as JSON for entry.client to start i18next
 * with before hydrating. In the browser it keeps what the server sent: it is read once, at start-up.
 */
export function PageStrings({ language, nonce }: { language: Language; nonce?: string }) {
  const matches = useMatches()
  const { i18n } = useTranslation()
  const json =
    typeof document === 'undefined'
      ? serialise(i18n, neededStrings(matches, language))
      : (document.getElementById(pageStringsId)?.textContent ?? '')
  return <script id={pageStringsId} type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: json }} />
}

/** Reads the strings PageStrings wrote, in i18next's resources shape. */
export function readPageStrings(): Partial<Record<Language, Partial<Record<Namespace, object>>>> {
  try {
    return JSON.parse(document.getElementById(pageStringsId)?.textContent || '{}')
  } catch {
    return {}
  }
}

const loads = new Map<string, { promise: Promise<void>; settled: boolean }>()

/**
 * Holds a client navigation on the old page until the new page's strings have arrived, so it never
 * shows keys. Remix navigates in a transition, so suspending here keeps the old page on screen. A
 * load that failed is not retried here: the page then renders, and components load what they lack.
 */
export function usePageStrings(language: Language) {
  const { i18n } = useTranslation()
  const { languages, namespaces } = neededStrings(useMatches(), language)
  const missing = languages.flatMap((lng) => namespaces.filter((ns) => !i18n.hasResourceBundle(lng, ns)).map((ns) => `${lng}/${ns}`))
  if (missing.length === 0) return
  const key = missing.join(',')
  let load = loads.get(key)
  if (!load) {
    const lngs = [...new Set(missing.map((pair) => pair.split('/')[0]!))]
    const nss = [...new Set(missing.map((pair) => pair.split('/')[1]!))]
    const entry = { settled: false, promise: i18n.reloadResources(lngs, nss).then(() => void (entry.settled = true)) }
    loads.set(key, entry)
    load = entry
  }
  if (!load.settled) throw load.promise
}

import { useMatches } from '@remix-run/react'
import { useTranslation } from '~/platform/i18n/react'
import { isLanguage, isNamespace, type Language, type Namespace, supportedLanguages } from './config'

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

/**
 * Which languages and namespaces the page needs, as JSON for entry.client to load before it
 * hydrates. The strings themselves come from each namespace's content-hashed chunk, which the
 * browser keeps from page to page, rather than inside every page's HTML. In the browser it keeps
 * what the server sent: it is read once, at start-up.
 */
export function PageStrings({ language, nonce }: { language: Language; nonce?: string }) {
  const matches = useMatches()
  const json = typeof document === 'undefined' ? JSON.stringify(neededStrings(matches, language)) : (document.getElementById(pageStringsId)?.textContent ?? '')
  return <script id={pageStringsId} type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: json }} />
}

/** Reads what PageStrings wrote: the languages and namespaces this page needs. */
export function readPageStrings(): { languages: Language[]; namespaces: Namespace[] } {
  try {
    const { languages, namespaces } = JSON.parse(document.getElementById(pageStringsId)?.textContent || '{}')
    return { languages: (languages ?? []).filter(isLanguage), namespaces: (namespaces ?? []).filter(isNamespace) }
  } catch {
    return { languages: [], namespaces: [] }
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

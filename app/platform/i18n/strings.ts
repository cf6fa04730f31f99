import type { TFunction } from 'i18next'

// The browser's translator (docs/decisions/021). The server renders with i18next; the browser,
// which only looks strings up, uses this instead and so loads 18 KB less on every page. It follows
// i18next's rules for what Guth uses: namespaces (also as "ns:key"), nested keys, plurals by the
// language's rules (with "_zero" first for a count of 0), {{values}} (also "{{count, number}}"),
// returnObjects and defaultValue. strings.test.ts checks every string of both languages against
// i18next itself, because a difference would show as a flash of other text on hydration.

export type Resources = Record<string, Record<string, unknown>>
export interface TranslateOptions {
  ns?: string | readonly string[]
  lng?: string
  count?: unknown
  returnObjects?: boolean
  defaultValue?: unknown
  keyPrefix?: string
  [value: string]: unknown
}

const NS_SEPARATOR = ':'
const KEY_SEPARATOR = '.'
const NATURAL_LANGUAGE = /( |,|\?|!|;)/

// i18next reads "ns:key" as a namespace only when the key looks like an object path, not a sentence.
function looksLikeObjectPath(key: string) {
  if (!NATURAL_LANGUAGE.test(key)) return true
  const dot = key.indexOf(KEY_SEPARATOR)
  return dot > 0 && !NATURAL_LANGUAGE.test(key.slice(0, dot))
}

function splitNamespace(key: string, namespaces: readonly string[]) {
  if (!key.includes(NS_SEPARATOR) || !looksLikeObjectPath(key)) return { key, namespaces }
  const [namespace, ...rest] = key.split(NS_SEPARATOR)
  return { key: rest.join(KEY_SEPARATOR), namespaces: [namespace!] }
}

function deepFind(value: unknown, key: string): unknown {
  let current = value
  for (const part of key.split(KEY_SEPARATOR)) {
    if (!current || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

const pluralRules = new Map<string, Intl.PluralRules>()
function pluralSuffix(language: string, count: number) {
  let rules = pluralRules.get(language)
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language, { type: 'cardinal' })))
  return `_${rules.select(count)}`
}

const numberFormats = new Map<string, Intl.NumberFormat>()
function formatValue(value: unknown, format: string, language: string) {
  if (format !== 'number') return value
  let numbers = numberFormats.get(language)
  if (!numbers) numberFormats.set(language, (numbers = new Intl.NumberFormat(language)))
  return numbers.format(value as number)
}

// i18next's two patterns: {{- name}} (unescaped; the same here, as nothing is escaped) first.
const PATTERNS = [/\{\{-(.+?)\}\}/g, /\{\{(.+?)\}\}/g]

/**
 * {{name}} and {{count, number}} filled in from the options, exactly as i18next does it: a name not
 * given stays as written, and each value goes in where the placeholder first appears.
 */
export function interpolate(text: string, values: Record<string, unknown>, language: string) {
  let result = text
  for (const pattern of PATTERNS) {
    const regex = new RegExp(pattern.source, 'g')
    let match: RegExpExecArray | null
    while ((match = regex.exec(result))) {
      const [name, ...format] = match[1]!.trim().split(',')
      const path = name!.trim()
      const found = values[path] !== undefined ? values[path] : deepFind(values, path)
      // A format applies even to a missing value ("NaN" for a number), as in i18next.
      const formatted = format.length ? formatValue(found, format.join(',').trim(), language) : found
      let value: string
      if (formatted === undefined) {
        if (!Object.prototype.hasOwnProperty.call(values, path)) continue
        value = ''
      } else value = formatted === null ? '' : String(formatted)
      result = result.replace(match[0], () => value)
      regex.lastIndex += value.length - match[0].length
    }
  }
  return result
}

const isFound = (value: unknown) => value !== undefined && value !== null

function lookup(resources: Resources, languages: readonly string[], namespaces: readonly string[], key: string, options: TranslateOptions) {
  const counted = options.count !== undefined && typeof options.count !== 'string'
  for (const namespace of namespaces) {
    for (const language of languages) {
      const keys = [key]
      if (counted) {
        keys.push(key + pluralSuffix(language, options.count as number))
        if (options.count === 0) keys.push(`${key}_zero`)
      }
      // Most specific first: "_zero", then the language's plural form, then the key itself.
      for (let i = keys.length - 1; i >= 0; i--) {
        const found = deepFind(resources[language]?.[namespace], keys[i]!)
        if (isFound(found)) return { found, key: keys[i]!, language, namespace }
      }
    }
  }
  return null
}

function expand(value: unknown, options: TranslateOptions, language: string): unknown {
  if (typeof value === 'string') return interpolate(value, options, language)
  if (Array.isArray(value)) return value.map((item) => expand(item, options, language))
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, expand(item, options, language)]))
  return value
}

/**
 * A key's text in the first of `languages` that has it, looked for in each of `namespaces` in turn.
 * `wanted` is reported a namespace that is not loaded yet, so the caller can fetch it.
 */
export function translate(
  resources: Resources,
  languages: readonly string[],
  namespaces: readonly string[],
  keys: string | readonly string[],
  options: TranslateOptions = {},
  wanted?: (language: string, namespace: string) => void,
): unknown {
  const list = typeof keys === 'string' ? [keys] : keys
  let last = splitNamespace(String(list[list.length - 1] ?? ''), namespaces)
  const language = options.lng ?? languages[0]!
  for (const candidate of list) {
    const split = splitNamespace(String(candidate), namespaces)
    last = split
    if (wanted) for (const namespace of split.namespaces) for (const code of languages) if (!resources[code]?.[namespace]) wanted(code, namespace)
    const hit = lookup(resources, options.lng ? [options.lng] : languages, split.namespaces, split.key, options)
    if (!hit) continue
    if (typeof hit.found === 'string') return interpolate(hit.found, options, language)
    if (typeof hit.found === 'object') return options.returnObjects ? expand(hit.found, options, language) : `key '${split.key} (${language})' returned an object instead of string.`
    return hit.found
  }
  if (options.defaultValue !== undefined) return typeof options.defaultValue === 'string' ? interpolate(options.defaultValue, options, language) : options.defaultValue
  return interpolate(last.key, options, language)
}

type Listener = () => void

/**
 * The browser's strings: the namespaces a page needs, fetched as chunks, and a translator over them
 * with the part of i18next's interface that Guth's components use.
 */
export class BrowserStrings {
  readonly resources: Resources = {}
  private readonly loading = new Map<string, Promise<void>>()
  private readonly listeners = new Set<Listener>()

  constructor(
    public language: string,
    private readonly fetchBundle: (language: string, namespace: string) => Promise<Record<string, unknown>>,
    readonly options: { defaultNS: string } = { defaultNS: 'common' },
  ) {}

  hasResourceBundle(language: string, namespace: string) {
    return Boolean(this.resources[language]?.[namespace])
  }

  /** Fetches what is not here yet; those that fail are left out (their keys show until a retry). */
  reloadResources(languages: readonly string[], namespaces: readonly string[]): Promise<void> {
    return Promise.all(languages.flatMap((language) => namespaces.map((namespace) => this.load(language, namespace)))).then(() => undefined)
  }

  loadNamespaces(namespaces: string | readonly string[]) {
    return this.reloadResources([this.language], typeof namespaces === 'string' ? [namespaces] : namespaces)
  }

  private load(language: string, namespace: string) {
    const id = `${language}/${namespace}`
    let loading = this.loading.get(id)
    if (!loading) {
      loading = this.fetchBundle(language, namespace).then(
        (bundle) => {
          ;(this.resources[language] ??= {})[namespace] = bundle
          for (const listener of this.listeners) listener()
        },
        () => void this.loading.delete(id),
      )
      this.loading.set(id, loading)
    }
    return loading
  }

  /** The page's language changed (the language switcher): its strings are already loaded (usePageStrings). */
  changeLanguage(language: string) {
    if (language === this.language) return
    this.language = language
    for (const listener of this.listeners) listener()
  }

  dir() {
    return 'ltr' as const
  }

  on(_event: 'loaded', listener: Listener) {
    this.listeners.add(listener)
  }

  off(_event: 'loaded', listener: Listener) {
    this.listeners.delete(listener)
  }

  t(key: string | readonly string[], options: TranslateOptions = {}) {
    const namespaces = options.ns === undefined ? [this.options.defaultNS] : typeof options.ns === 'string' ? [options.ns] : options.ns
    return translate(this.resources, [options.lng ?? this.language], namespaces, key, options, (language, namespace) => void this.load(language, namespace))
  }

  getFixedT(...[language, namespace, keyPrefix]: [language: string, namespace?: string | readonly string[], keyPrefix?: string] | [language: null, namespace: string | readonly string[], keyPrefix?: string]): TFunction {
    const fixed = (key: string | readonly string[], options?: TranslateOptions | string) => {
      const given: TranslateOptions = typeof options === 'string' ? { defaultValue: options } : { ...options }
      given.lng ??= language ?? undefined
      given.ns ??= namespace
      const prefix = given.keyPrefix ?? keyPrefix
      const keys = typeof key === 'string' ? key : key
      const full = prefix ? (typeof keys === 'string' ? `${prefix}${KEY_SEPARATOR}${keys}` : keys.map((k) => `${prefix}${KEY_SEPARATOR}${k}`)) : keys
      return this.t(full, given)
    }
    return fixed as unknown as TFunction
  }
}
